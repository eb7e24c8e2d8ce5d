import { confirmDeleteColumn } from '../../../components/ConfirmDeleteButton.js';
import { Alert, App, Button, Card, Empty, Flex, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Declaration } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { deleteDeclaration, listDeclarations } from '../api/demand-api.js';
import { placeName } from '../demand-format.js';
import { DeclarationFormModal } from './DeclarationFormModal.js';
import { ImportDeclarationsModal } from './ImportDeclarationsModal.js';

/**
 * The active enterprise's declared demand: how many people it wants for which post in which year. Admins add,
 * import and delete; engineers read. The totals feed the demand overview and post profiles.
 */
export function DeclarationsPage() {
  const { t, i18n } = useTranslation();
  const { activeMembership, can } = useSession();
  if (!activeMembership || activeMembership.organisationKind !== 'enterprise') {
    return <Alert type="info" showIcon title={t('demand.declarations.notEnterprise')} />;
  }
  const name = pickName(activeMembership.organisationNameZh, activeMembership.organisationNameEn, i18n.language);
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="declarations-title">
          {t('demand.declarations.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('demand.declarations.of', { name })}</Typography.Text>
      </div>
      <DeclarationsPanel
        // Another organisation starts afresh.
        key={activeMembership.organisationId}
        organisationId={activeMembership.organisationId}
        canWrite={can('POST /api/organisations/:organisationId/demand-declarations', activeMembership.organisationId)}
      />
    </Flex>
  );
}

function DeclarationsPanel({ organisationId, canWrite }: { organisationId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const list = useApiQuery((signal) => listDeclarations(organisationId, signal), organisationId);
  const items = list.data?.items ?? [];
  const totalHeadcount = items.reduce((sum, item) => sum + item.headcount, 0);

  async function remove(declaration: Declaration) {
    setDeleting(declaration.id);
    try {
      await deleteDeclaration(organisationId, declaration.id);
      void message.success(t('demand.declarations.deleted'));
      list.reload();
    } catch (failure) {
      void message.error(translateError(t, failure));
    } finally {
      setDeleting(null);
    }
  }

  const columns: TableProps<Declaration>['columns'] = [
    {
      key: 'post',
      title: t('demand.declarations.columns.post'),
      render: (_, declaration) => {
        const [primary, secondary] = labelsInOrder(declaration.postTitleZh, declaration.postTitleEn, i18n.language);
        return (
          <Flex vertical gap={2}>
            <span>{primary || declaration.postId}</span>
            {secondary && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {secondary}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    { key: 'headcount', title: t('demand.declarations.columns.headcount'), dataIndex: 'headcount', align: 'right' },
    { key: 'year', title: t('demand.declarations.columns.year'), dataIndex: 'year' },
    {
      key: 'place',
      title: t('demand.declarations.columns.place'),
      render: (_, declaration) => placeName(declaration.province, declaration.city) ?? t('common.none'),
    },
    {
      key: 'note',
      title: t('demand.declarations.columns.note'),
      render: (_, declaration) =>
        declaration.note ? (
          <Typography.Text ellipsis={{ tooltip: declaration.note }} style={{ maxWidth: 260 }}>
            {declaration.note}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'createdAt',
      title: t('demand.declarations.columns.createdAt'),
      responsive: ['lg'],
      render: (_, declaration) => formatDateTime(declaration.createdAt, i18n.language),
    },
  ];
  if (canWrite) {
    columns.push(
      confirmDeleteColumn({
        title: t('demand.declarations.columns.actions'),
        label: t('demand.declarations.delete'),
        question: () => t('demand.declarations.deleteConfirm'),
        deleting: (declaration) => deleting === declaration.id,
        onConfirm: (declaration) => void remove(declaration),
        testId: (declaration) => `declaration-delete-${declaration.id}`,
      }),
    );
  }

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary" data-testid="declarations-total">
            {items.length > 0
              ? t('demand.declarations.total', { declarations: items.length, headcount: totalHeadcount })
              : canWrite
                ? t('demand.declarations.intro')
                : t('demand.declarations.readOnly')}
          </Typography.Text>
          {canWrite && (
            <Flex gap={8}>
              <Button data-testid="declaration-import" onClick={() => setImporting(true)}>
                {t('demand.declarations.import.button')}
              </Button>
              <Button type="primary" data-testid="declaration-add" onClick={() => setAdding(true)}>
                {t('demand.declarations.add')}
              </Button>
            </Flex>
          )}
        </Flex>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<Declaration>
          data-testid="declarations-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.loading}
          scroll={{ x: 'max-content' }}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          locale={{
            emptyText: (
              <Empty
                description={canWrite ? t('demand.declarations.emptyWriter') : t('demand.declarations.emptyReader')}
              />
            ),
          }}
        />
      </Flex>
      {canWrite && (
        <>
          <DeclarationFormModal
            open={adding}
            organisationId={organisationId}
            onClose={() => setAdding(false)}
            onCreated={() => {
              setAdding(false);
              list.reload();
            }}
          />
          <ImportDeclarationsModal
            open={importing}
            organisationId={organisationId}
            onClose={() => setImporting(false)}
            onImported={() => {
              setImporting(false);
              list.reload();
            }}
          />
        </>
      )}
    </Card>
  );
}
