import { Card, Empty, Table, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitteeRevisionSummary } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { RevisionStatusTag } from '../../revisions/components/RevisionStatusTag.js';
import { listCommitteeRevisions } from '../api/committee-api.js';
import {
  committeeRevisionPath,
  deskRevisionName,
  deskTallyText,
  sortDeskRevisions,
  waitingRevisionCount,
} from '../committee-revision-format.js';

/** The committee desk's revisions card: every college's yearly revisions put before the committee, with the tally. */
export function CommitteeRevisionsCard() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const list = useApiQuery((signal) => listCommitteeRevisions(signal), 'committee-revisions');
  const items = useMemo(() => sortDeskRevisions(list.data?.items ?? []), [list.data]);
  const columns: TableProps<CommitteeRevisionSummary>['columns'] = [
    {
      key: 'revision',
      title: t('committeeRevisions.columns.revision'),
      render: (_, revision) => (
        <Link to={committeeRevisionPath(revision.id)} data-testid="committee-revision-link" data-id={revision.id}>
          {deskRevisionName(t, revision, language)}
        </Link>
      ),
    },
    {
      key: 'organisation',
      title: t('committeeRevisions.columns.organisation'),
      render: (_, revision) =>
        language === 'en' && revision.organisationNameEn ? revision.organisationNameEn : revision.organisationName,
    },
    {
      key: 'submitted',
      title: t('committeeRevisions.columns.submitted'),
      render: (_, revision) => (revision.submittedAt ? formatDateTime(revision.submittedAt, language) : '—'),
    },
    {
      key: 'status',
      title: t('committeeRevisions.columns.status'),
      render: (_, revision) => <RevisionStatusTag status={revision.status} />,
    },
    {
      key: 'tally',
      title: t('committeeRevisions.columns.tally'),
      render: (_, revision) => (
        <span data-testid="committee-revision-tally">{deskTallyText(t, revision.tally ?? null)}</span>
      ),
    },
  ];
  return (
    <Card title={t('committeeRevisions.title')} data-testid="committee-revisions">
      <Typography.Paragraph type="secondary" data-testid="committee-revisions-waiting">
        {t('committeeRevisions.waiting', { count: waitingRevisionCount(items) })}
      </Typography.Paragraph>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<CommitteeRevisionSummary>
        data-testid="committee-revisions-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty description={t('committeeRevisions.empty')} /> }}
      />
    </Card>
  );
}
