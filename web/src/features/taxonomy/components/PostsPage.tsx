import { Card, Col, Empty, Flex, Input, Row, Segmented, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PostCategory, PostSummary } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { listPosts } from '../api/taxonomy-api.js';
import { labelsInOrder } from '../bilingual.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { POST_CATEGORIES } from '../taxonomy-terms.js';
import { PostCategoryTag } from './CompetencyTags.js';

/** The posts of the shown version as cards, grouped by ITO / BPO / KPO. */
export function PostsPage() {
  const { t } = useTranslation();
  const { version } = useTaxonomy();
  const filters = useUrlFilters();
  const q = filters.get('q');
  const category = filters.get<PostCategory>('category', POST_CATEGORIES);
  const query = { q, category };
  const posts = useApiQuery(
    (signal) => listPosts(version.id, query, signal),
    JSON.stringify([version.id, version.updatedAt, query]),
  );
  const items = posts.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex wrap gap={12} align="center">
          <Input.Search
            key={q ?? ''}
            aria-label={t('taxonomy.posts.searchLabel')}
            data-testid="post-search"
            placeholder={t('taxonomy.posts.searchPlaceholder')}
            defaultValue={q}
            allowClear
            maxLength={100}
            style={{ width: 320, maxWidth: '100%' }}
            onSearch={(value) => filters.setFilters({ q: value.trim() || undefined })}
          />
          <Segmented<PostCategory | 'all'>
            aria-label={t('taxonomy.posts.categoryFilter')}
            data-testid="post-category-filter"
            value={category ?? 'all'}
            onChange={(value) => filters.setFilters({ category: value === 'all' ? undefined : value })}
            options={[
              { value: 'all', label: t('taxonomy.posts.all') },
              ...POST_CATEGORIES.map((value) => ({ value, label: value })),
            ]}
          />
        </Flex>
      </Card>
      {posts.error ? <ApiErrorAlert error={posts.error} onRetry={posts.reload} /> : null}
      {!posts.data && posts.loading ? (
        <PageLoading />
      ) : (
        <Flex vertical gap={24} data-testid="post-list" style={{ opacity: posts.loading ? 0.6 : 1 }}>
          {items.length === 0 && posts.data && <Empty description={t('taxonomy.posts.empty')} />}
          {POST_CATEGORIES.map((name) => {
            const group = items.filter((post) => post.category === name);
            if (group.length === 0) return null;
            return (
              <section key={name} data-testid={`post-group-${name}`}>
                <Flex align="baseline" gap={8} style={{ marginBottom: 12 }}>
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    {t(`taxonomy.categories.${name}`)}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {t('taxonomy.posts.count', { count: group.length })}
                  </Typography.Text>
                </Flex>
                <Row gutter={[16, 16]}>
                  {group.map((post) => (
                    <Col key={post.id} xs={24} md={12} xl={8}>
                      <PostCard post={post} />
                    </Col>
                  ))}
                </Row>
              </section>
            );
          })}
        </Flex>
      )}
    </Flex>
  );
}

function PostCard({ post }: { post: PostSummary }) {
  const { t, i18n } = useTranslation();
  const { href } = useTaxonomy();
  const navigate = useNavigate();
  const path = href(`/taxonomy/posts/${encodeURIComponent(post.id)}`);
  const [title, otherTitle] = labelsInOrder(post.titleZh, post.titleEn, i18n.language);
  const [subSector] = labelsInOrder(post.subSectorZh, post.subSectorEn, i18n.language);
  return (
    <Card
      hoverable
      size="small"
      data-testid={`post-card-${post.id}`}
      style={{ height: '100%' }}
      onClick={(event: MouseEvent<HTMLElement>) => {
        if (!(event.target as HTMLElement).closest('a')) void navigate(path);
      }}
    >
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <div>
            <Link to={path} style={{ fontWeight: 600, fontSize: 15 }}>
              {title}
            </Link>
            {otherTitle && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {otherTitle}
                </Typography.Text>
              </div>
            )}
          </div>
          <PostCategoryTag category={post.category} />
        </Flex>
        <Typography.Text>{subSector}</Typography.Text>
        <Typography.Text type="secondary">
          {t('taxonomy.posts.requirementCounts', { count: post.requirementCount, essential: post.essentialCount })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
