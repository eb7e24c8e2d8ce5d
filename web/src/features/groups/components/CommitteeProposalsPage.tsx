import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { CommitteePlansCard } from '../../committee/components/CommitteePlansCard.js';
import { CommitteeRevisionsCard } from '../../committee/components/CommitteeRevisionsCard.js';
import { listProposals } from '../api/groups-api.js';
import { ProposalsTable } from './ProposalsTable.js';

/**
 * The steering committee's desk: every college's submitted proposals, and the decided ones for the record; then the
 * Talent Training Plans and the yearly revisions before the committee.
 */
export function CommitteeProposalsPage() {
  const { t } = useTranslation();
  const list = useApiQuery((signal) => listProposals({ kind: 'committee' }, signal), 'committee');
  const items = list.data?.items ?? [];
  const waiting = items.filter((item) => item.status === 'submitted').length;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="committee-title">
          {t('groups.committee.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('groups.committee.subtitle')}</Typography.Text>
      </div>
      <Card title={t('groups.committee.proposalsTitle')}>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" data-testid="committee-waiting">
            {t('groups.committee.waiting', { count: waiting })}
          </Typography.Text>
          {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
          <ProposalsTable
            items={items}
            loading={list.loading}
            linkTo={(id) => `/committee/${id}`}
            showOrganisation
            emptyText={t('groups.committee.empty')}
          />
        </Flex>
      </Card>
      <CommitteePlansCard />
      <CommitteeRevisionsCard />
    </Flex>
  );
}
