import { describe, expect, it } from 'vitest';
import { formatProbability, formatShare, formatSigned, integerParam, placeName } from './demand-format.js';

describe('demand figures as the pages show them', () => {
  it('shows a share as a percentage with one decimal', () => {
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(1)).toBe('100.0%');
  });

  it('shows p- and q-values with three decimals, tiny ones in scientific notation', () => {
    expect(formatProbability(0)).toBe('0');
    expect(formatProbability(0.04567)).toBe('0.046');
    expect(formatProbability(0.001)).toBe('0.001');
    expect(formatProbability(0.0000123)).toBe('1.2e-5');
  });

  it('signs a change with a plus or a real minus, zero unsigned', () => {
    expect(formatSigned(2.314)).toBe('+2.31');
    expect(formatSigned(-0.5)).toBe('−0.50');
    expect(formatSigned(0)).toBe('0.00');
    expect(formatSigned(1.25, 1)).toBe('+1.3');
  });

  it('reads whole numbers from the URL and nothing else', () => {
    expect(integerParam('2024')).toBe(2024);
    expect(integerParam('-3')).toBe(-3);
    expect(integerParam(undefined)).toBeUndefined();
    expect(integerParam('20.5')).toBeUndefined();
    expect(integerParam('abc')).toBeUndefined();
  });

  it('names a place once when province and city are the same (municipalities)', () => {
    expect(placeName('江苏省', '无锡市')).toBe('江苏省 无锡市');
    expect(placeName('上海市', '上海市')).toBe('上海市');
    expect(placeName('江苏省', null)).toBe('江苏省');
    expect(placeName(null, '无锡市')).toBe('无锡市');
    expect(placeName(null, null)).toBeNull();
  });
});
