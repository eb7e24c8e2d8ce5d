import { App, Button, Flex, Select, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES_BY_ORGANISATION_KIND } from '../../../access/roles.js';
import type { Member, OrganisationKind, Role } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { useLocalPaging } from '../../../hooks/use-url-filters.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { translateError } from '../../../i18n/translate-error.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { listGrantableRoles, listMembers, removeMember } from '../api/members-api.js';
import { EditRolesModal } from './EditRolesModal.js';
import { InvitationsTable } from './InvitationsTable.js';
import { InviteMemberModal } from './InviteMemberModal.js';

/**
 * The paged, filterable member list of one organisation; its admins invite people, change roles (within what the
 * server says they may grant), remove members and follow their invitations.
 */
export function MembersPanel({
  organisationId,
  organisationKind,
  organisationName,
  canManage,
  onChanged,
}: {
  organisationId: string;
  organisationKind: OrganisationKind;
  organisationName: string;
  canManage: boolean;
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { session } = useSession();
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [search, setSearch] = useState<string | undefined>(undefined);
  const paging = useLocalPaging();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [invitationsVersion, setInvitationsVersion] = useState(0);

  const query = {
    role,
    search,
    limit: paging.pageSize,
    offset: paging.offset,
  };
  const members = useApiQuery(
    (signal) => listMembers(organisationId, query, signal),
    JSON.stringify([organisationId, query]),
  );
  const roleOptions = ROLES_BY_ORGANISATION_KIND[organisationKind];
  const grantable = useApiQuery(
    (signal) => (canManage ? listGrantableRoles(organisationId, signal) : Promise.resolve({ roles: [] as Role[] })),
    JSON.stringify([organisationId, canManage]),
  );
  const grantableRoles = grantable.data?.roles ?? [];

  function refresh() {
    members.reload();
    onChanged?.();
  }

  function confirmRemove(member: Member) {
    modal.confirm({
      title: t('members.removeTitle'),
      content: t('members.removeConfirm', {
        name: member.displayName,
        email: member.email ?? member.loginId ?? '',
        organisation: organisationName,
      }),
      okText: t('members.remove'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-remove' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await removeMember(organisationId, member.personId);
          void message.success(t('members.removed', { name: member.displayName }));
          refresh();
        } catch (error) {
          void message.error(translateError(t, error));
        }
      },
    });
  }

  const columns: TableProps<Member>['columns'] = [
    {
      key: 'displayName',
      title: t('members.columns.displayName'),
      render: (_, member) => (
        <Flex gap={6} align="center" wrap>
          <span>{member.displayName}</span>
          {member.personId === session.person.id && <Tag>{t('common.you')}</Tag>}
          {member.isDemo && <Tag color="orange">{t('common.demo')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'email',
      title: t('members.columns.email'),
      // A roster account without e-mail signs in with its 学号/工号: that is what identifies it here.
      render: (_, member) =>
        member.email ?? (member.loginId ? <Tag data-testid="member-login-id">{member.loginId}</Tag> : t('common.none')),
    },
    { key: 'roles', title: t('members.columns.roles'), render: (_, member) => <RoleTags roles={member.roles} /> },
    {
      key: 'joinedAt',
      title: t('members.columns.joinedAt'),
      responsive: ['md'],
      render: (_, member) => formatDateTime(member.joinedAt, i18n.language),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('members.columns.actions'),
      render: (_, member) =>
        member.personId === session.person.id ? null : (
          <Space size={4}>
            <Button
              size="small"
              data-testid={`edit-roles-${member.email ?? member.loginId}`}
              aria-label={`${t('members.roles.edit')} ${member.displayName}`}
              disabled={grantableRoles.length === 0}
              onClick={() => setEditing(member)}
            >
              {t('members.roles.edit')}
            </Button>
            <Button
              danger
              size="small"
              data-testid={`remove-member-${member.email ?? member.loginId}`}
              aria-label={`${t('members.remove')} ${member.displayName}`}
              onClick={() => confirmRemove(member)}
            >
              {t('members.remove')}
            </Button>
          </Space>
        ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <PagedSearchTable<Member>
        testId="members-table"
        query={members}
        paging={paging}
        columns={columns}
        rowKey="personId"
        search={{
          value: search,
          onChange: (value) => {
            setSearch(value);
            paging.toFirstPage();
          },
          label: t('members.searchLabel'),
          placeholder: t('members.searchPlaceholder'),
          testId: 'members-search',
          width: 260,
        }}
        filters={
          <Select<Role | ''>
            aria-label={t('members.roleFilter')}
            data-testid="members-role-filter"
            style={{ width: 240 }}
            value={role ?? ''}
            onChange={(value) => {
              setRole(value || undefined);
              paging.toFirstPage();
            }}
            options={[
              { value: '', label: t('members.allRoles') },
              ...roleOptions.map((value) => ({ value, label: t(`roles.${value}`) })),
            ]}
          />
        }
        actions={
          canManage && (
            <Button
              type="primary"
              data-testid="invite-member"
              disabled={grantableRoles.length === 0}
              onClick={() => setInviting(true)}
            >
              {t('members.invite.button')}
            </Button>
          )
        }
      />
      {canManage && (
        <>
          <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
            {t('members.invitations.title')}
          </Typography.Title>
          <InvitationsTable organisationId={organisationId} version={invitationsVersion} />
          <InviteMemberModal
            open={inviting}
            organisationId={organisationId}
            organisationName={organisationName}
            roleOptions={grantableRoles}
            onClose={() => setInviting(false)}
            onInvited={() => setInvitationsVersion((value) => value + 1)}
          />
          <EditRolesModal
            member={editing}
            organisationId={organisationId}
            grantable={grantableRoles}
            onClose={() => setEditing(null)}
            onChanged={() => {
              setEditing(null);
              refresh();
            }}
          />
        </>
      )}
    </Flex>
  );
}
