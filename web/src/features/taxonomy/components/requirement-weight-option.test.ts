import { describe, expect, it } from 'vitest';
import { requirementWeightHeight, requirementWeightOption } from './requirement-weight-option.js';

describe('the requirement weight chart', () => {
  it('stacks essential and optional weight per dimension, rounded to two decimals', () => {
    const option = requirementWeightOption(
      [
        { label: 'IT', essentialWeight: 1.2345, optionalWeight: 0.5 },
        { label: 'Language', essentialWeight: 0, optionalWeight: 0.333 },
      ],
      { essential: 'Essential', optional: 'Optional' },
    ) as { yAxis: { data: string[] }; series: { name: string; stack: string; data: number[] }[] };
    expect(option.yAxis.data).toEqual(['IT', 'Language']);
    expect(option.series.map((series) => [series.name, series.stack, series.data])).toEqual([
      ['Essential', 'weight', [1.23, 0]],
      ['Optional', 'weight', [0.5, 0.33]],
    ]);
  });

  it('grows with the number of dimensions, from a minimum', () => {
    expect(requirementWeightHeight(1)).toBe(160);
    expect(requirementWeightHeight(6)).toBe(324);
  });
});
