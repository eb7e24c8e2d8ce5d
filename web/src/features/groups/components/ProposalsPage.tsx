import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { listProposals } from '../api/groups-api.js';
import { useCollege, type College } from '../hooks/use-college.js';
import { NewProposalModal } from './NewProposalModal.js';
import { NotCollegeNotice } from './NotCollegeNotice.js';
import { ProposalsTable } from './ProposalsTable.js';

/** The active college's specialty-group proposals (every status); writers ask the system for a new one. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const college = useCollege();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="proposals-title">
          {t('groups.proposals.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {college ? t('groups.proposals.subtitle', { name: college.name }) : t('groups.specialties.subtitleNone')}
        </Typography.Text>
      </div>
      {college ? <ProposalsPanel key={college.organisationId} college={college} /> : <NotCollegeNotice />}
    </Flex>
  );
}

function ProposalsPanel({ college }: { college: College }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const scope = { kind: 'college', organisationId: college.organisationId } as const;
  const list = useApiQuery((signal) => listProposals(scope, signal), college.organisationId);
  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary" style={{ maxWidth: 760 }}>
            {college.canWrite ? t('groups.proposals.intro') : t('groups.proposals.readOnly')}
          </Typography.Text>
          {college.canWrite && (
            <Button type="primary" data-testid="proposal-create" onClick={() => setCreating(true)}>
              {t('groups.proposals.new')}
            </Button>
          )}
        </Flex>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <ProposalsTable
          items={list.data?.items ?? []}
          loading={list.loading}
          linkTo={(id) => `/specialty-groups/${id}`}
          showOrganisation={false}
          emptyText={t('groups.proposals.empty')}
        />
      </Flex>
      {college.canWrite && (
        <NewProposalModal
          open={creating}
          organisationId={college.organisationId}
          onClose={() => setCreating(false)}
          onCreated={(detail) => {
            setCreating(false);
            void navigate(`/specialty-groups/${detail.id}`);
          }}
        />
      )}
    </Card>
  );
}
