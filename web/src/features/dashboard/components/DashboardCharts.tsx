import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardResponse } from '../../../api/contracts.js';
import { countBarOption, countPieOption } from '../dashboard-chart-options.js';
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

  const barOption = useMemo(
    () =>
      countBarOption(
        membersByRole.map((entry) => ({ label: t(`roles.${entry.role}`), count: entry.count })),
        t('dashboard.charts.count'),
      ),
    [membersByRole, t],
  );
  const pieOption = useMemo(
    () => countPieOption(organisationsByKind.map((entry) => ({ label: t(`kinds.${entry.kind}`), count: entry.count }))),
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
