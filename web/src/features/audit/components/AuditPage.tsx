import { Card, Flex, Select, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '../../../access/roles.js';
import type { AuditAction, AuditEvent } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { listOrganisations } from '../../organisations/api/organisations-api.js';
import { listAuditEvents } from '../api/audit-api.js';
import { AuditDetails } from './AuditDetails.js';

const WARNING_ACTIONS: readonly AuditAction[] = [
  'login.failed',
  'login.rate_limited',
  'password.change_failed',
  'csrf.rejected',
  'access.denied',
];
/** The directory's page size limit; enough to name the organisations of a platform's audit log. */
const ORGANISATION_LOOKUP_LIMIT = 200;

/** Platform admins read every event; organisation admins read their active organisation's. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { session, activeMembership, activeRoles } = useSession();
  const filters = useUrlFilters();
  const action = filters.get<AuditAction>('action', AUDIT_ACTIONS);
  const seesAll = activeRoles.includes('platform_admin');
  const query = {
    organisationId: seesAll ? undefined : (session.activeOrganisationId ?? undefined),
    action,
    limit: filters.pageSize,
    offset: filters.offset,
  };
  const events = useApiQuery((signal) => listAuditEvents(query, signal), JSON.stringify(query));
  const organisations = useApiQuery(
    (signal) =>
      seesAll ? listOrganisations({ limit: ORGANISATION_LOOKUP_LIMIT, offset: 0 }, signal) : Promise.resolve(undefined),
    `audit-organisations:${String(seesAll)}`,
  );

  const organisationNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const membership of session.memberships) {
      names.set(
        membership.organisationId,
        pickName(membership.organisationNameZh, membership.organisationNameEn, i18n.language),
      );
    }
    for (const organisation of organisations.data?.items ?? []) {
      names.set(organisation.id, pickName(organisation.nameZh, organisation.nameEn, i18n.language));
    }
    return names;
  }, [session.memberships, organisations.data, i18n.language]);

  const columns: TableProps<AuditEvent>['columns'] = [
    {
      key: 'occurredAt',
      title: t('audit.columns.occurredAt'),
      render: (_, event) => formatDateTime(event.occurredAt, i18n.language),
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      render: (_, event) => (
        <Tag color={WARNING_ACTIONS.includes(event.action) ? 'red' : 'blue'}>{t(`audit.actions.${event.action}`)}</Tag>
      ),
    },
    { key: 'actor', title: t('audit.columns.actor'), render: (_, event) => event.actorEmail ?? t('common.none') },
    {
      key: 'organisation',
      title: t('audit.columns.organisation'),
      width: 220,
      render: (_, event) =>
        event.organisationId
          ? (organisationNames.get(event.organisationId) ?? t('audit.otherOrganisation'))
          : t('common.none'),
    },
    { key: 'ip', title: t('audit.columns.ip'), responsive: ['md'], render: (_, event) => event.ip ?? t('common.none') },
    {
      key: 'details',
      title: t('audit.columns.details'),
      width: 320,
      responsive: ['lg'],
      render: (_, event) =>
        Object.keys(event.details).length === 0 ? (
          t('common.none')
        ) : (
          <AuditDetails details={event.details} names={events.data?.names ?? {}} />
        ),
    },
  ];

  const scopeName = activeMembership
    ? pickName(activeMembership.organisationNameZh, activeMembership.organisationNameEn, i18n.language)
    : '';

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {seesAll ? t('audit.scopeAll') : t('audit.scopeOrganisation', { name: scopeName })}
        </Typography.Text>
      </div>
      <Card>
        <PagedSearchTable<AuditEvent>
          testId="audit-table"
          query={events}
          paging={filters}
          columns={columns}
          rowKey="id"
          filters={
            <Select<AuditAction | ''>
              aria-label={t('audit.actionFilter')}
              data-testid="audit-action-filter"
              style={{ width: 240 }}
              value={action ?? ''}
              onChange={(value) => filters.setFilters({ action: value || undefined })}
              options={[
                { value: '', label: t('audit.allActions') },
                ...AUDIT_ACTIONS.map((value) => ({ value, label: t(`audit.actions.${value}`) })),
              ]}
            />
          }
        />
      </Card>
    </Flex>
  );
}
