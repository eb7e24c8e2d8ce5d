import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompetencyChange, FrameworkDiffResponse } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { tablePagination, useUrlFilters } from '../../../hooks/use-url-filters.js';
import { pickName } from '../../../i18n/pick-name.js';
import { fetchDiff, fetchPost } from '../api/taxonomy-api.js';
import { labelsInOrder, primaryLabel } from '../bilingual.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { CHANGE_COLOURS, COMPETENCY_CHANGES } from '../taxonomy-terms.js';
import { previousVersion } from '../taxonomy-versions.js';
import { VersionPicker } from './VersionPicker.js';

type CompetencyChangeItem = FrameworkDiffResponse['competencies']['items'][number];
type PostChange = FrameworkDiffResponse['posts'][number];
type RequirementChange = PostChange['requirements'][number];
type Counts = FrameworkDiffResponse['counts'];

/**
 * What changed between two versions (`?from=&to=`; by default the shown version against the one it was derived
 * from): counts, a paged table of competency changes filterable by kind (`?change=`), and the post changes.
 */
export function VersionDiff() {
  const { t } = useTranslation();
  const { versions, version } = useTaxonomy();
  const filters = useUrlFilters();
  const requestedTo = filters.get('to');
  const requestedFrom = filters.get('from');
  const to = versions.find((candidate) => candidate.id === requestedTo) ?? version;
  const from = versions.find((candidate) => candidate.id === requestedFrom) ?? previousVersion(versions, to);
  const change = filters.get<CompetencyChange>('change', COMPETENCY_CHANGES);
  const comparable = from !== undefined && from.id !== to.id;
  const query = comparable
    ? { from: from.id, to: to.id, change, limit: filters.pageSize, offset: filters.offset }
    : null;
  const diff = useApiQuery(
    (signal) => (query ? fetchDiff(query, signal) : Promise.resolve(undefined)),
    JSON.stringify([query, from?.updatedAt, to.updatedAt]),
  );
  const data =
    diff.data && query && diff.data.from.id === query.from && diff.data.to.id === query.to ? diff.data : undefined;

  return (
    <Card title={t('taxonomy.diff.title')} data-testid="diff-view">
      <Flex vertical gap={16}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('taxonomy.diff.from')}</Typography.Text>
          <VersionPicker
            versions={versions}
            value={from}
            onChange={(id) => filters.setFilters({ from: id })}
            testId="diff-from"
            ariaLabel={t('taxonomy.diff.from')}
          />
          <Typography.Text>{t('taxonomy.diff.to')}</Typography.Text>
          <VersionPicker
            versions={versions}
            value={to}
            onChange={(id) => filters.setFilters({ to: id })}
            testId="diff-to"
            ariaLabel={t('taxonomy.diff.to')}
          />
          {from && (
            <Button data-testid="diff-swap" onClick={() => filters.setFilters({ from: to.id, to: from.id })}>
              ⇄ {t('taxonomy.diff.swap')}
            </Button>
          )}
        </Flex>
        {!from ? (
          <Alert type="info" showIcon title={t('taxonomy.diff.pick')} />
        ) : !comparable ? (
          <Alert type="info" showIcon title={t('taxonomy.diff.same')} />
        ) : diff.error ? (
          <ApiErrorAlert error={diff.error} onRetry={diff.reload} />
        ) : !data ? (
          <Card loading variant="borderless" />
        ) : (
          <>
            <DiffCounts
              counts={data.counts}
              change={change}
              onPick={(picked) => filters.setFilters({ change: picked === change ? undefined : picked })}
            />
            <CompetencyChanges diff={data} loading={diff.loading} change={change} filters={filters} />
            <PostChanges diff={data} />
          </>
        )}
      </Flex>
    </Card>
  );
}

