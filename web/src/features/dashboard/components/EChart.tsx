import { Alert } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEcharts } from '../load-echarts.js';

/** One ECharts chart; ECharts itself arrives with the first chart that is shown. */
export function EChart({ option, label, height = 300 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const { t } = useTranslation();
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);
  // The latest option, for the moment ECharts has finished loading.
  const optionRef = useRef(option);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadEcharts().then(
      (init) => {
        if (disposed || !elementRef.current) return;
        const chart = init(elementRef.current);
        chartRef.current = chart;
        chart.setOption(optionRef.current);
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
  return <div ref={elementRef} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
