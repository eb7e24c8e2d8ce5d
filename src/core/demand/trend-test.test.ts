import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, cochranArmitage, erfc } from './trend-test.js';

describe('erfc', () => {
  it('matches known values', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 7);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 7);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 5);
  });
});

describe('cochranArmitage', () => {
  it('finds a rising share and gives the textbook statistic', () => {
    // Hand-computed: shares 0.1, 0.2, 0.3 of 100 postings each, scores 0,1,2 → T = 20, Var = 0.2·0.8·200 = 32.
    const result = cochranArmitage([10, 20, 30], [100, 100, 100], [0, 1, 2]);
    expect(result.z).toBeCloseTo(20 / Math.sqrt(32), 10);
    expect(result.p).toBeCloseTo(erfc(20 / Math.sqrt(32) / Math.SQRT2), 10);
    expect(result.p).toBeLessThan(0.001);
  });

  it('is negative for a falling share and symmetric', () => {
    const up = cochranArmitage([10, 20, 30], [100, 100, 100], [2021, 2022, 2023]);
    const down = cochranArmitage([30, 20, 10], [100, 100, 100], [2021, 2022, 2023]);
    expect(down.z).toBeCloseTo(-up.z, 10);
    expect(down.p).toBeCloseTo(up.p, 10);
  });

  it('does not call a flat share or a raw count rise significant', () => {
    // Counts double, but so do the totals: the share is flat.
    const flat = cochranArmitage([10, 20, 40], [100, 200, 400], [0, 1, 2]);
    expect(flat.z).toBeCloseTo(0, 10);
    expect(flat.p).toBeCloseTo(1, 7);
  });

  it('is undefined (z 0, p 1) without variation', () => {
    expect(cochranArmitage([0, 0], [10, 10], [0, 1])).toEqual({ z: 0, p: 1 });
    expect(cochranArmitage([10, 10], [10, 10], [0, 1])).toEqual({ z: 0, p: 1 });
    expect(cochranArmitage([3], [10], [2024])).toEqual({ z: 0, p: 1 });
    expect(cochranArmitage([], [], [])).toEqual({ z: 0, p: 1 });
  });

  it('rejects impossible counts', () => {
    expect(() => cochranArmitage([11], [10], [0])).toThrow(RangeError);
    expect(() => cochranArmitage([1, 2], [10], [0])).toThrow(RangeError);
  });
});

describe('benjaminiHochberg', () => {
  it('adjusts like R p.adjust(method = "BH")', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((value) => Number(value.toFixed(10)))).toEqual([0.02, 0.04, 0.04, 0.02]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
