import { App, Button, Flex, Input, Select, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES_BY_ORGANISATION_KIND } from '../../../access/roles.js';
import type { Member, OrganisationKind, Role } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { DEFAULT_PAGE_SIZE } from '../../../hooks/use-url-filters.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { translateError } from '../../../i18n/translate-error.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { listMembers, removeMember } from '../api/members-api.js';
import { AddMemberModal } from './AddMemberModal.js';

/** The paged, filterable member list of one organisation, with add and remove for its admins. */
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
  const [search, setSearch] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [adding, setAdding] = useState(false);

  const query = {
    role,
    search: search || undefined,
    limit: paging.pageSize,
    offset: (paging.page - 1) * paging.pageSize,
  };
  const members = useApiQuery(
    (signal) => listMembers(organisationId, query, signal),
    JSON.stringify([organisationId, query]),
  );
  const roleOptions = ROLES_BY_ORGANISATION_KIND[organisationKind];

  function refresh() {
    members.reload();
    onChanged?.();
  }

  function confirmRemove(member: Member) {
    modal.confirm({
      title: t('members.removeTitle'),
      content: t('members.removeConfirm', {
        name: member.displayName,
        email: member.email,
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
    { key: 'email', title: t('members.columns.email'), dataIndex: 'email' },
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
          <Button
            danger
            size="small"
            data-testid={`remove-member-${member.email}`}
            aria-label={`${t('members.remove')} ${member.displayName}`}
            onClick={() => confirmRemove(member)}
          >
            {t('members.remove')}
          </Button>
        ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={12}>
        <Flex wrap gap={12}>
          <Input.Search
            aria-label={t('members.searchLabel')}
            data-testid="members-search"
            placeholder={t('members.searchPlaceholder')}
            allowClear
            maxLength={100}
            style={{ width: 260 }}
            onSearch={(value) => {
              setSearch(value.trim());
              setPaging((previous) => ({ ...previous, page: 1 }));
            }}
          />
          <Select<Role | ''>
            aria-label={t('members.roleFilter')}
            data-testid="members-role-filter"
            style={{ width: 240 }}
            value={role ?? ''}
            onChange={(value) => {
              setRole(value || undefined);
              setPaging((previous) => ({ ...previous, page: 1 }));
            }}
            options={[
              { value: '', label: t('members.allRoles') },
              ...roleOptions.map((value) => ({ value, label: t(`roles.${value}`) })),
            ]}
          />
        </Flex>
        {canManage && (
          <Button type="primary" data-testid="add-member" onClick={() => setAdding(true)}>
            {t('members.add')}
          </Button>
        )}
      </Flex>
      {members.error ? <ApiErrorAlert error={members.error} onRetry={members.reload} /> : null}
      <Table<Member>
        data-testid="members-table"
        rowKey="personId"
        columns={columns}
        dataSource={members.data?.items ?? []}
        loading={members.loading}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: members.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {canManage && (
        <AddMemberModal
          open={adding}
          organisationId={organisationId}
          organisationName={organisationName}
          roleOptions={roleOptions}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            refresh();
          }}
        />
      )}
    </Flex>
  );
}
