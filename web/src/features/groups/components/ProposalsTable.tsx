import { Empty, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProposalSummaryDto } from '../../../api/contracts.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { deltaColour, formatQuality } from '../groups-format.js';
import { ProposalStatusTag } from './ProposalStatusTag.js';

/** Proposals, newest first, each linking to `linkTo(id)`; the committee sees which college each comes from. */
export function ProposalsTable({
  items,
  loading,
  linkTo,
  showOrganisation,
  emptyText,
}: {
  items: readonly ProposalSummaryDto[];
  loading: boolean;
  linkTo: (id: string) => string;
  showOrganisation: boolean;
  emptyText: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const columns: TableProps<ProposalSummaryDto>['columns'] = [
    {
      key: 'title',
      title: t('groups.proposals.columns.title'),
      render: (_, proposal) => (
        <Link to={linkTo(proposal.id)} data-testid={`proposal-link-${proposal.id}`}>
          {pickName(proposal.titleZh, proposal.titleEn, language)}
        </Link>
      ),
    },
    ...(showOrganisation
      ? [
          {
            key: 'organisation',
            title: t('groups.proposals.columns.organisation'),
            render: (_: unknown, proposal: ProposalSummaryDto) =>
              pickName(proposal.organisationName, proposal.organisationNameEn, language),
          },
        ]
      : []),
    {
      key: 'status',
      title: t('groups.proposals.columns.status'),
      render: (_, proposal) => <ProposalStatusTag status={proposal.status} />,
    },
    {
      key: 'groups',
      title: t('groups.proposals.columns.groups'),
      align: 'right',
      render: (_, proposal) => proposal.k,
    },
    { key: 'posts', title: t('groups.proposals.columns.posts'), align: 'right', dataIndex: 'posts' },
    {
      key: 'quality',
      title: t('groups.proposals.columns.quality'),
      align: 'right',
      render: (_, proposal) => (
        <Typography.Text style={{ color: deltaColour(proposal.proposedQuality, proposal.quality) }}>
          {formatQuality(proposal.quality)}
        </Typography.Text>
      ),
    },
    {
      key: 'method',
      title: t('groups.proposals.columns.method'),
      render: (_, proposal) => t(`groups.methods.${proposal.method}`),
    },
    {
      key: 'updated',
      title: t('groups.proposals.columns.updated'),
      render: (_, proposal) => formatDateTime(proposal.updatedAt, language),
    },
  ];
  return (
    <Table<ProposalSummaryDto>
      data-testid="proposals-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
  );
}
