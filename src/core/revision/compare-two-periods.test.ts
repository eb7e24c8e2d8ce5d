import { describe, expect, it } from 'vitest';
import { compareTwoPeriods, fisherExactTwoSided, logFactorial } from './compare-two-periods.js';

describe('compareTwoPeriods', () => {
  it("gives Fisher's exact p-values R's fisher.test gives", () => {
    // fisher.test(matrix(c(1, 9, 11, 3), 2)) → p = 0.002759
    expect(fisherExactTwoSided(1, 12, 9, 12)).toBeCloseTo(0.002759, 5);
    // fisher.test(matrix(c(3, 1, 1, 3), 2)) → p = 0.4857
    expect(fisherExactTwoSided(3, 4, 1, 4)).toBeCloseTo(0.4857, 4);
    // identical tables are no evidence at all
    expect(fisherExactTwoSided(2, 10, 2, 10)).toBeCloseTo(1, 10);
  });

  it('uses Fisher for small expected counts and the z-test otherwise', () => {
    expect(compareTwoPeriods(1, 40, 3, 40).method).toBe('fisher');
    const large = compareTwoPeriods(100, 1000, 160, 1000);
    expect(large.method).toBe('z');
    // z = 0.06 / √(0.13 · 0.87 · 2/1000) = 3.989 → two-sided p = 6.62e-5 (prop.test without continuity correction)
    expect(large.p).toBeCloseTo(6.62e-5, 6);
    expect(large.h).toBeCloseTo(2 * Math.asin(Math.sqrt(0.16)) - 2 * Math.asin(Math.sqrt(0.1)), 12);
  });

  it('calls a 2 % of 40 postings change no evidence', () => {
    expect(compareTwoPeriods(0, 40, 1, 40).p).toBeCloseTo(1, 10);
  });

  it('is undefined (p = 1) without postings or without variation', () => {
    expect(compareTwoPeriods(0, 0, 3, 10).p).toBe(1);
    expect(compareTwoPeriods(0, 10, 0, 10).p).toBe(1);
    expect(compareTwoPeriods(10, 10, 20, 20).p).toBe(1);
  });

  it('refuses impossible tables', () => {
    expect(() => compareTwoPeriods(5, 4, 0, 4)).toThrow(RangeError);
    expect(() => compareTwoPeriods(1.5, 4, 0, 4)).toThrow(RangeError);
  });

  it('computes ln n! accurately past the table', () => {
    let exact = 0;
    for (let i = 1; i <= 1000; i += 1) exact += Math.log(i);
    expect(logFactorial(1000)).toBeCloseTo(exact, 8);
    expect(logFactorial(257)).toBeCloseTo(logFactorial(256) + Math.log(257), 9);
  });
});
