import { Button, Card, Flex, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type {
  CompetencyDimension,
  CompetencyGroupsFilter,
  CompetencySummary,
  CompetencyType,
} from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { tablePagination, useUrlFilters } from '../../../hooks/use-url-filters.js';
import { searchCompetencies } from '../api/taxonomy-api.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { COMPETENCY_DIMENSIONS, COMPETENCY_TYPES } from '../taxonomy-terms.js';
import { BilingualText } from './BilingualText.js';
import { CompetencyCreateModal } from './CompetencyCreateModal.js';
import { CompetencyTypeTag, DimensionTag } from './CompetencyTags.js';

const GROUP_FILTERS = ['exclude', 'include', 'only'] as const satisfies readonly CompetencyGroupsFilter[];

/**
 * Search and browse the competencies of the shown version, paged by the server (ESCO has some 14 000). The
 * detail opens in a drawer on top (`/taxonomy/competencies/:competencyId`, the child route), keeping the list.
 * Editors may add a competency to a draft version.
 */
export function CompetencyBrowserPage() {
  const { t } = useTranslation();
  const { version, editable, versionChanged } = useTaxonomy();
  const [creating, setCreating] = useState(false);
  const filters = useUrlFilters();
  const navigate = useNavigate();
  const { search } = useLocation();
  const q = filters.get('q');
  const type = filters.get<CompetencyType>('type', COMPETENCY_TYPES);
  const dimension = filters.get<CompetencyDimension>('dimension', COMPETENCY_DIMENSIONS);
  const groups = filters.get<CompetencyGroupsFilter>('groups', GROUP_FILTERS);
  const query = { q, type, dimension, groups, limit: filters.pageSize, offset: filters.offset };
  const page = useApiQuery(
    (signal) => searchCompetencies(version.id, query, signal),
    JSON.stringify([version.id, version.updatedAt, query]),
  );

  const detailPath = (id: string) => ({ pathname: `/taxonomy/competencies/${encodeURIComponent(id)}`, search });

  const columns: TableProps<CompetencySummary>['columns'] = [
    {
      key: 'label',
      title: t('taxonomy.competencies.columns.label'),
      render: (_, competency) => (
        <BilingualText
          zh={competency.labelZh}
          en={competency.labelEn}
          fallback={competency.id}
          render={(text) => <Link to={detailPath(competency.id)}>{text}</Link>}
        />
      ),
    },
    {
      key: 'type',
      title: t('taxonomy.competencies.columns.type'),
      render: (_, competency) => (
        <Flex gap={4} wrap>
          <CompetencyTypeTag type={competency.type} />
          {competency.isGroup && <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.competencies.group')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'dimension',
      title: t('taxonomy.competencies.columns.dimension'),
      render: (_, competency) =>
        competency.dimension ? <DimensionTag dimension={competency.dimension} /> : t('common.none'),
    },
  ];
  if (q) {
    columns.push({
      key: 'matched',
      title: t('taxonomy.competencies.columns.matched'),
      render: (_, competency) => <MatchCell competency={competency} />,
    });
  }
  columns.push({
    key: 'esco',
    title: t('taxonomy.competencies.columns.esco'),
    responsive: ['md'],
    render: (_, competency) =>
      competency.escoUri ? (
        <a href={competency.escoUri} target="_blank" rel="noreferrer" title={competency.escoUri}>
          ESCO ↗
        </a>
      ) : (
        t('common.none')
      ),
  });

  function openRow(competency: CompetencySummary, event: MouseEvent<HTMLElement>) {
    // Links in the row (the label, ESCO) do their own thing.
    if ((event.target as HTMLElement).closest('a')) return;
    void navigate(detailPath(competency.id));
  }

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Flex wrap gap={12}>
            <Input.Search
              key={q ?? ''}
              aria-label={t('taxonomy.competencies.searchLabel')}
              data-testid="competency-search"
              placeholder={t('taxonomy.competencies.searchPlaceholder')}
              defaultValue={q}
              allowClear
              maxLength={100}
              style={{ width: 360, maxWidth: '100%' }}
              onSearch={(value) => filters.setFilters({ q: value.trim() || undefined })}
            />
            <Select<CompetencyType | ''>
              aria-label={t('taxonomy.competencies.typeFilter')}
              data-testid="competency-type-filter"
              style={{ width: 160 }}
              value={type ?? ''}
              onChange={(value) => filters.setFilters({ type: value || undefined })}
              options={[
                { value: '', label: t('taxonomy.competencies.allTypes') },
                ...COMPETENCY_TYPES.map((value) => ({ value, label: t(`taxonomy.types.${value}`) })),
              ]}
            />
            <Select<CompetencyDimension | ''>
              aria-label={t('taxonomy.competencies.dimensionFilter')}
              data-testid="competency-dimension-filter"
              style={{ width: 240 }}
              value={dimension ?? ''}
              onChange={(value) => filters.setFilters({ dimension: value || undefined })}
              options={[
                { value: '', label: t('taxonomy.competencies.allDimensions') },
                ...COMPETENCY_DIMENSIONS.map((value) => ({ value, label: t(`taxonomy.dimensions.${value}`) })),
              ]}
            />
            {version.counts.competencyGroups > 0 && (
              <Select<CompetencyGroupsFilter>
                aria-label={t('taxonomy.competencies.groupsFilter')}
                style={{ width: 180 }}
                value={groups ?? 'exclude'}
                onChange={(value) => filters.setFilters({ groups: value === 'exclude' ? undefined : value })}
                options={GROUP_FILTERS.map((value) => ({ value, label: t(`taxonomy.competencies.groups.${value}`) }))}
              />
            )}
          </Flex>
          {editable && (
            <Button type="primary" data-testid="competency-create" onClick={() => setCreating(true)}>
              {t('taxonomy.create.button')}
            </Button>
          )}
        </Flex>
        {page.error ? <ApiErrorAlert error={page.error} onRetry={page.reload} /> : null}
        <Table<CompetencySummary>
          data-testid="competency-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page.data?.items ?? []}
          loading={page.loading}
          scroll={{ x: 'max-content' }}
          onRow={(competency) =>
            ({
              'data-testid': `competency-row-${competency.id}`,
              style: { cursor: 'pointer' },
              onClick: (event: MouseEvent<HTMLElement>) => openRow(competency, event),
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={tablePagination(filters, page.data?.total, (total) => t('common.total', { total }))}
        />
      </Flex>
      <Outlet />
      {editable && (
        <CompetencyCreateModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            page.reload();
            // The version's counts and `updatedAt` change with it.
            versionChanged(version);
            void navigate(detailPath(created.id));
          }}
        />
      )}
    </Card>
  );
}

/** Which label or alias the search matched, and how well. */
function MatchCell({ competency }: { competency: CompetencySummary }) {
  const { t } = useTranslation();
  if (!competency.matched) return t('common.none');
  const isLabel = competency.matched === competency.labelZh || competency.matched === competency.labelEn;
  return (
    <Flex vertical gap={2} data-testid={`competency-match-${competency.id}`}>
      <span>
        {isLabel
          ? t('taxonomy.competencies.matchedLabel', { text: competency.matched })
          : t('taxonomy.competencies.matchedAlias', { text: competency.matched })}
      </span>
      {competency.score !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('taxonomy.competencies.score', { score: competency.score.toFixed(2) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
