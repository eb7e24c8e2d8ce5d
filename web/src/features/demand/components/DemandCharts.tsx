import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../dashboard/components/EChart.js';
import {
  horizontalBarHeight,
  horizontalBarOption,
  shareLineOption,
  yearBarOption,
  type ChartBar,
  type ShareLine,
  type YearSeries,
} from '../demand-chart-options.js';

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
  const option = useMemo(() => horizontalBarOption(bars, seriesName, color), [bars, seriesName, color]);
  return <EChart option={option} label={label} height={horizontalBarHeight(bars.length)} />;
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
  const option = useMemo(() => yearBarOption(years, series), [years, series]);
  return <EChart option={option} label={label} height={height} />;
}

/** Each competency's share of the year's postings, one line per competency, in percent. */
export function ShareLineChart({
  years,
  lines,
  label,
}: {
  years: readonly number[];
  lines: readonly ShareLine[];
  label: string;
}) {
  const { t } = useTranslation();
  const option = useMemo(() => shareLineOption(years, lines, t('demand.trends.chart.axis')), [years, lines, t]);
  return <EChart option={option} label={label} height={320} />;
}
