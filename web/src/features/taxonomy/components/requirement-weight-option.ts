import type { EChartsCoreOption } from 'echarts/core';
import { FONT_STACK } from '../../../theme.js';

/** One dimension's summed requirement weights, labelled in the UI language. */
export interface DimensionWeight {
  label: string;
  essentialWeight: number;
  optionalWeight: number;
}

/** Essential and optional weight stacked per dimension, rounded to two decimals for the tooltip. */
export function requirementWeightOption(
  dimensions: readonly DimensionWeight[],
  names: { essential: string; optional: string },
): EChartsCoreOption {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: FONT_STACK },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: dimensions.map((dimension) => dimension.label) },
    series: [
      {
        type: 'bar',
        stack: 'weight',
        name: names.essential,
        data: dimensions.map((dimension) => round(dimension.essentialWeight)),
        itemStyle: { color: '#cf1322' },
        barMaxWidth: 24,
      },
      {
        type: 'bar',
        stack: 'weight',
        name: names.optional,
        data: dimensions.map((dimension) => round(dimension.optionalWeight)),
        itemStyle: { color: '#91caff' },
        barMaxWidth: 24,
      },
    ],
  };
}

/** The chart's height: room for each dimension's bar and the legend (at least 160 px). */
export function requirementWeightHeight(dimensions: number): number {
  return Math.max(160, 44 * dimensions + 60);
}
