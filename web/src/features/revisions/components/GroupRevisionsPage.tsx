import { Card, Divider, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { RevisionSummary } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { useCollege, type College } from '../../groups/hooks/use-college.js';
import { listRevisions } from '../api/revisions-api.js';
import { pickLabel } from '../revision-format.js';
import { RevisionStatusTag } from './RevisionStatusTag.js';
import { revisionPath, type GroupRevisionsState } from './revision-paths.js';
import { StartRevisionForm } from './StartRevisionForm.js';

/** A specialty group's yearly revisions, newest first, and (for group directors and college admins) a new one. */
export function GroupRevisionsPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const college = useCollege();
  if (!college) return <Card>{t('groups.notCollege')}</Card>;
  return <GroupRevisions key={`${college.organisationId}:${groupId}`} college={college} groupId={groupId} />;
}

function GroupRevisions({ college, groupId }: { college: College; groupId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as GroupRevisionsState;
  const list = useApiQuery((signal) => listRevisions(college.organisationId, groupId, signal), groupId);
  const items = list.data?.items ?? [];
  const groupName = items[0]?.groupName ?? state.groupName ?? null;
  const language = i18n.language;
  return (
    <Flex vertical gap={16}>
      <div>
        {/* The group is its course system (the revision API's groupId): back to it. */}
        <Link to={`/course-systems/${encodeURIComponent(groupId)}`}>← {t('revisions.list.back')}</Link>
        <Typography.Title level={2} style={{ margin: '8px 0 0' }} data-testid="revisions-title">
          {groupName
            ? t('revisions.list.titleOf', { group: pickLabel(groupName, language, '') })
            : t('revisions.list.title')}
        </Typography.Title>
      </div>
      <Card>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" style={{ maxWidth: 860 }}>
            {t('revisions.list.intro')} {college.canWrite ? '' : t('revisions.list.readOnly')}
          </Typography.Text>
          {college.canWrite && (
            <>
              <StartRevisionForm
                organisationId={college.organisationId}
                groupId={groupId}
                onStarted={(view) => void navigate(revisionPath(view.id))}
              />
              <Divider style={{ margin: 0 }} />
            </>
          )}
          {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
          <Table<RevisionSummary>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: t('revisions.list.empty') }}
            data-testid="revisions-table"
            columns={[
              {
                title: t('revisions.list.columns.title'),
                render: (_, item) => (
                  <Link to={revisionPath(item.id)} data-testid="revision-link">
                    {t('revisions.list.name', {
                      plan: item.afterYear + 1,
                      before: item.beforeYear,
                      after: item.afterYear,
                    })}
                  </Link>
                ),
              },
              {
                title: t('revisions.list.columns.status'),
                width: 140,
                render: (_, item) => <RevisionStatusTag status={item.status} />,
              },
              {
                title: t('revisions.list.columns.postings'),
                width: 130,
                render: (_, item) =>
                  t('revisions.list.postingsValue', { before: item.postings.before, after: item.postings.after }),
              },
              { title: t('revisions.list.columns.changes'), width: 110, dataIndex: 'changeCount' },
              {
                title: t('revisions.list.columns.proposals'),
                width: 150,
                render: (_, item) =>
                  t('revisions.list.decidedValue', { decided: item.decidedCount, total: item.proposalCount }),
              },
              {
                title: t('revisions.list.columns.created'),
                width: 170,
                render: (_, item) => formatDateTime(item.createdAt, language),
              },
            ]}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
