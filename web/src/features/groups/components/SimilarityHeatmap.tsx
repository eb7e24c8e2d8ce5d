import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetailDto } from '../../../api/contracts.js';
import { FONT_STACK } from '../../../theme.js';
import { formatQuality, groupColour, postsById, postTitle } from '../groups-format.js';
import { EChart } from '../../dashboard/components/EChart.js';
import { similarityHeatmap, type HeatmapCell } from '../heatmap-scale.js';

/**
 * The cosine similarity of every pair of posts, ordered by group (the server's order), so each group shows as a
 * warm block on the diagonal. Axis labels take their group's colour; a click on a cell explains that pair.
 */
export function SimilarityHeatmap({
  detail,
  onPair,
}: {
  detail: ProposalDetailDto;
  onPair: (a: string, b: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo<EChartsCoreOption>(() => {
    const posts = postsById(detail);
    const ids = detail.heatmap.posts;
    const labels = ids.map((id) => postTitle(posts.get(id), id, language));
    const colours = ids.map((id) => groupColour(posts.get(id)?.groupIndex ?? 0));
    const { cells, min, max } = similarityHeatmap(detail.heatmap.values);
    const axisLabel = {
      width: 130,
      overflow: 'truncate',
      fontSize: 11,
      color: (_value: string, index: number) => colours[index] ?? '#333',
    };
    return {
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
      tooltip: {
        formatter: (params: { data: HeatmapCell }) => {
          const [x, y, value] = params.data;
          if (value === '-') return labels[y] ?? '';
          return `${labels[y] ?? ''} × ${labels[x] ?? ''}<br/>${t('groups.detail.similarity')}: <b>${formatQuality(value)}</b>`;
        },
      },
      grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { ...axisLabel, rotate: 45, interval: 0 },
        splitArea: { show: false },
      },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { ...axisLabel, interval: 0 } },
      visualMap: {
        // From the least to the most similar pair shown; the diagonal (a post with itself) is left blank.
        min,
        max,
        precision: 2,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        inRange: { color: ['#f7fbff', '#9ecae1', '#2171b5', '#08306b'] },
        text: [t('groups.detail.heatmapHigh'), t('groups.detail.heatmapLow')],
      },
      series: [
        {
          type: 'heatmap',
          name: t('groups.detail.similarity'),
          data: cells,
          emphasis: { itemStyle: { borderColor: '#fa8c16', borderWidth: 2 } },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
        },
      ],
    };
  }, [detail, language, t]);
  const size = detail.heatmap.posts.length;
  return (
    <EChart
      option={option}
      label={t('groups.detail.heatmapTitle')}
      testId="proposal-heatmap"
      height={Math.min(760, Math.max(320, 30 * size + 200))}
      onItemClick={(event) => {
        if (event.seriesType !== 'heatmap') return;
        const [x, y] = event.data as [number, number, number];
        const a = detail.heatmap.posts[y];
        const b = detail.heatmap.posts[x];
        if (a && b && a !== b) onPair(a, b);
      }}
    />
  );
}
