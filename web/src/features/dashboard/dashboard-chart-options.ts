import type { EChartsCoreOption } from 'echarts/core';
import { FONT_STACK } from '../../theme.js';

/** One labelled count of the dashboard (a role's members, a kind's organisations). */
export interface LabelledCount {
  label: string;
  count: number;
}

/** Horizontal bars of counts, in the order given. */
export function countBarOption(entries: readonly LabelledCount[], seriesName: string): EChartsCoreOption {
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: FONT_STACK },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: entries.map((entry) => entry.label), inverse: true },
    series: [{ type: 'bar', name: seriesName, data: entries.map((entry) => entry.count), barMaxWidth: 28 }],
  };
}

/** A ring of counts, each slice labelled with its name and count. */
export function countPieOption(entries: readonly LabelledCount[]): EChartsCoreOption {
  return {
    aria: { enabled: true },
    textStyle: { fontFamily: FONT_STACK },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        data: entries.map((entry) => ({ name: entry.label, value: entry.count })),
        label: { formatter: '{b}: {c}' },
      },
    ],
  };
}
