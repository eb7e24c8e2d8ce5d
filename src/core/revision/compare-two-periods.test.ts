import { describe, expect, it } from 'vitest';
import { compareStratified, compareTwoPeriods, fisherExactTwoSided, logFactorial } from './compare-two-periods.js';

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

describe('compareStratified', () => {
  it('sees no change when only the mix of posts moved', () => {
    // Post A asks for it in half its postings, post B never; A shrinks from 100 to 10 postings.
    const test = compareStratified([
      { a: 50, n: 100, b: 5, m: 10 },
      { a: 0, n: 100, b: 0, m: 190 },
    ]);
    expect(test.p).toBeCloseTo(1, 6);
    expect(test.h).toBeCloseTo(0, 12);
    expect(test.method).toBe('cmh');
    // the raw shares fell from 25 % to 2.5 %: the unstratified test calls it a change
    expect(compareTwoPeriods(50, 200, 5, 200).p).toBeLessThan(1e-9);
  });

  it('sees a change within posts and agrees with the plain test on one stratum', () => {
    const one = compareStratified([{ a: 100, n: 1000, b: 160, m: 1000 }]);
    expect(one.p).toBeCloseTo(compareTwoPeriods(100, 1000, 160, 1000).p, 3);
    const two = compareStratified([
      { a: 10, n: 100, b: 40, m: 100 },
      { a: 5, n: 100, b: 30, m: 100 },
    ]);
    expect(two.z).toBeGreaterThan(4);
    expect(two.h).toBeGreaterThan(0.5);
  });
});
