import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Popconfirm,
  Result,
  Row,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { RosterApplyResult, RosterDiffEntry, RosterImport, RosterImportSection } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { tablePagination, useLocalPaging } from '../../../hooks/use-url-filters.js';
import { fieldLabel } from '../../../i18n/translate-error.js';
import { isApiError } from '../../../api/api-error.js';
import { applyRosterImport, discardRosterImport, fetchRosterImport } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';
import { IMPORT_STATUS_COLORS } from './RosterImportsPage.js';

const SECTIONS = ['new', 'changed', 'left', 'returning'] as const satisfies readonly RosterImportSection[];

/**
 * A previewed roster import: the counts, the diff by section (paged by the server), the choice to mark the people
 * missing from the file as left, then apply (confirmed) or discard. An applied import shows its result.
 */
export function RosterImportPage() {
  const { t } = useTranslation();
  const { importId = '' } = useParams();
  const people = usePeople();
  const location = useLocation();
  const passed = (location.state as { rosterImport?: RosterImport } | null)?.rosterImport;
  // The upload's answer comes along when the preview was just made; otherwise the import is read by its id.
  const found = useApiQuery(
    (signal) =>
      passed?.id === importId
        ? Promise.resolve(passed)
        : fetchRosterImport(people.organisationId, importId, { section: 'new', limit: 1, offset: 0 }, signal).then(
            (detail) => detail.import,
            (error: unknown) => {
              if (isApiError(error) && error.code === 'ROSTER_IMPORT_NOT_FOUND') return null;
              throw error;
            },
          ),
    `${people.organisationId}:${importId}:${passed?.id ?? ''}`,
  );

  return (
    <Flex vertical gap={16}>
      <Link to="/people/imports">← {t('people.preview.back')}</Link>
      {found.error ? (
        <ApiErrorAlert error={found.error} onRetry={found.reload} />
      ) : found.data === undefined ? (
        <PageLoading />
      ) : found.data === null ? (
        <Alert type="warning" showIcon title={t('people.preview.notFound')} />
      ) : (
        <ImportPreview rosterImport={found.data} />
      )}
    </Flex>
  );
}

