import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FONT_STACK } from '../../../theme.js';
import { EChart } from '../../dashboard/components/EChart.js';
import type { RequirementGroup } from './requirement-groups.js';

/** Summed requirement weight per dimension, essential and optional stacked: where the post's weight lies. */
export function RequirementWeightChart({ groups }: { groups: readonly RequirementGroup[] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: groups.map((group) => t(`taxonomy.dimensions.${group.dimension ?? 'none'}`)),
      },
      series: [
        {
          type: 'bar',
          stack: 'weight',
          name: t('taxonomy.post.chart.essential'),
          data: groups.map((group) => round(group.essentialWeight)),
          itemStyle: { color: '#cf1322' },
          barMaxWidth: 24,
        },
        {
          type: 'bar',
          stack: 'weight',
          name: t('taxonomy.post.chart.optional'),
          data: groups.map((group) => round(group.optionalWeight)),
          itemStyle: { color: '#91caff' },
          barMaxWidth: 24,
        },
      ],
    };
  }, [groups, t]);
  return (
    <EChart option={option} label={t('taxonomy.post.chart.label')} height={Math.max(160, 44 * groups.length + 60)} />
  );
}
