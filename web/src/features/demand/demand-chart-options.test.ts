import { describe, expect, it } from 'vitest';
import {
  horizontalBarHeight,
  horizontalBarOption,
  shareLineOption,
  sharePercent,
  yearBarOption,
} from './demand-chart-options.js';

/** The parts of an ECharts option these tests read. */
interface Option {
  aria: unknown;
  legend?: unknown;
  grid: { bottom: number };
  xAxis: { data?: string[] };
  yAxis: { name?: string; data?: string[]; type?: string; inverse?: boolean };
  tooltip: { valueFormatter?: (value: number) => string };
  series: { type: string; name: string; data: number[]; itemStyle?: unknown }[];
}

const read = (option: object) => option as Option;

describe('demand chart options', () => {
  it('draws horizontal bars top-down in the order given, in one colour', () => {
    const option = read(
      horizontalBarOption(
        [
          { label: '测试工程师', value: 12 },
          { label: '运维工程师', value: 5 },
        ],
        'Postings',
        '#1677ff',
      ),
    );
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['测试工程师', '运维工程师'] });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', name: 'Postings', data: [12, 5] })]);
    expect(option.series[0]?.itemStyle).toEqual({ color: '#1677ff' });
    expect(option.aria).toEqual({ enabled: true });
  });

  it('gives every bar room, and a short chart a minimum height', () => {
    expect(horizontalBarHeight(0)).toBe(160);
    expect(horizontalBarHeight(10)).toBe(320);
  });

  it('shows a legend for year bars only when there are several series', () => {
    const one = read(yearBarOption([2023, 2024], [{ name: 'Postings', values: [3, 4], color: '#111' }]));
    expect(one.legend).toBeUndefined();
    expect(one.xAxis).toMatchObject({ data: ['2023', '2024'] });
    expect(one.grid.bottom).toBe(8);

    const two = read(
      yearBarOption(
        [2024],
        [
          { name: 'Postings', values: [3], color: '#111' },
          { name: 'Declared', values: [7], color: '#222' },
        ],
      ),
    );
    expect(two.legend).toEqual({ bottom: 0 });
    expect(two.series.map((entry) => [entry.name, entry.data])).toEqual([
      ['Postings', [3]],
      ['Declared', [7]],
    ]);
  });

  it('plots shares as percentages with one decimal and formats the tooltip in percent', () => {
    expect(sharePercent(0.1234)).toBe(12.3);
    expect(sharePercent(1)).toBe(100);
    const option = read(shareLineOption([2023, 2024], [{ name: 'Selenium', shares: [0.1, 0.256] }], '% of postings'));
    expect(option.series).toEqual([expect.objectContaining({ type: 'line', name: 'Selenium', data: [10, 25.6] })]);
    expect(option.yAxis.name).toBe('% of postings');
    expect(option.tooltip.valueFormatter?.(25.6)).toBe('25.6%');
  });
});