function ImportPreview({ rosterImport: initial }: { rosterImport: RosterImport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const people = usePeople();
  const [rosterImport, setRosterImport] = useState(initial);
  const [result, setResult] = useState<RosterApplyResult | null>(null);
  const [markLeft, setMarkLeft] = useState(false);
  const [busy, setBusy] = useState<'apply' | 'discard' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const firstSection = SECTIONS.find((name) => rosterImport.counts[name] > 0) ?? 'new';
  const [section, setSection] = useState<RosterImportSection>(firstSection);
  const { counts } = rosterImport;
  const open = rosterImport.status === 'previewed';
  const staff = rosterImport.kind !== 'student';

  async function apply() {
    setBusy('apply');
    setError(null);
    try {
      const applied = await applyRosterImport(people.organisationId, rosterImport.id, markLeft);
      setResult(applied);
      setRosterImport(applied.import);
      void message.success(t('people.preview.applied', { ...applied }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function discard() {
    setBusy('discard');
    setError(null);
    try {
      await discardRosterImport(people.organisationId, rosterImport.id);
      void message.success(t('people.preview.discarded'));
      void navigate('/people/imports');
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  }

  const figures = ['new', 'changed', 'unchanged', 'left', 'returning', 'newClasses', 'newDepartments'] as const;

  return (
    <Flex vertical gap={16} data-testid="roster-preview">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('people.preview.title', { file: rosterImport.fileName })}
        </Typography.Title>
        <Flex gap={8} align="center">
          <Tag>{t(`people.kinds.${rosterImport.kind}`)}</Tag>
          <Tag color={IMPORT_STATUS_COLORS[rosterImport.status]} data-testid="roster-preview-status">
            {t(`people.import.statuses.${rosterImport.status}`)}
          </Tag>
          <Typography.Text type="secondary">{t('people.preview.summary', { rows: rosterImport.rows })}</Typography.Text>
        </Flex>
      </Flex>
      {result && (
        <Result
          status="success"
          data-testid="roster-apply-result"
          title={t('people.preview.result')}
          subTitle={t('people.preview.applied', { ...result })}
          extra={
            <Button type="primary" onClick={() => void navigate(`/people/roster?kind=${rosterImport.kind}`)}>
              {t('people.preview.toRoster')}
            </Button>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        {figures.map((name) => (
          <Col key={name} xs={12} sm={8} md={6} lg={3} style={{ minWidth: 120 }}>
            <Card size="small">
              <Statistic
                title={t(`people.preview.counts.${name}`)}
                value={counts[name]}
                valueStyle={{ fontSize: 20 }}
                data-testid={`roster-count-${name}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {error !== null && <ApiErrorAlert error={error} testId="roster-preview-error" />}
      {open && (people.canApplyImport || people.canDiscardImport) && (
        <Card size="small">
          <Flex vertical gap={12}>
            {counts.left > 0 && (
              <Flex vertical gap={4}>
                <Checkbox
                  checked={markLeft}
                  onChange={(event) => setMarkLeft(event.target.checked)}
                  data-testid="roster-mark-left"
                >
                  {t(staff ? 'people.preview.markLeftStaff' : 'people.preview.markLeft')}
                </Checkbox>
                <Typography.Text type="secondary">
                  {t('people.preview.markLeftHelp', { count: counts.left })}
                </Typography.Text>
              </Flex>
            )}
            <Flex gap={8} wrap>
              {people.canApplyImport && (
                <Popconfirm
                  title={t('people.preview.applyConfirm')}
                  description={t('people.preview.applyHelp', {
                    new: counts.new,
                    changed: counts.changed,
                    left: markLeft ? t('people.preview.applyLeft', { count: counts.left }) : '',
                  })}
                  okText={t('people.preview.apply')}
                  okButtonProps={{ 'data-testid': 'roster-apply-confirm' }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void apply()}
                >
                  <Button type="primary" loading={busy === 'apply'} disabled={busy !== null} data-testid="roster-apply">
                    {t('people.preview.apply')}
                  </Button>
                </Popconfirm>
              )}
              {people.canDiscardImport && (
                <Popconfirm
                  title={t('people.preview.discardConfirm')}
                  okText={t('people.preview.discard')}
                  okButtonProps={{ danger: true, 'data-testid': 'roster-discard-confirm' }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void discard()}
                >
                  <Button danger loading={busy === 'discard'} disabled={busy !== null} data-testid="roster-discard">
                    {t('people.preview.discard')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          </Flex>
        </Card>
      )}
      {!open && !result && (
        <Alert
          type="info"
          showIcon
          title={t('people.preview.closed', { status: t(`people.import.statuses.${rosterImport.status}`) })}
        />
      )}
      <Tabs
        activeKey={section}
        onChange={(key) => setSection(key as RosterImportSection)}
        items={SECTIONS.map((name) => ({
          key: name,
          label: (
            <span data-testid={`roster-section-${name}`}>
              {t(`people.preview.sections.${name}`)} ({counts[name]})
            </span>
          ),
          children: <SectionTable importId={rosterImport.id} section={name} kind={rosterImport.kind} />,
        }))}
        destroyOnHidden
      />
    </Flex>
  );
}

function SectionTable({
  importId,
  section,
  kind,
}: {
  importId: string;
  section: RosterImportSection;
  kind: RosterImport['kind'];
}) {
  const { t } = useTranslation();
  const people = usePeople();
  const paging = useLocalPaging(20);
  const page = useApiQuery(
    (signal) =>
      fetchRosterImport(
        people.organisationId,
        importId,
        { section, limit: paging.pageSize, offset: paging.offset },
        signal,
      ).then((detail) => detail.entries),
    JSON.stringify([importId, section, paging.page, paging.pageSize]),
  );
  const empty = t('people.preview.emptyValue');

  const columns: TableProps<RosterDiffEntry>['columns'] = [
    { key: 'externalId', title: t(`people.externalId.${kind}`), dataIndex: 'externalId' },
    { key: 'name', title: t('people.roster.columns.name'), dataIndex: 'name' },
  ];
  if (section !== 'left') {
    columns.unshift({
      key: 'line',
      title: t('people.preview.columns.line'),
      render: (_, row) => row.line ?? t('common.none'),
      responsive: ['md'],
    });
  }
  if (section === 'changed' || section === 'returning') {
    columns.push({
      key: 'changes',
      title: t('people.preview.columns.changes'),
      render: (_, row) => (
        <Flex vertical gap={2}>
          {row.changes.map((change) => (
            <span key={change.field} data-testid="roster-change">
              {t('people.preview.change', {
                field: fieldLabel(t, change.field),
                before: change.before ?? empty,
                after: change.after ?? empty,
              })}
            </span>
          ))}
        </Flex>
      ),
    });
  }

  if (page.error) return <ApiErrorAlert error={page.error} onRetry={page.reload} />;
  return (
    <Table<RosterDiffEntry>
      data-testid={`roster-section-table-${section}`}
      rowKey="externalId"
      size="small"
      columns={columns}
      dataSource={page.data?.items ?? []}
      loading={page.loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('people.preview.nothing') }}
      pagination={{
        ...tablePagination(paging, page.data?.total, (total) => t('common.total', { total })),
        hideOnSinglePage: true,
      }}
    />
  );
}
