import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetailDto } from '../../../api/contracts.js';
import { FONT_STACK } from '../../../theme.js';
import { formatQuality, groupColour, groupName, postTitle, specialtyName } from '../groups-format.js';
import { EChart } from '../../dashboard/components/EChart.js';

const SPECIALTY_COLOUR = '#595959';

interface NodeData {
  id: string;
  name: string;
  category: number;
  symbol?: string;
  symbolSize: number;
  value: string;
  itemStyle?: { color: string; borderColor?: string; borderWidth?: number };
  label?: { show: boolean; fontWeight?: 'bold' };
}

interface LinkData {
  source: string;
  target: string;
  value: number;
  kind: 'similar' | 'serves';
  lineStyle: { width: number; type?: 'dashed'; color?: string; opacity?: number };
}

const postNode = (id: string) => `post:${id}`;
const specialtyNode = (code: string) => `specialty:${code}`;

/**
 * The knowledge network: posts coloured by group, linked by their strongest similarities (`detail.edges`), and
 * the specialties as a category of their own, linked to the posts they serve (as the proposal keeps the college's
 * mapping). A click on a link between two posts explains it.
 */
export function GroupNetwork({
  detail,
  onPair,
}: {
  detail: ProposalDetailDto;
  onPair: (a: string, b: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo<EChartsCoreOption>(() => {
    const nodes: NodeData[] = [];
    const links: LinkData[] = [];
    const grouped = new Set<string>();
    detail.groups.forEach((group, index) => {
      for (const post of group.posts) {
        grouped.add(post.id);
        nodes.push({
          id: postNode(post.id),
          name: postTitle(post, post.id, language),
          category: index,
          symbolSize: 22,
          value: groupName(group, language),
          itemStyle: { color: groupColour(index) },
        });
      }
    });
    const specialtyCategory = detail.groups.length;
    detail.groups.forEach((group) => {
      for (const specialty of group.specialties) {
        nodes.push({
          id: specialtyNode(specialty.code),
          name: specialtyName(specialty, language),
          category: specialtyCategory,
          symbol: 'roundRect',
          symbolSize: specialty.leading ? 26 : 18,
          value: specialty.leading ? t('groups.detail.leading') : t('groups.detail.supporting'),
          itemStyle: specialty.leading
            ? { color: SPECIALTY_COLOUR, borderColor: '#faad14', borderWidth: 3 }
            : { color: SPECIALTY_COLOUR },
          label: specialty.leading ? { show: true, fontWeight: 'bold' } : undefined,
        });
        for (const post of specialty.servedPosts) {
          if (!grouped.has(post)) continue;
          links.push({
            source: specialtyNode(specialty.code),
            target: postNode(post),
            value: 0,
            kind: 'serves',
            lineStyle: { width: 1, type: 'dashed', color: '#8c8c8c', opacity: 0.6 },
          });
        }
      }
    });
    for (const edge of detail.edges) {
      links.push({
        source: postNode(edge.a),
        target: postNode(edge.b),
        value: edge.similarity,
        kind: 'similar',
        lineStyle: { width: 1 + 5 * edge.similarity, opacity: 0.35 + 0.5 * edge.similarity },
      });
    }
    const categories = [
      ...detail.groups.map((group, index) => ({
        name: groupName(group, language),
        itemStyle: { color: groupColour(index) },
      })),
      { name: t('groups.detail.specialtiesCategory'), itemStyle: { color: SPECIALTY_COLOUR }, symbol: 'roundRect' },
    ];
    return {
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
      tooltip: {
        formatter: (params: { dataType: string; data: NodeData | LinkData }) => {
          if (params.dataType === 'edge') {
            const link = params.data as LinkData;
            return link.kind === 'similar'
              ? `${t('groups.detail.similarity')}: <b>${formatQuality(link.value)}</b><br/>${t('groups.detail.clickToExplain')}`
              : t('groups.detail.serves');
          }
          const node = params.data as NodeData;
          return `<b>${node.name}</b><br/>${node.value}`;
        },
      },
      legend: { type: 'scroll', bottom: 0, data: categories.map((category) => category.name) },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          data: nodes,
          links,
          categories,
          force: { repulsion: 220, edgeLength: [40, 140], gravity: 0.08 },
          label: { show: true, position: 'right', fontSize: 11, formatter: '{b}' },
          labelLayout: { hideOverlap: true },
          emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
          lineStyle: { curveness: 0.08 },
        },
      ],
    };
  }, [detail, language, t]);
  return (
    <EChart
      option={option}
      label={t('groups.detail.networkTitle')}
      testId="proposal-network"
      height={520}
      onItemClick={(event) => {
        if (event.dataType !== 'edge') return;
        const link = event.data as LinkData;
        if (link.kind !== 'similar') return;
        onPair(link.source.slice('post:'.length), link.target.slice('post:'.length));
      }}
    />
  );
}
