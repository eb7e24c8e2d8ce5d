import type { createChart } from './echarts-setup.js';

let loading: Promise<typeof createChart> | null = null;

/** Loads ECharts once, on the first chart, so it stays out of the first page load. */
export function loadEcharts(): Promise<typeof createChart> {
  loading ??= import('./echarts-setup.js').then((module) => module.createChart);
  loading.catch(() => {
    // Let a later chart try again (e.g. after a flaky network).
    loading = null;
  });
  return loading;
}
