import { BarChart, GraphChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Named imports only, so the bundle holds just these chart types and not all of ECharts.
use([
  BarChart,
  LineChart,
  PieChart,
  // The specialty-group pages: the similarity heatmap and the network of posts and specialties.
  HeatmapChart,
  GraphChart,
  VisualMapComponent,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export function createChart(element: HTMLElement) {
  return init(element, undefined, { renderer: 'canvas' });
}
