import { describe, expect, it } from 'vitest';
import { pointsAttribute, sparklinePoints } from './sparkline-points.js';

describe('sparkline points', () => {
  it('spaces the years evenly and scales from zero to the highest share', () => {
    const points = sparklinePoints(
      [
        { year: 2027, share: 0.4 },
        { year: 2025, share: 0.1 },
        { year: 2026, share: 0.2 },
      ],
      84,
      24,
      2,
    );
    expect(points).toEqual([
      { x: 2, y: 17 },
      { x: 42, y: 12 },
      { x: 82, y: 2 },
    ]);
    expect(pointsAttribute(points)).toBe('2,17 42,12 82,2');
  });

  it('draws a flat line at the bottom when every share is zero, and a centred point for one year', () => {
    expect(
      sparklinePoints(
        [
          { year: 2026, share: 0 },
          { year: 2027, share: 0 },
        ],
        20,
        10,
        1,
      ).map((p) => p.y),
    ).toEqual([9, 9]);
    expect(sparklinePoints([{ year: 2027, share: 0.3 }], 20, 10, 1)).toEqual([{ x: 10, y: 1 }]);
    expect(sparklinePoints([], 20, 10)).toEqual([]);
  });
});
