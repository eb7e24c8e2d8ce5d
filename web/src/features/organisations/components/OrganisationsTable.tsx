import { Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation } from '../../../api/contracts.js';
import type { ApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import type { Paging } from '../../../hooks/use-url-filters.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { OrganisationKindTag } from './OrganisationKindTag.js';

/** The organisation directory, paged by the server, with `filters` above it. */
export function OrganisationsTable({
  query,
  paging,
  filters,
}: {
  query: ApiQuery<{ items: readonly Organisation[]; total: number }>;
  paging: Paging;
  filters: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  const columns: TableProps<Organisation>['columns'] = [
    {
      key: 'name',
      title: t('organisations.columns.name'),
      render: (_, organisation) => (
        <div>
          <Link to={`/organisations/${organisation.id}`}>
            {pickName(organisation.nameZh, organisation.nameEn, language)}
          </Link>
          <div>
            <Typography.Text type="secondary">
              {language === 'en' ? organisation.nameZh : organisation.nameEn}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('organisations.columns.kind'),
      dataIndex: 'kind',
      render: (_, organisation) => <OrganisationKindTag kind={organisation.kind} />,
    },
    {
      key: 'enterpriseType',
      title: t('organisations.columns.enterpriseType'),
      responsive: ['md'],
      render: (_, organisation) =>
        organisation.enterpriseType ? t(`enterpriseTypes.${organisation.enterpriseType}`) : t('common.none'),
    },
    {
      key: 'location',
      title: t('organisations.columns.location'),
      responsive: ['sm'],
      render: (_, organisation) =>
        [organisation.province, organisation.city].filter(Boolean).join(' · ') || t('common.none'),
    },
    { key: 'memberCount', title: t('organisations.columns.memberCount'), dataIndex: 'memberCount', align: 'right' },
    {
      key: 'createdAt',
      title: t('organisations.columns.createdAt'),
      responsive: ['lg'],
      render: (_, organisation) => formatDateTime(organisation.createdAt, language),
    },
  ];

  return (
    <PagedSearchTable<Organisation>
      testId="organisations-table"
      query={query}
      paging={paging}
      columns={columns}
      rowKey="id"
      filters={filters}
    />
  );
}
