import { Button, Card, Flex, Select, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type {
  CompetencyDimension,
  CompetencyGroupsFilter,
  CompetencySummary,
  CompetencyType,
} from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable } from '../../../components/PagedSearchTable.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
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

  return (
    <Card>
      <PagedSearchTable<CompetencySummary>
        testId="competency-table"
        query={page}
        paging={filters}
        columns={columns}
        rowKey="id"
        size="middle"
        search={{
          value: q,
          onChange: (value) => filters.setFilters({ q: value }),
          label: t('taxonomy.competencies.searchLabel'),
          placeholder: t('taxonomy.competencies.searchPlaceholder'),
          testId: 'competency-search',
          width: 360,
        }}
        filters={
          <>
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
          </>
        }
        actions={
          editable && (
            <Button type="primary" data-testid="competency-create" onClick={() => setCreating(true)}>
              {t('taxonomy.create.button')}
            </Button>
          )
        }
        rowTestId={(competency) => `competency-row-${competency.id}`}
        // Links in the row (the label, ESCO) do their own thing.
        onRowClick={(competency) => void navigate(detailPath(competency.id))}
      />
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
