import { Card, Empty, Flex, Segmented, Select, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  EducationLevel,
  FrameworkVersion,
  OccupationScheme,
  OccupationSummary,
  SpecialtyLevel,
  SpecialtySummary,
} from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PagedSearchTable, type SearchBoxProps } from '../../../components/PagedSearchTable.js';
import { useUrlFilters, type UrlFilters } from '../../../hooks/use-url-filters.js';
import { searchOccupations, searchSpecialties } from '../api/taxonomy-api.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { EDUCATION_LEVELS, OCCUPATION_SCHEMES, SPECIALTY_LEVELS } from '../taxonomy-terms.js';
import { hasReferences, versionName } from '../taxonomy-versions.js';
import { BilingualText } from './BilingualText.js';
import { VersionPicker } from './VersionPicker.js';

const KINDS = ['occupations', 'specialties'] as const;
type Kind = (typeof KINDS)[number];

/**
 * The reference occupations and specialties imported with a framework version (`zerodock import esco|onet|
 * occupations-cn|specialties`), searched and paged by the server; the list lives in the URL.
 */
export function ReferencesPage() {
  const { t, i18n } = useTranslation();
  const { versions, version, selectVersion } = useTaxonomy();
  const filters = useUrlFilters();
  const candidates = versions.filter(hasReferences);
  // The shown framework version when it has references, else the first that has.
  const shown = candidates.find((candidate) => candidate.id === version.id) ?? candidates[0];

  if (!shown) {
    return (
      <Card data-testid="references-page">
        <Empty
          data-testid="references-empty"
          description={
            <Flex vertical gap={8} align="center">
              <Typography.Text>{t('taxonomy.references.empty')}</Typography.Text>
              <Typography.Text type="secondary">{t('taxonomy.references.emptyHelp')}</Typography.Text>
              <Typography.Text code>zerodock import esco|onet|occupations-cn|specialties …</Typography.Text>
            </Flex>
          }
        />
      </Card>
    );
  }

  const requested = filters.get<Kind>('kind', KINDS);
  const available = KINDS.filter((kind) => shown.counts[kind] > 0);
  const kind: Kind = requested && available.includes(requested) ? requested : (available[0] ?? 'occupations');

  return (
    <Card data-testid="references-page">
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center">
          <VersionPicker
            versions={candidates}
            value={shown}
            onChange={selectVersion}
            testId="references-version-picker"
            ariaLabel={t('taxonomy.references.picker')}
          />
          <Segmented<Kind>
            data-testid="references-kind"
            value={kind}
            onChange={(value) =>
              filters.setFilters({
                kind: value,
                q: undefined,
                scheme: undefined,
                educationLevel: undefined,
                level: undefined,
              })
            }
            options={KINDS.map((value) => ({
              value,
              disabled: shown.counts[value] === 0,
              label: t(`taxonomy.references.kinds.${value}`, { count: shown.counts[value] }),
            }))}
          />
        </Flex>
        {shown.id !== version.id && (
          <Typography.Text type="secondary" data-testid="references-other-version">
            {t('taxonomy.references.otherVersion', {
              shown: versionName(shown, i18n.language),
              current: versionName(version, i18n.language),
            })}
          </Typography.Text>
        )}
        {kind === 'occupations' ? (
          <OccupationsTable version={shown} filters={filters} />
        ) : (
          <SpecialtiesTable version={shown} filters={filters} />
        )}
      </Flex>
    </Card>
  );
}

/** The references' search box, kept in the URL's `q`. */
function referenceSearch(filters: UrlFilters, label: string, placeholder: string): SearchBoxProps {
  return {
    value: filters.get('q'),
    onChange: (value) => filters.setFilters({ q: value }),
    label,
    placeholder,
    testId: 'references-search',
    width: 360,
  };
}

