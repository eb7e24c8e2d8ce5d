import { Flex, Modal, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PairExplanationDto } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { primaryLabel } from '../../taxonomy/bilingual.js';
import { fetchPair, type ProposalScope } from '../api/groups-api.js';
import { formatQuality, postTitle, type PostInfo } from '../groups-format.js';

type Link = PairExplanationDto['links'][number];

/** Why two posts are alike: the competencies they share, each with both weights and its share of the cosine. */
export function PairExplanationModal({
  scope,
  proposalId,
  pair,
  posts,
  onClose,
}: {
  scope: ProposalScope;
  proposalId: string;
  pair: { a: string; b: string } | null;
  posts: ReadonlyMap<string, PostInfo>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const titleA = pair ? postTitle(posts.get(pair.a), pair.a, i18n.language) : '';
  const titleB = pair ? postTitle(posts.get(pair.b), pair.b, i18n.language) : '';
  return (
    <Modal
      open={pair !== null}
      title={t('groups.pair.title', { a: titleA, b: titleB })}
      footer={null}
      width={720}
      onCancel={onClose}
      destroyOnHidden
    >
      {pair && <PairBody scope={scope} proposalId={proposalId} a={pair.a} b={pair.b} />}
    </Modal>
  );
}

function PairBody({ scope, proposalId, a, b }: { scope: ProposalScope; proposalId: string; a: string; b: string }) {
  const { t, i18n } = useTranslation();
  const query = useApiQuery((signal) => fetchPair(scope, proposalId, a, b, signal), `${proposalId}:${a}:${b}`);
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  const links = query.data?.links ?? [];
  return (
    <Flex vertical gap={12} data-testid="pair-explanation">
      <Flex gap={32} wrap>
        <Statistic
          title={t('groups.detail.similarity')}
          value={query.data ? formatQuality(query.data.similarity) : '…'}
          data-testid="pair-similarity"
        />
        <Statistic title={t('groups.pair.shared')} value={query.data ? links.length : '…'} />
      </Flex>
      <Typography.Text type="secondary">{t('groups.pair.hint')}</Typography.Text>
      <Table<Link>
        rowKey="id"
        size="small"
        loading={query.loading}
        dataSource={links}
        pagination={links.length > 12 ? { pageSize: 12 } : false}
        columns={[
          {
            key: 'competency',
            title: t('groups.pair.competency'),
            render: (_, link) => primaryLabel(link, i18n.language),
          },
          {
            key: 'weightA',
            title: t('groups.pair.weightA'),
            align: 'right',
            render: (_, link) => link.weightA.toFixed(2),
          },
          {
            key: 'weightB',
            title: t('groups.pair.weightB'),
            align: 'right',
            render: (_, link) => link.weightB.toFixed(2),
          },
          {
            key: 'contribution',
            title: t('groups.pair.contribution'),
            align: 'right',
            render: (_, link) => formatQuality(link.contribution),
          },
        ]}
        locale={{ emptyText: t('groups.pair.none') }}
      />
    </Flex>
  );
}
