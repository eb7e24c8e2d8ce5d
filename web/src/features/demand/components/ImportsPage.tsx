import { confirmDeleteColumn } from '../../../components/ConfirmDeleteButton.js';
import { App, Button, Card, Empty, Flex, Progress, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PostingImport } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { translateError } from '../../../i18n/translate-error.js';
import { deletePostingImport, listPostingImports } from '../api/demand-api.js';
import { useDemand } from '../hooks/use-demand.js';
import { ImportPostingsModal } from './ImportPostingsModal.js';

/** How often the list is refreshed while an import is still running. */
const RUNNING_REFRESH_MS = 3000;

/** The imported posting files with their counts; importers upload new ones and delete old ones. */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { canImport } = useDemand();
  const [searchParams, setSearchParams] = useSearchParams();
  const [uploading, setUploading] = useState(() => canImport && searchParams.get('upload') === '1');
  const [deleting, setDeleting] = useState<string | null>(null);
  const list = useApiQuery((signal) => listPostingImports(signal), 'posting-imports');
  const items = list.data?.items ?? [];
  const running = items.some((item) => item.status === 'running');
  const reload = list.reload;

  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(reload, RUNNING_REFRESH_MS);
    return () => window.clearTimeout(timer);
  }, [running, list.data, reload]);

  function closeUpload() {
    setUploading(false);
    // A file that failed is listed as a failed import, with its reason.
    reload();
    if (searchParams.has('upload')) {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete('upload');
          return next;
        },
        { replace: true },
      );
    }
  }

  async function remove(item: PostingImport) {
    setDeleting(item.id);
    try {
      await deletePostingImport(item.id);
      void message.success(t('demand.imports.deleted', { file: item.fileName }));
      reload();
    } catch (failure) {
      void message.error(translateError(t, failure));
    } finally {
      setDeleting(null);
    }
  }

  const columns: TableProps<PostingImport>['columns'] = [
    {
      key: 'file',
      title: t('demand.imports.columns.file'),
      render: (_, item) => (
        <Flex vertical gap={2}>
          <span>{item.fileName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(item.createdAt, i18n.language)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('demand.imports.columns.status'),
      render: (_, item) =>
        item.status === 'complete' ? (
          <Tag color="green">{t('demand.imports.status.complete')}</Tag>
        ) : item.status === 'failed' ? (
          <Flex vertical gap={2} style={{ maxWidth: 360 }}>
            <Tag color="error" style={{ width: 'fit-content' }}>
              {t('demand.imports.status.failed')}
            </Tag>
            {item.failure ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
                {item.failure}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          <Flex vertical gap={2} style={{ minWidth: 140 }}>
            <Tag color="processing">{t('demand.imports.status.running')}</Tag>
            <Progress
              size="small"
              percent={item.records > 0 ? Math.floor((item.processed / item.records) * 100) : 0}
              format={() => `${item.processed}/${item.records}`}
            />
          </Flex>
        ),
    },
    { key: 'records', title: t('demand.imports.columns.records'), dataIndex: 'records', align: 'right' },
    { key: 'stored', title: t('demand.imports.columns.stored'), dataIndex: 'stored', align: 'right' },
    { key: 'duplicates', title: t('demand.imports.columns.duplicates'), dataIndex: 'duplicates', align: 'right' },
    {
      key: 'mode',
      title: t('demand.imports.columns.mode'),
      render: (_, item) => t(`demand.link.modes.${item.linkMode}`),
    },
    {
      key: 'finished',
      title: t('demand.imports.columns.finished'),
      responsive: ['lg'],
      render: (_, item) => (item.finishedAt ? formatDateTime(item.finishedAt, i18n.language) : t('common.none')),
    },
  ];
  if (canImport) {
    columns.push(
      confirmDeleteColumn({
        title: t('demand.imports.columns.actions'),
        label: t('demand.imports.delete'),
        question: (item) => t('demand.imports.deleteConfirm', { file: item.fileName }),
        help: (item) => t('demand.imports.deleteHelp', { stored: item.stored }),
        deleting: (item) => deleting === item.id,
        onConfirm: (item) => void remove(item),
        testId: (item) => `import-delete-${item.fileName}`,
      }),
    );
  }

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary">
            {canImport ? t('demand.imports.intro') : t('demand.imports.readOnly')}
          </Typography.Text>
          {canImport && (
            <Button type="primary" data-testid="import-postings" onClick={() => setUploading(true)}>
              {t('demand.imports.button')}
            </Button>
          )}
        </Flex>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<PostingImport>
          data-testid="imports-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.loading && !list.data}
          scroll={{ x: 'max-content' }}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          onRow={(item) => ({ 'data-testid': `import-row-${item.fileName}` }) as object}
          locale={{
            emptyText: (
              <Empty
                data-testid="imports-empty"
                description={canImport ? t('demand.imports.emptyImporter') : t('demand.empty.askImporter')}
              />
            ),
          }}
        />
      </Flex>
      {canImport && (
        <ImportPostingsModal
          open={uploading}
          onClose={closeUpload}
          onImported={() => {
            closeUpload();
            reload();
          }}
        />
      )}
    </Card>
  );
}
