import { describe, expect, it } from 'vitest';
import { countBarOption, countPieOption } from './dashboard-chart-options.js';

const entries = [
  { label: 'Teacher', count: 12 },
  { label: 'Student', count: 40 },
];

describe('dashboard chart options', () => {
  it('draws members by role as bars in the order given, with whole-number ticks', () => {
    const option = countBarOption(entries, 'Count') as {
      xAxis: { minInterval: number };
      yAxis: { data: string[]; inverse: boolean };
      series: { name: string; data: number[] }[];
    };
    expect(option.yAxis).toMatchObject({ data: ['Teacher', 'Student'], inverse: true });
    expect(option.xAxis.minInterval).toBe(1);
    expect(option.series).toEqual([expect.objectContaining({ name: 'Count', data: [12, 40] })]);
  });

  it('draws organisations by kind as a labelled ring', () => {
    const option = countPieOption(entries) as {
      series: { type: string; data: { name: string; value: number }[]; label: { formatter: string } }[];
    };
    expect(option.series[0]?.type).toBe('pie');
    expect(option.series[0]?.data).toEqual([
      { name: 'Teacher', value: 12 },
      { name: 'Student', value: 40 },
    ]);
    expect(option.series[0]?.label.formatter).toBe('{b}: {c}');
  });
});
