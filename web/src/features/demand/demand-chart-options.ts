import type { EChartsCoreOption } from 'echarts/core';
import { FONT_STACK } from '../../theme.js';

export interface ChartBar {
  label: string;
  value: number;
}

export interface YearSeries {
  name: string;
  values: readonly number[];
  color: string;
}

export interface ShareLine {
  name: string;
  /** One 0–1 share per year. */
  shares: readonly number[];
}

const BASE = { aria: { enabled: true }, textStyle: { fontFamily: FONT_STACK } } as const;

/** Horizontal bars in the order given (largest first by the callers), one category per bar. */
export function horizontalBarOption(bars: readonly ChartBar[], seriesName: string, color: string): EChartsCoreOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', name: seriesName, data: bars.map((bar) => bar.value), itemStyle: { color }, barMaxWidth: 20 },
    ],
  };
}

/** The height that gives each horizontal bar room for its label (at least 160 px). */
export function horizontalBarHeight(bars: number): number {
  return Math.max(160, 28 * bars + 40);
}

/** Vertical bars per year, one bar per series; a legend only when there is more than one series. */
export function yearBarOption(years: readonly number[], series: readonly YearSeries[]): EChartsCoreOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { bottom: 0 } : undefined,
    grid: { left: 8, right: 16, top: 16, bottom: series.length > 1 ? 32 : 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((entry) => ({
      type: 'bar',
      name: entry.name,
      data: [...entry.values],
      itemStyle: { color: entry.color },
      barMaxWidth: 36,
    })),
  };
}

/** A share (0–1) as the percentage a line chart plots, to one decimal: `0.1234` → `12.3`. */
export function sharePercent(share: number): number {
  return Math.round(share * 1000) / 10;
}

/** One line per competency: its share of each year's postings, in percent. */
export function shareLineOption(
  years: readonly number[],
  lines: readonly ShareLine[],
  axisName: string,
): EChartsCoreOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}%` },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: axisName, axisLabel: { formatter: '{value}%' } },
    series: lines.map((line) => ({
      type: 'line',
      name: line.name,
      data: line.shares.map(sharePercent),
      symbolSize: 6,
    })),
  };
}
