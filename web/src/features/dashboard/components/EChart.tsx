import { Alert } from 'antd';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEcharts } from '../load-echarts.js';

/**
 * One ECharts chart; ECharts itself arrives with the first chart that is shown. `onItemClick` reports clicks on
 * the chart's items (a heatmap cell, a network edge).
 */
export function EChart({
  option,
  label,
  height = 300,
  onItemClick,
  testId,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  onItemClick?: (event: ECElementEvent) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);
  // The latest option and click handler, for the moment ECharts has finished loading.
  const optionRef = useRef(option);
  const clickRef = useRef(onItemClick);

  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadEcharts().then(
      (init) => {
        if (disposed || !elementRef.current) return;
        const chart = init(elementRef.current);
        chartRef.current = chart;
        chart.setOption(optionRef.current);
        chart.on('click', (event) => clickRef.current?.(event));
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(elementRef.current);
      },
      () => {
        if (!disposed) setFailed(true);
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
    // The chart is created once; option changes are applied by the effect below.
  }, []);

  useEffect(() => {
    optionRef.current = option;
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  if (failed) return <Alert type="warning" showIcon title={t('dashboard.charts.loadFailed')} />;
  return <div ref={elementRef} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