function DiffCounts({
  counts,
  change,
  onPick,
}: {
  counts: Counts;
  change: CompetencyChange | undefined;
  onPick: (change: CompetencyChange) => void;
}) {
  const { t } = useTranslation();
  const count = (name: keyof Counts) => counts[name];
  const card = (
    key: string,
    basis: string,
    title: string,
    value: number | string,
    options: { extra?: string; onClick?: () => void; active?: boolean } = {},
  ) => (
    <Col key={key} flex={basis}>
      <Card
        size="small"
        hoverable={!!options.onClick}
        onClick={options.onClick}
        aria-pressed={options.onClick ? !!options.active : undefined}
        data-testid={`diff-count-${key}`}
        style={{
          height: '100%',
          ...(options.active ? { borderColor: '#1f5fbf', boxShadow: '0 0 0 1px #1f5fbf' } : {}),
        }}
      >
        <Statistic title={title} value={value} />
        {options.extra && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {options.extra}
          </Typography.Text>
        )}
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={12} data-testid="diff-counts">
      {/* The competency changes filter the table below when clicked. */}
      <Row gutter={[12, 12]}>
        {COMPETENCY_CHANGES.map((name) =>
          card(name, '1 1 130px', t(`taxonomy.diff.counts.${name}`), count(name), {
            onClick: () => onPick(name),
            active: change === name,
          }),
        )}
      </Row>
      <Row gutter={[12, 12]}>
        {card('postsChanged', '1 1 200px', t('taxonomy.diff.counts.postsChanged'), count('postsChanged'), {
          extra: t('taxonomy.diff.postsDetail', { added: count('postsAdded'), removed: count('postsRemoved') }),
        })}
        {card(
          'requirementsChanged',
          '1 1 200px',
          t('taxonomy.diff.counts.requirementsChanged'),
          count('requirementsChanged'),
        )}
        {card(
          'occupationLinks',
          '1 1 200px',
          t('taxonomy.diff.counts.occupationLinks'),
          `+${count('occupationLinksAdded')} / −${count('occupationLinksRemoved')}`,
        )}
      </Row>
    </Flex>
  );
}

