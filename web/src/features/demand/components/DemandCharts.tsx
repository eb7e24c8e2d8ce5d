import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FONT_STACK } from '../../../theme.js';
import { EChart } from '../../dashboard/components/EChart.js';

export interface ChartBar {
  label: string;
  value: number;
}

/** Horizontal bars, largest first as given: counts by post, province or competency. */
export function HorizontalBarChart({
  bars,
  label,
  seriesName,
  color = '#1677ff',
}: {
  bars: readonly ChartBar[];
  label: string;
  seriesName: string;
  color?: string;
}) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
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
    }),
    [bars, seriesName, color],
  );
  return <EChart option={option} label={label} height={Math.max(160, 28 * bars.length + 40)} />;
}

export interface YearSeries {
  name: string;
  values: readonly number[];
  color: string;
}

/** Vertical bars per year, one bar per series (postings; declared headcount). */
export function YearBarChart({
  years,
  series,
  label,
  height = 260,
}: {
  years: readonly number[];
  series: readonly YearSeries[];
  label: string;
  height?: number;
}) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
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
    }),
    [years, series],
  );
  return <EChart option={option} label={label} height={height} />;
}

/** Each competency's share of the year's postings, one line per competency, in percent. */
export function ShareLineChart({
  years,
  lines,
  label,
}: {
  years: readonly number[];
  lines: readonly { name: string; shares: readonly number[] }[];
  label: string;
}) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}%` },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
      yAxis: { type: 'value', name: t('demand.trends.chart.axis'), axisLabel: { formatter: '{value}%' } },
      series: lines.map((line) => ({
        type: 'line',
        name: line.name,
        data: line.shares.map((share) => Math.round(share * 1000) / 10),
        symbolSize: 6,
      })),
    }),
    [years, lines, t],
  );
  return <EChart option={option} label={label} height={320} />;
}
