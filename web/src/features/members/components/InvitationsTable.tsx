import { App, Button, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { useLocalPaging } from '../../../hooks/use-url-filters.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { translateError } from '../../../i18n/translate-error.js';
import { listInvitations, revokeInvitation } from '../api/members-api.js';

/** A short page: the invitations sit below the member list. */
const INVITATIONS_PAGE_SIZE = 10;

const STATUS_COLOURS: Record<Invitation['status'], string> = {
  pending: 'blue',
  accepted: 'green',
  declined: 'default',
  revoked: 'default',
  expired: 'orange',
};

/** The organisation's invitations (pending first), with withdrawal of pending ones. */
export function InvitationsTable({ organisationId, version }: { organisationId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const paging = useLocalPaging(INVITATIONS_PAGE_SIZE);
  const query = { limit: paging.pageSize, offset: paging.offset };
  const invitations = useApiQuery(
    (signal) => listInvitations(organisationId, query, signal),
    JSON.stringify([organisationId, query, version]),
  );

  function confirmRevoke(invitation: Invitation) {
    modal.confirm({
      title: t('members.invitations.revokeTitle'),
      content: t('members.invitations.revokeConfirm', { email: invitation.email }),
      okText: t('members.invitations.revoke'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-revoke' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await revokeInvitation(organisationId, invitation.id);
          void message.success(t('members.invitations.revoked', { email: invitation.email }));
          invitations.reload();
        } catch (error) {
          void message.error(translateError(t, error));
        }
      },
    });
  }

  const columns: TableProps<Invitation>['columns'] = [
    { key: 'email', title: t('members.columns.email'), dataIndex: 'email' },
    { key: 'displayName', title: t('members.columns.displayName'), dataIndex: 'displayName' },
    { key: 'roles', title: t('members.columns.roles'), render: (_, row) => <RoleTags roles={row.roles} /> },
    {
      key: 'status',
      title: t('members.invitations.status'),
      render: (_, row) => (
        <Tag color={STATUS_COLOURS[row.status]}>{t(`members.invitations.statuses.${row.status}`)}</Tag>
      ),
    },
    {
      key: 'invitedBy',
      title: t('members.invitations.invitedBy'),
      responsive: ['md'],
      render: (_, row) => row.invitedByName ?? '—',
    },
    {
      key: 'expiresAt',
      title: t('members.invitations.expiresAt'),
      responsive: ['md'],
      render: (_, row) => formatDateTime(row.expiresAt, i18n.language),
    },
    {
      key: 'actions',
      title: t('members.columns.actions'),
      render: (_, row) =>
        row.status === 'pending' ? (
          <Button size="small" danger data-testid={`revoke-invitation-${row.email}`} onClick={() => confirmRevoke(row)}>
            {t('members.invitations.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <PagedSearchTable<Invitation>
      testId="invitations-table"
      query={invitations}
      paging={paging}
      columns={columns}
      rowKey="id"
      size="small"
      emptyText={t('members.invitations.empty')}
      hideOnSinglePage
    />
  );
}
