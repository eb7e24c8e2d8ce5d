import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardResponse } from '../../../api/contracts.js';
import { FONT_STACK } from '../../../theme.js';
import { EChart } from './EChart.js';

/** Members by role (bar) and organisations by kind (pie); each only when it has data. */
export function DashboardCharts({ dashboard }: { dashboard: DashboardResponse }) {
  const { t } = useTranslation();
  const membersByRole = useMemo(
    () => dashboard.membersByRole.filter((entry) => entry.count > 0),
    [dashboard.membersByRole],
  );
  const organisationsByKind = useMemo(
    () => dashboard.organisationsByKind.filter((entry) => entry.count > 0),
    [dashboard.organisationsByKind],
  );

  const barOption = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: membersByRole.map((entry) => t(`roles.${entry.role}`)), inverse: true },
      series: [
        {
          type: 'bar',
          name: t('dashboard.charts.count'),
          data: membersByRole.map((entry) => entry.count),
          barMaxWidth: 28,
        },
      ],
    }),
    [membersByRole, t],
  );

  const pieOption = useMemo<EChartsCoreOption>(
    () => ({
      aria: { enabled: true },
      textStyle: { fontFamily: FONT_STACK },
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          data: organisationsByKind.map((entry) => ({ name: t(`kinds.${entry.kind}`), value: entry.count })),
          label: { formatter: '{b}: {c}' },
        },
      ],
    }),
    [organisationsByKind, t],
  );

  if (membersByRole.length === 0 && organisationsByKind.length === 0) return null;

  return (
    <Row gutter={[16, 16]}>
      {membersByRole.length > 0 && (
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.charts.membersByRole')}>
            <EChart option={barOption} label={t('dashboard.charts.membersByRole')} />
          </Card>
        </Col>
      )}
      {organisationsByKind.length > 0 && (
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.charts.organisationsByKind')}>
            <EChart option={pieOption} label={t('dashboard.charts.organisationsByKind')} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
