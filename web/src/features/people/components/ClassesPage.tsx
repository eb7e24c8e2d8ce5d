import { Input, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ClassView } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { listClasses } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';
import { integerOrUndefined } from '../people-format.js';
import { CohortFilter, DepartmentFilter } from './PeopleFilters.js';

/** The college's classes (班级), filtered by cohort, department and specialty, paged by the server. */
export function ClassesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const people = usePeople();
  const filters = useUrlFilters();
  const cohortYear = integerOrUndefined(filters.get('cohort'));
  const departmentId = filters.get('department');
  const specialtyCode = filters.get('specialty');
  const q = filters.get('q');
  const query = { cohortYear, departmentId, specialtyCode, q, limit: filters.pageSize, offset: filters.offset };
  const classes = useApiQuery(
    (signal) => listClasses(people.organisationId, query, signal),
    JSON.stringify([people.organisationId, query]),
  );

  const columns: TableProps<ClassView>['columns'] = [
    {
      key: 'name',
      title: t('people.classes.columns.name'),
      render: (_, row) => (
        <Link to={`/people/classes/${row.id}`} data-testid={`class-link-${row.name}`}>
          {row.name}
        </Link>
      ),
    },
    {
      key: 'specialty',
      title: t('people.classes.columns.specialty'),
      render: (_, row) => (
        <span>
          {row.specialtyName} <Typography.Text type="secondary">{row.specialtyCode}</Typography.Text>
        </span>
      ),
    },
    { key: 'cohort', title: t('people.classes.columns.cohort'), dataIndex: 'cohortYear' },
    {
      key: 'graduation',
      title: t('people.classes.columns.graduation'),
      dataIndex: 'graduationYear',
      responsive: ['md'],
    },
    {
      key: 'department',
      title: t('people.classes.columns.department'),
      responsive: ['lg'],
      render: (_, row) => row.departmentName ?? t('common.none'),
    },
    { key: 'students', title: t('people.classes.columns.students'), dataIndex: 'students' },
    { key: 'left', title: t('people.classes.columns.left'), dataIndex: 'studentsLeft', responsive: ['md'] },
  ];

  return (
    <PagedSearchTable<ClassView>
      testId="classes-table"
      query={classes}
      paging={filters}
      columns={columns}
      rowKey="id"
      onRowClick={(row) => void navigate(`/people/classes/${row.id}`)}
      search={{
        value: q,
        onChange: (value) => filters.setFilters({ q: value }),
        label: t('people.classes.searchLabel'),
        placeholder: t('people.classes.searchPlaceholder'),
        testId: 'classes-search',
        width: 220,
      }}
      filters={
        <>
          <CohortFilter
            organisationId={people.organisationId}
            value={cohortYear}
            onChange={(value) => filters.setFilters({ cohort: value === undefined ? undefined : String(value) })}
            label={t('people.classes.cohortFilter')}
            testId="classes-filter-cohort"
          />
          <DepartmentFilter
            organisationId={people.organisationId}
            value={departmentId}
            onChange={(value) => filters.setFilters({ department: value })}
            label={t('people.classes.departmentFilter')}
            testId="classes-filter-department"
          />
          <Input
            aria-label={t('people.classes.specialtyFilter')}
            placeholder={t('people.classes.specialtyFilter')}
            data-testid="classes-filter-specialty"
            allowClear
            maxLength={20}
            style={{ width: 140 }}
            defaultValue={specialtyCode}
            onPressEnter={(event) => filters.setFilters({ specialty: event.currentTarget.value.trim() || undefined })}
            onBlur={(event) => filters.setFilters({ specialty: event.currentTarget.value.trim() || undefined })}
          />
        </>
      }
      emptyText={t('people.classes.empty')}
    />
  );
}
