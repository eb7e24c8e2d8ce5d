import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from './mask-personal-data.js';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('masks short numbers without revealing them whole', () => {
    expect(maskPhone('0571123')).toBe('05***23');
    expect(maskPhone('123')).toBe('***');
  });
  it('passes null through', () => {
    expect(maskPhone(null)).toBeNull();
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskEmail('zhang.san@example.edu.cn')).toBe('z***@example.edu.cn');
  });
  it('masks a value without a domain entirely', () => {
    expect(maskEmail('nobody')).toBe('***');
  });
});
