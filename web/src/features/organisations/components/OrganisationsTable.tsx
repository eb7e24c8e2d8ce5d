import { Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation } from '../../../api/contracts.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { OrganisationKindTag } from './OrganisationKindTag.js';

export function OrganisationsTable({
  organisations,
  loading,
  pagination,
}: {
  organisations: readonly Organisation[];
  loading: boolean;
  pagination: TableProps<Organisation>['pagination'];
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
    <Table<Organisation>
      data-testid="organisations-table"
      rowKey="id"
      columns={columns}
      dataSource={organisations}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
    />
  );
}
