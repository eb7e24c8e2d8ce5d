import { Button, Card, Flex, Radio, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RosterImport, RosterKind } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { ImportDialog } from '../../../components/ImportDialog.js';
import { tablePagination, useLocalPaging } from '../../../hooks/use-url-filters.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { listRosterImports, previewRoster, rosterTemplateUrl } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';

/** The server's upload limit for a roster (a 20,000-student XLSX is a few MB). */
const ROSTER_LIMIT_BYTES = 32 * 1024 * 1024;
const ACCEPT = ['.xlsx', '.csv'] as const;

export const IMPORT_STATUS_COLORS = { previewed: 'gold', applied: 'green', discarded: 'default' } as const;

/** Roster import: the kind, its template (Chinese or English headers), the upload that previews, recent imports. */
export function RosterImportsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const people = usePeople();
  const [kind, setKind] = useState<RosterKind>(people.kinds[0] ?? 'student');
  const [open, setOpen] = useState(false);
  const paging = useLocalPaging(10);
  const imports = useApiQuery(
    (signal) => listRosterImports(people.organisationId, { limit: paging.pageSize, offset: paging.offset }, signal),
    JSON.stringify([people.organisationId, paging.page, paging.pageSize]),
  );

  const columns: TableProps<RosterImport>['columns'] = [
    {
      key: 'file',
      title: t('people.import.columns.file'),
      render: (_, row) => (
        <Link
          to={`/people/imports/${row.id}`}
          state={{ rosterImport: row }}
          data-testid={`roster-import-${row.fileName}`}
        >
          {row.fileName}
        </Link>
      ),
    },
    { key: 'kind', title: t('people.import.columns.kind'), render: (_, row) => t(`people.kinds.${row.kind}`) },
    {
      key: 'status',
      title: t('people.import.columns.status'),
      render: (_, row) => (
        <Tag color={IMPORT_STATUS_COLORS[row.status]}>{t(`people.import.statuses.${row.status}`)}</Tag>
      ),
    },
    { key: 'rows', title: t('people.import.columns.rows'), dataIndex: 'rows', responsive: ['md'] },
    {
      key: 'counts',
      title: t('people.import.columns.counts'),
      render: (_, row) => `${row.counts.new} / ${row.counts.changed} / ${row.counts.left}`,
    },
    {
      key: 'createdAt',
      title: t('people.import.columns.createdAt'),
      responsive: ['md'],
      render: (_, row) => (
        <Flex vertical>
          <span>{formatDateTime(row.createdAt, i18n.language)}</span>
          {row.createdByName && <Typography.Text type="secondary">{row.createdByName}</Typography.Text>}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={t('people.import.title')}>
        <Typography.Paragraph type="secondary">{t('people.import.intro')}</Typography.Paragraph>
        {people.canImport ? (
          <Flex vertical gap={16}>
            {people.kinds.length > 1 && (
              <Flex gap={12} align="center" wrap>
                <Typography.Text>{t('people.import.kind')}</Typography.Text>
                <Radio.Group
                  value={kind}
                  onChange={(event) => setKind(event.target.value as RosterKind)}
                  optionType="button"
                  data-testid="roster-import-kind"
                  options={people.kinds.map((name) => ({
                    value: name,
                    label: <span data-testid={`roster-import-kind-${name}`}>{t(`people.kinds.${name}`)}</span>,
                  }))}
                />
              </Flex>
            )}
            {people.canDownloadTemplate && (
              <Flex gap={8} align="center" wrap>
                <Typography.Text>{t('people.import.template')}</Typography.Text>
                <Space wrap>
                  <Button
                    href={rosterTemplateUrl(people.organisationId, kind, 'zh-CN')}
                    data-testid="roster-template-zh"
                    size="small"
                  >
                    {t('people.import.templateZh')} (XLSX)
                  </Button>
                  <Button
                    href={rosterTemplateUrl(people.organisationId, kind, 'en')}
                    data-testid="roster-template-en"
                    size="small"
                  >
                    {t('people.import.templateEn')} (XLSX)
                  </Button>
                  <Button
                    href={rosterTemplateUrl(
                      people.organisationId,
                      kind,
                      i18n.language === 'en' ? 'en' : 'zh-CN',
                      'csv',
                    )}
                    data-testid="roster-template-csv"
                    size="small"
                  >
                    {t('people.import.templateCsv')}
                  </Button>
                </Space>
              </Flex>
            )}
            <div>
              <Button type="primary" onClick={() => setOpen(true)} data-testid="roster-upload">
                {t('people.import.upload')}
              </Button>
            </div>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('people.import.readOnly')}</Typography.Text>
        )}
      </Card>
      <Card title={t('people.import.recent')}>
        {imports.error ? (
          <ApiErrorAlert error={imports.error} onRetry={imports.reload} />
        ) : (
          <Table<RosterImport>
            data-testid="roster-imports-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={imports.data?.items ?? []}
            loading={imports.loading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('people.import.noImports') }}
            pagination={{
              ...tablePagination(paging, imports.data?.total, (total) => t('common.total', { total })),
              hideOnSinglePage: true,
            }}
          />
        )}
      </Card>
      <ImportDialog<RosterImport>
        open={open}
        onClose={() => setOpen(false)}
        onImported={(result) => {
          setOpen(false);
          void navigate(`/people/imports/${result.id}`, { state: { rosterImport: result } });
        }}
        testId="roster-import"
        title={`${t('people.import.title')} · ${t(`people.kinds.${kind}`)}`}
        help={t('people.import.dialogHelp')}
        submitText={t('people.import.upload')}
        accept={ACCEPT}
        maxBytes={ROSTER_LIMIT_BYTES}
        fileHelp={t('people.import.fileHelp')}
        failedTitle={t('people.import.failed')}
        upload={(file, _values, onProgress) => previewRoster(people.organisationId, kind, file, onProgress)}
        summary={(result) => t('people.import.previewed', { file: result.fileName, rows: result.rows })}
      />
    </Flex>
  );
}
