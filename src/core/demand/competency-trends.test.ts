import { describe, expect, it } from 'vitest';
import { competencyTrends } from './competency-trends.js';

const years = [2022, 2023, 2024, 2025];
const totals = [1000, 1000, 1000, 1000];
const options = { fdr: 0.05, minPostings: 20, limit: 10 };

describe('competencyTrends', () => {
  it('separates real trends from noise and from rising raw counts', () => {
    const report = competencyTrends(
      years,
      totals,
      [
        { key: 'rising', counts: [50, 80, 120, 160] },
        { key: 'falling', counts: [200, 150, 110, 60] },
        { key: 'noise', counts: [100, 104, 97, 101] },
        { key: 'rare', counts: [1, 2, 3, 4] },
      ],
      options,
    );
    expect(report.tested).toBe(3);
    const all = [...report.rising, ...report.falling];
    expect(all.filter((row) => row.significant).map((row) => row.key)).toEqual(['rising', 'falling']);
    expect(report.rising[0]!.key).toBe('rising');
    expect(report.falling[0]!.key).toBe('falling');
    expect(all.find((row) => row.key === 'noise')!.q).toBeGreaterThan(0.05);
    expect(report.rising[0]!.changePoints).toBeCloseTo(11, 10);
    expect(report.falling[0]!.shares).toEqual([0.2, 0.15, 0.11, 0.06]);
  });

  it('measures shares against each year’s total, not raw counts', () => {
    const report = competencyTrends(
      years,
      [500, 1000, 2000, 4000],
      [{ key: 'flat-share', counts: [50, 100, 200, 400] }],
      options,
    );
    expect(report.rising).toEqual([]);
    expect(report.falling).toEqual([]);
  });

  it('copes with empty input and years without postings', () => {
    expect(competencyTrends([], [], [], options)).toEqual({ tested: 0, rising: [], falling: [] });
    const report = competencyTrends(years, [0, 1000, 1000, 0], [{ key: 'a', counts: [0, 50, 150, 0] }], options);
    expect(report.rising[0]!.changePoints).toBeCloseTo(10, 10);
  });
});
