import { Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentNode } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { pickName } from '../../../i18n/pick-name.js';
import { fetchDepartmentTree, listClasses, listCohorts } from '../api/people-api.js';

interface FilterProps<Value> {
  organisationId: string;
  value: Value | undefined;
  onChange: (value: Value | undefined) => void;
  label: string;
  testId: string;
}

type TreeOption = { value: string; title: string; children: TreeOption[] };

export function departmentOptions(nodes: readonly DepartmentNode[], language: string): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: pickName(node.nameZh, node.nameEn, language),
    children: departmentOptions(node.children, language),
  }));
}

/** A department of the organisation's tree. */
export function DepartmentFilter({ organisationId, value, onChange, label, testId }: FilterProps<string>) {
  const { i18n } = useTranslation();
  const tree = useApiQuery((signal) => fetchDepartmentTree(organisationId, signal), `departments:${organisationId}`);
  return (
    <TreeSelect
      aria-label={label}
      placeholder={label}
      data-testid={testId}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={{ width: 200, maxWidth: '100%' }}
      value={value}
      onChange={(next: string | undefined) => onChange(next ?? undefined)}
      treeData={departmentOptions(tree.data?.items ?? [], i18n.language)}
      loading={tree.loading}
    />
  );
}

/** An entry year among the organisation's cohorts. */
export function CohortFilter({ organisationId, value, onChange, label, testId }: FilterProps<number>) {
  const { t } = useTranslation();
  const cohorts = useApiQuery((signal) => listCohorts(organisationId, signal), `cohorts:${organisationId}`);
  return (
    <Select<number>
      aria-label={label}
      placeholder={label}
      data-testid={testId}
      allowClear
      style={{ width: 140 }}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      loading={cohorts.loading}
      options={(cohorts.data?.items ?? []).map((cohort) => ({
        value: cohort.cohortYear,
        label: t('people.roster.cohortOption', { year: cohort.cohortYear }),
      }))}
    />
  );
}

/** A class, searched on the server as the person types (a college has hundreds). */
export function ClassFilter({ organisationId, value, onChange, label, testId }: FilterProps<string>) {
  const [search, setSearch] = useState('');
  const classes = useApiQuery(
    (signal) => listClasses(organisationId, { q: search || undefined, limit: 50, offset: 0 }, signal),
    `classes:${organisationId}:${search}`,
  );
  return (
    <Select<string>
      aria-label={label}
      placeholder={label}
      data-testid={testId}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      style={{ width: 200, maxWidth: '100%' }}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      loading={classes.loading}
      options={(classes.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
    />
  );
}
