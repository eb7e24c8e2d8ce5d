import { Card, Flex, InputNumber, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { PostingSummary } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { searchPostings } from '../api/demand-api.js';
import { formatShare, integerParam, placeName } from '../demand-format.js';
import { useDemandPosts } from '../hooks/use-demand-posts.js';
import { ProvinceAndPostFilters } from './DemandFilters.js';
import { NoPostingsEmpty } from './NoPostingsEmpty.js';

/**
 * Every stored posting, searched and filtered by the server and paged (a province's year is tens of thousands).
 * A posting opens in a drawer on top (`/demand/postings/:postingId`), keeping the list and its filters.
 */
export function PostingsPage() {
  const { t, i18n } = useTranslation();
  const filters = useUrlFilters();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { byId } = useDemandPosts();
  const q = filters.get('q');
  const competency = filters.get('competency');
  const query = {
    q,
    post: filters.get('post'),
    province: filters.get('province'),
    year: integerParam(filters.get('year')),
    competency,
    limit: filters.pageSize,
    offset: filters.offset,
  };
  const page = useApiQuery((signal) => searchPostings(query, signal), JSON.stringify(query));
  const filtered = Boolean(q || query.post || query.province || query.year || competency);
  const detailPath = (id: string) => ({ pathname: `/demand/postings/${encodeURIComponent(id)}`, search });

  const columns: TableProps<PostingSummary>['columns'] = [
    {
      key: 'title',
      title: t('demand.postings.columns.title'),
      render: (_, posting) => (
        <Flex vertical gap={2}>
          <Link to={detailPath(posting.id)}>{posting.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {posting.enterprise}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'place',
      title: t('demand.postings.columns.place'),
      render: (_, posting) => placeName(posting.province, posting.city) ?? t('common.none'),
    },
    { key: 'postedOn', title: t('demand.postings.columns.postedOn'), dataIndex: 'postedOn', width: 120 },
    {
      key: 'post',
      title: t('demand.postings.columns.post'),
      render: (_, posting) => {
        if (!posting.postId)
          return <Typography.Text type="secondary">{t('demand.postings.unclassified')}</Typography.Text>;
        const post = byId.get(posting.postId);
        const title = post ? labelsInOrder(post.titleZh, post.titleEn, i18n.language)[0] : posting.postId;
        return (
          <Flex vertical gap={2}>
            <span>{title}</span>
            {posting.postConfidence !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('demand.postings.confidence', { value: formatShare(posting.postConfidence) })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'competencies',
      title: t('demand.postings.columns.competencies'),
      dataIndex: 'competencyCount',
      align: 'right',
      width: 110,
    },
  ];

  return (
    <Card>
      <PagedSearchTable<PostingSummary>
        testId="posting-table"
        query={page}
        paging={filters}
        columns={columns}
        rowKey="id"
        size="middle"
        search={{
          value: q,
          onChange: (value) => filters.setFilters({ q: value }),
          label: t('demand.postings.searchLabel'),
          placeholder: t('demand.postings.searchPlaceholder'),
          testId: 'posting-search',
          maxLength: 200,
        }}
        filters={
          <>
            <ProvinceAndPostFilters filters={filters} />
            <InputNumber
              key={query.year ?? 'any'}
              aria-label={t('demand.filters.year')}
              data-testid="posting-year"
              placeholder={t('demand.filters.year')}
              min={1990}
              max={2100}
              style={{ width: 110 }}
              defaultValue={query.year}
              onBlur={(event) => filters.setFilters({ year: event.target.value.trim() || undefined })}
              onPressEnter={(event) => filters.setFilters({ year: event.currentTarget.value.trim() || undefined })}
            />
            {competency && (
              <Tag
                closable
                color="blue"
                data-testid="posting-competency-filter"
                onClose={() => filters.setFilters({ competency: undefined })}
              >
                {t('demand.postings.competencyFilter', { key: competency })}
              </Tag>
            )}
          </>
        }
        emptyText={t('demand.postings.noMatch')}
        instead={page.data && page.data.total === 0 && !filtered && !page.loading ? <NoPostingsEmpty /> : undefined}
        rowTestId={(posting) => `posting-row-${posting.sourceId}`}
        onRowClick={(posting) => void navigate(detailPath(posting.id))}
      />
      <Outlet />
    </Card>
  );
}
