import { Card, Empty, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitteePlanSummary } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { listCommitteePlans } from '../api/committee-api.js';

type PlanState = 'underReview' | 'approved' | 'returned';
const STATE_COLOURS: Record<PlanState, string> = { underReview: 'blue', approved: 'green', returned: 'orange' };

/** Where a plan's newest version stands: before the committee, approved, or back with the college for revision. */
function committeePlanState(plan: Pick<CommitteePlanSummary, 'status' | 'underReview'>): PlanState {
  if (plan.status === 'approved') return 'approved';
  return plan.underReview ? 'underReview' : 'returned';
}

/** The committee desk's second card: every college's Talent Training Plans put before the committee. */
export function CommitteePlansCard() {
  const { t, i18n } = useTranslation();
  const list = useApiQuery((signal) => listCommitteePlans(signal), 'committee-plans');
  const items = list.data?.items ?? [];
  const waiting = items.filter((item) => item.underReview).length;
  const columns: TableProps<CommitteePlanSummary>['columns'] = [
    {
      key: 'title',
      title: t('committeePlans.columns.title'),
      render: (_, plan) => (
        <Link to={`/committee/plans/${plan.id}`} data-testid={`committee-plan-link-${plan.id}`}>
          {plan.titleZh}
        </Link>
      ),
    },
    {
      key: 'organisation',
      title: t('committeePlans.columns.organisation'),
      render: (_, plan) => pickName(plan.organisationName, plan.organisationNameEn, i18n.language),
    },
    {
      key: 'version',
      title: t('committeePlans.columns.version'),
      render: (_, plan) => t('courses.plans.version', { n: plan.number }),
    },
    {
      key: 'submitted',
      title: t('committeePlans.columns.submitted'),
      render: (_, plan) => (plan.submittedAt ? formatDateTime(plan.submittedAt, i18n.language) : '—'),
    },
    {
      key: 'status',
      title: t('committeePlans.columns.status'),
      render: (_, plan) => {
        const state = committeePlanState(plan);
        return (
          <Tag color={STATE_COLOURS[state]} data-testid={`committee-plan-status-${plan.id}`}>
            {t(`committeePlans.state.${state}`)}
          </Tag>
        );
      },
    },
  ];
  return (
    <Card title={t('committeePlans.title')} data-testid="committee-plans">
      <Typography.Paragraph type="secondary" data-testid="committee-plans-waiting">
        {t('committeePlans.waiting', { count: waiting })}
      </Typography.Paragraph>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<CommitteePlanSummary>
        data-testid="committee-plans-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={[...items]}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty description={t('committeePlans.empty')} /> }}
      />
    </Card>
  );
}
