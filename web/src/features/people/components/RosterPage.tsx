import { Button, Flex, Select, Tabs, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RosterEntry, RosterKind } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { listRoster, rosterExportUrl } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';
import { integerOrUndefined } from '../people-format.js';
import { ClassFilter, CohortFilter, DepartmentFilter } from './PeopleFilters.js';
import { MaskedBadge, RosterStatusTags } from './RosterStatusTags.js';

const STATUSES = ['active', 'left'] as const;

/** The organisation's people, one tab per roster it keeps, filtered and paged by the server. */
export function RosterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const people = usePeople();
  const filters = useUrlFilters();
  const kind: RosterKind = filters.get('kind', people.kinds) ?? people.kinds[0] ?? 'student';
  const classId = filters.get('class');
  const departmentId = filters.get('department');
  const cohortYear = integerOrUndefined(filters.get('cohort'));
  const status = filters.get('status', STATUSES);
  const q = filters.get('q');
  const query = {
    kind,
    classId,
    departmentId,
    cohortYear,
    status,
    q,
    limit: filters.pageSize,
    offset: filters.offset,
  };
  const roster = useApiQuery(
    (signal) => listRoster(people.organisationId, query, signal),
    JSON.stringify([people.organisationId, query]),
  );
  const students = kind === 'student';

  const columns: TableProps<RosterEntry>['columns'] = [
    {
      key: 'externalId',
      title: t(`people.externalId.${kind}`),
      render: (_, entry) => <Typography.Text copyable>{entry.externalId}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('people.roster.columns.name'),
      render: (_, entry) =>
        people.canOpenAccount ? (
          <Link to={`/people/accounts/${entry.personId}`} data-testid={`roster-person-${entry.externalId}`}>
            {entry.name}
          </Link>
        ) : (
          entry.name
        ),
    },
    ...(students
      ? ([
          {
            key: 'class',
            title: t('people.roster.columns.className'),
            render: (_, entry) =>
              entry.classId ? <Link to={`/people/classes/${entry.classId}`}>{entry.className}</Link> : t('common.none'),
          },
          {
            key: 'specialty',
            title: t('people.roster.columns.specialty'),
            responsive: ['md'],
            render: (_, entry) => entry.specialtyName ?? t('common.none'),
          },
          {
            key: 'cohort',
            title: t('people.roster.columns.cohort'),
            responsive: ['md'],
            render: (_, entry) => entry.cohortYear ?? t('common.none'),
          },
        ] satisfies TableProps<RosterEntry>['columns'])
      : ([
          {
            key: 'department',
            title: t('people.roster.columns.department'),
            render: (_, entry) => entry.departmentName ?? t('common.none'),
          },
          {
            key: 'title',
            title: t('people.roster.columns.title'),
            responsive: ['md'],
            render: (_, entry) => (
              <Flex gap={4} wrap>
                <span>{entry.title ?? t('common.none')}</span>
                {entry.doubleQualified && <Tag color="blue">{t('people.roster.doubleQualified')}</Tag>}
              </Flex>
            ),
          },
        ] satisfies TableProps<RosterEntry>['columns'])),
    {
      key: 'contact',
      title: t('people.roster.columns.contact'),
      responsive: ['lg'],
      render: (_, entry) => (
        <Flex vertical gap={2} align="flex-start">
          {entry.phone && <span>{entry.phone}</span>}
          {entry.email && <span>{entry.email}</span>}
          {!entry.phone && !entry.email && t('common.none')}
          {entry.masked && (entry.phone || entry.email) && <MaskedBadge />}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('people.roster.columns.status'),
      render: (_, entry) => <RosterStatusTags entry={entry} />,
    },
  ];

  return (
    <Flex vertical gap={8}>
      {people.kinds.length > 1 && (
        <Tabs
          activeKey={kind}
          onChange={(next) =>
            filters.setFilters({ kind: next, class: undefined, cohort: undefined, department: undefined })
          }
          items={people.kinds.map((name) => ({
            key: name,
            label: <span data-testid={`roster-kind-${name}`}>{t(`people.kinds.${name}`)}</span>,
          }))}
        />
      )}
      <PagedSearchTable<RosterEntry>
        testId="roster-table"
        query={roster}
        paging={filters}
        columns={columns}
        rowKey="personId"
        rowTestId={(entry) => `roster-row-${entry.externalId}`}
        onRowClick={people.canOpenAccount ? (entry) => void navigate(`/people/accounts/${entry.personId}`) : undefined}
        search={{
          value: q,
          onChange: (value) => filters.setFilters({ q: value }),
          label: t('people.roster.searchLabel'),
          placeholder: t('people.roster.searchPlaceholder'),
          testId: 'roster-search',
          width: 260,
        }}
        filters={
          <>
            {students && (
              <ClassFilter
                organisationId={people.organisationId}
                value={classId}
                onChange={(value) => filters.setFilters({ class: value })}
                label={t('people.roster.classFilter')}
                testId="roster-filter-class"
              />
            )}
            {students && (
              <CohortFilter
                organisationId={people.organisationId}
                value={cohortYear}
                onChange={(value) => filters.setFilters({ cohort: value === undefined ? undefined : String(value) })}
                label={t('people.roster.cohortFilter')}
                testId="roster-filter-cohort"
              />
            )}
            <DepartmentFilter
              organisationId={people.organisationId}
              value={departmentId}
              onChange={(value) => filters.setFilters({ department: value })}
              label={t('people.roster.departmentFilter')}
              testId="roster-filter-department"
            />
            <Select
              aria-label={t('people.roster.statusFilter')}
              placeholder={t('people.roster.statusFilter')}
              data-testid="roster-filter-status"
              allowClear
              style={{ width: 120 }}
              value={status}
              onChange={(value: string | undefined) => filters.setFilters({ status: value })}
              options={STATUSES.map((name) => ({
                value: name,
                label: t(name === 'active' && !students ? 'people.status.activeStaff' : `people.status.${name}`),
              }))}
            />
          </>
        }
        actions={
          people.canExport ? (
            <Tooltip title={t('people.roster.exportHelp')}>
              <Button href={rosterExportUrl(people.organisationId, kind)} data-testid="roster-export">
                {t('people.roster.export')}
              </Button>
            </Tooltip>
          ) : undefined
        }
        emptyText={people.canImport ? t('people.roster.emptyImport') : t('people.roster.empty')}
      />
    </Flex>
  );
}
