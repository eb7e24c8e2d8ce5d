import { describe, expect, it } from 'vitest';
import { similarityHeatmap } from './heatmap-scale.js';

describe('similarityHeatmap', () => {
  it('blanks the diagonal and takes the colour range from the off-diagonal values only', () => {
    const { cells, min, max } = similarityHeatmap([
      [1, 0.42, 0.61],
      [0.42, 1, 0.55],
      [0.61, 0.55, 1],
    ]);
    expect(min).toBe(0.42);
    expect(max).toBe(0.61);
    expect(cells.filter(([x, y]) => x === y).every(([, , value]) => value === '-')).toBe(true);
    expect(cells).toContainEqual([1, 0, 0.42]);
  });

  it('keeps a usable range for one post or identical pairs', () => {
    expect(similarityHeatmap([[1]])).toMatchObject({ min: 0, max: 1 });
    const flat = similarityHeatmap([
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(flat.max).toBeGreaterThan(flat.min);
  });
});