function OccupationsTable({ version, filters }: { version: FrameworkVersion; filters: UrlFilters }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const q = filters.get('q');
  const scheme = filters.get<OccupationScheme>('scheme', OCCUPATION_SCHEMES);
  const query = { q, scheme, limit: filters.pageSize, offset: filters.offset };
  const page = useApiQuery(
    (signal) => searchOccupations(version.id, query, signal),
    JSON.stringify(['occupations', version.id, version.updatedAt, query]),
  );

  const columns: TableProps<OccupationSummary>['columns'] = [
    {
      key: 'scheme',
      title: t('taxonomy.references.occupationColumns.scheme'),
      render: (_, row) => <Tag style={{ marginInlineEnd: 0 }}>{t(`taxonomy.schemes.${row.scheme}`)}</Tag>,
    },
    {
      key: 'code',
      title: t('taxonomy.references.occupationColumns.code'),
      render: (_, row) => (row.code ? <Typography.Text code>{row.code}</Typography.Text> : t('common.none')),
    },
    {
      key: 'title',
      title: t('taxonomy.references.occupationColumns.title'),
      render: (_, row) => (
        <BilingualText
          zh={row.titleZh}
          en={row.titleEn}
          fallback={row.id}
          render={(text) =>
            row.uri?.startsWith('http') ? (
              <a href={row.uri} target="_blank" rel="noreferrer">
                {text}
              </a>
            ) : (
              text
            )
          }
        />
      ),
    },
    {
      key: 'isco',
      title: t('taxonomy.references.occupationColumns.isco'),
      responsive: ['md'],
      render: (_, row) => row.iscoCode ?? t('common.none'),
    },
    {
      key: 'description',
      title: t('taxonomy.references.occupationColumns.description'),
      responsive: ['lg'],
      render: (_, row) =>
        row.description ? (
          <Typography.Text
            type="secondary"
            ellipsis={{ tooltip: <div style={{ maxHeight: 320, overflow: 'auto' }}>{row.description}</div> }}
            style={{ maxWidth: 360 }}
          >
            {row.description}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'aliases',
      title: t('taxonomy.references.occupationColumns.aliases'),
      align: 'right',
      responsive: ['md'],
      render: (_, row) => row.aliasCount.toLocaleString(language),
    },
    {
      key: 'tasks',
      title: t('taxonomy.references.occupationColumns.tasks'),
      align: 'right',
      responsive: ['md'],
      render: (_, row) => row.taskCount.toLocaleString(language),
    },
  ];

  return (
    <PagedSearchTable<OccupationSummary>
      testId="occupations-table"
      query={page}
      paging={filters}
      columns={columns}
      rowKey="id"
      size="middle"
      search={referenceSearch(filters, t('taxonomy.references.searchLabel'), t('taxonomy.references.occupationSearch'))}
      filters={
        <Select<OccupationScheme | ''>
          aria-label={t('taxonomy.references.schemeFilter')}
          data-testid="occupation-scheme-filter"
          style={{ width: 200 }}
          value={scheme ?? ''}
          onChange={(value) => filters.setFilters({ scheme: value || undefined })}
          options={[
            { value: '', label: t('taxonomy.references.allSchemes') },
            ...OCCUPATION_SCHEMES.map((value) => ({ value, label: t(`taxonomy.schemes.${value}`) })),
          ]}
        />
      }
    />
  );
}

function SpecialtiesTable({ version, filters }: { version: FrameworkVersion; filters: UrlFilters }) {
  const { t } = useTranslation();
  const q = filters.get('q');
  const educationLevel = filters.get<EducationLevel>('educationLevel', EDUCATION_LEVELS);
  const level = filters.get<SpecialtyLevel>('level', SPECIALTY_LEVELS);
  const query = { q, educationLevel, level, limit: filters.pageSize, offset: filters.offset };
  const page = useApiQuery(
    (signal) => searchSpecialties(version.id, query, signal),
    JSON.stringify(['specialties', version.id, version.updatedAt, query]),
  );

  const columns: TableProps<SpecialtySummary>['columns'] = [
    {
      key: 'educationLevel',
      title: t('taxonomy.references.specialtyColumns.educationLevel'),
      render: (_, row) => t(`taxonomy.references.educationLevels.${row.educationLevel}`),
    },
    {
      key: 'level',
      title: t('taxonomy.references.specialtyColumns.level'),
      render: (_, row) => <Tag style={{ marginInlineEnd: 0 }}>{t(`taxonomy.references.levels.${row.level}`)}</Tag>,
    },
    {
      key: 'code',
      title: t('taxonomy.references.specialtyColumns.code'),
      render: (_, row) => <Typography.Text code>{row.code}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('taxonomy.references.specialtyColumns.name'),
      render: (_, row) => <BilingualText zh={row.nameZh} en={row.nameEn} fallback={row.code} />,
    },
    {
      key: 'controlled',
      title: t('taxonomy.references.specialtyColumns.controlled'),
      render: (_, row) =>
        row.controlled ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }} title={t('taxonomy.references.controlledHelp')}>
            {t('taxonomy.references.controlled')}
          </Tag>
        ) : null,
    },
  ];

  return (
    <PagedSearchTable<SpecialtySummary>
      testId="specialties-table"
      query={page}
      paging={filters}
      columns={columns}
      rowKey={(row) => `${row.educationLevel}:${row.code}`}
      size="middle"
      search={referenceSearch(filters, t('taxonomy.references.searchLabel'), t('taxonomy.references.specialtySearch'))}
      filters={
        <>
          <Select<EducationLevel | ''>
            aria-label={t('taxonomy.references.educationLevelFilter')}
            data-testid="specialty-education-filter"
            style={{ width: 160 }}
            value={educationLevel ?? ''}
            onChange={(value) => filters.setFilters({ educationLevel: value || undefined })}
            options={[
              { value: '', label: t('taxonomy.references.allEducationLevels') },
              ...EDUCATION_LEVELS.map((value) => ({ value, label: t(`taxonomy.references.educationLevels.${value}`) })),
            ]}
          />
          <Select<SpecialtyLevel | ''>
            aria-label={t('taxonomy.references.levelFilter')}
            data-testid="specialty-level-filter"
            style={{ width: 140 }}
            value={level ?? ''}
            onChange={(value) => filters.setFilters({ level: value || undefined })}
            options={[
              { value: '', label: t('taxonomy.references.allLevels') },
              ...SPECIALTY_LEVELS.map((value) => ({ value, label: t(`taxonomy.references.levels.${value}`) })),
            ]}
          />
        </>
      }
    />
  );
}