function CompetencyChanges({
  diff,
  loading,
  change,
  filters,
}: {
  diff: FrameworkDiffResponse;
  loading: boolean;
  change: CompetencyChange | undefined;
  filters: ReturnType<typeof useUrlFilters>;
}) {
  const { t, i18n } = useTranslation();
  const { href } = useTaxonomy();
  const language = i18n.language;
  const columns: TableProps<CompetencyChangeItem>['columns'] = [
    {
      key: 'competency',
      title: t('taxonomy.diff.columns.competency'),
      render: (_, item) => {
        // A removed competency only exists in the older version.
        const versionId = item.changes.includes('removed') ? diff.from.id : diff.to.id;
        const [label] = labelsInOrder(item.labelZh, item.labelEn, language);
        return (
          <Flex vertical gap={2}>
            <Link to={href(`/taxonomy/competencies/${encodeURIComponent(item.id)}`, versionId)}>
              {label || item.id}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.id}
              {item.previousId && ` · ${t('taxonomy.diff.previousId', { id: item.previousId })}`}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'changes',
      title: t('taxonomy.diff.columns.changes'),
      render: (_, item) => (
        <Flex gap={4} wrap>
          {item.changes.map((name) => (
            <Tag key={name} color={CHANGE_COLOURS[name]} style={{ marginInlineEnd: 0 }}>
              {t(`taxonomy.diff.counts.${name}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'labels',
      title: t('taxonomy.diff.columns.labels'),
      render: (_, item) => {
        const before = item.before;
        if (!before || (before.labelZh === item.labelZh && before.labelEn === item.labelEn)) return t('common.none');
        const changed = (old: string | null, now: string | null) =>
          old === now ? null : (
            <div>
              <Typography.Text delete type="secondary">
                {old ?? t('common.none')}
              </Typography.Text>
              {' → '}
              <Typography.Text strong>{now ?? t('common.none')}</Typography.Text>
            </div>
          );
        return (
          <div data-testid={`diff-labels-${item.id}`}>
            {changed(before.labelZh, item.labelZh)}
            {changed(before.labelEn, item.labelEn)}
          </div>
        );
      },
    },
    {
      key: 'notes',
      title: t('taxonomy.diff.columns.notes'),
      render: (_, item) =>
        item.notes.length === 0 ? (
          t('common.none')
        ) : (
          <Flex vertical>
            {item.notes.map((note) => (
              <Typography.Text key={note} type="secondary" style={{ fontSize: 12 }}>
                {note}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('taxonomy.diff.competencies')}
        </Typography.Title>
        <Select<CompetencyChange | ''>
          aria-label={t('taxonomy.diff.changeFilter')}
          data-testid="diff-change-filter"
          style={{ width: 220 }}
          value={change ?? ''}
          onChange={(value) => filters.setFilters({ change: value || undefined })}
          options={[
            { value: '', label: t('taxonomy.diff.allChanges') },
            ...COMPETENCY_CHANGES.map((value) => ({ value, label: t(`taxonomy.diff.counts.${value}`) })),
          ]}
        />
      </Flex>
      <Table<CompetencyChangeItem>
        data-testid="diff-competencies"
        rowKey={(item) => `${item.id}:${item.changes.join(',')}`}
        size="small"
        columns={columns}
        dataSource={diff.competencies.items}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={tablePagination(filters, diff.competencies.total, (total) => t('common.total', { total }))}
      />
    </section>
  );
}

function PostChanges({ diff }: { diff: FrameworkDiffResponse }) {
  const { t, i18n } = useTranslation();
  const { href } = useTaxonomy();
  return (
    <section data-testid="diff-posts">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('taxonomy.diff.posts')}
      </Typography.Title>
      {diff.posts.length === 0 ? (
        <Empty description={t('taxonomy.diff.postsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Collapse
          items={diff.posts.map((post) => ({
            key: post.id,
            label: (
              <Flex gap={8} align="center" wrap data-testid={`diff-post-${post.id}`}>
                <Tag
                  color={post.change === 'added' ? 'green' : post.change === 'removed' ? 'red' : 'blue'}
                  style={{ marginInlineEnd: 0 }}
                >
                  {t(`taxonomy.diff.postChanges.${post.change}`)}
                </Tag>
                <span>{pickName(post.titleZh, post.titleEn, i18n.language)}</span>
                {post.retitled && <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.diff.retitled')}</Tag>}
                <Typography.Text type="secondary">
                  {t('taxonomy.diff.requirementCount', { count: post.requirements.length })}
                </Typography.Text>
              </Flex>
            ),
            extra: (
              <Link
                to={href(
                  `/taxonomy/posts/${encodeURIComponent(post.id)}`,
                  post.change === 'removed' ? diff.from.id : diff.to.id,
                )}
                onClick={(event) => event.stopPropagation()}
              >
                {t('taxonomy.diff.openPost')}
              </Link>
            ),
            // Panels render when first opened, so the labels are loaded only for the posts someone looks at.
            children: <RequirementChanges diff={diff} post={post} />,
          }))}
        />
      )}
    </section>
  );
}

/**
 * The requirement changes of one post. The diff names competencies by id only, so their labels come from the
 * post as it is in each of the two versions.
 */
function RequirementChanges({ diff, post }: { diff: FrameworkDiffResponse; post: PostChange }) {
  const { t, i18n } = useTranslation();
  const { href } = useTaxonomy();
  const labels = useApiQuery(
    async (signal) => {
      const answers = await Promise.allSettled([
        fetchPost(diff.from.id, post.id, signal),
        fetchPost(diff.to.id, post.id, signal),
      ]);
      const names = new Map<string, string>();
      for (const answer of answers) {
        if (answer.status !== 'fulfilled') continue;
        for (const row of answer.value.requirements) {
          names.set(row.competencyId, primaryLabel({ ...row, id: row.competencyId }, i18n.language));
        }
      }
      return names;
    },
    JSON.stringify([diff.from.id, diff.to.id, post.id, i18n.language]),
  );
  if (post.requirements.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const describe = (value: RequirementChange['before']) =>
    value
      ? t('taxonomy.diff.requirementValue', {
          essential: value.essential ? t('taxonomy.requirement.essential') : t('taxonomy.requirement.optional'),
          weight: value.weight.toFixed(2),
          level: value.level,
        })
      : t('taxonomy.diff.absent');
  const columns: TableProps<RequirementChange>['columns'] = [
    {
      key: 'competency',
      title: t('taxonomy.diff.requirementColumns.competency'),
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Link
            to={href(
              `/taxonomy/competencies/${encodeURIComponent(row.competencyId)}`,
              row.after ? diff.to.id : diff.from.id,
            )}
          >
            {labels.data?.get(row.competencyId) ?? row.competencyId}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.competencyId}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'before', title: t('taxonomy.diff.requirementColumns.before'), render: (_, row) => describe(row.before) },
    { key: 'after', title: t('taxonomy.diff.requirementColumns.after'), render: (_, row) => describe(row.after) },
  ];
  return (
    <Table<RequirementChange>
      size="small"
      rowKey="competencyId"
      pagination={false}
      columns={columns}
      dataSource={post.requirements}
      data-testid={`diff-post-requirements-${post.id}`}
    />
  );
}
