import { Button, Card, Descriptions, Flex, Statistic, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion } from '../../../api/contracts.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { exportUrl } from '../api/taxonomy-api.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { versionName } from '../taxonomy-versions.js';
import { DeriveDraftModal } from './DeriveDraftModal.js';
import { ImportVersionModal } from './ImportVersionModal.js';
import { ReleaseVersionModal } from './ReleaseVersionModal.js';
import { VersionDiff } from './VersionDiff.js';
import { VersionStatusTag } from './VersionStatusTag.js';

/** The framework versions: the shown one with its actions, all of them, and what changed between two. */
export function VersionsPage() {
  const { t, i18n } = useTranslation();
  const { versions, version, selectVersion, versionChanged, canDerive, canRelease } = useTaxonomy();
  const [dialog, setDialog] = useState<'derive' | 'release' | 'import' | null>(null);
  const language = i18n.language;
  const parent = version.derivedFrom ? versions.find((candidate) => candidate.id === version.derivedFrom) : undefined;

  const columns: TableProps<FrameworkVersion>['columns'] = [
    {
      key: 'version',
      title: t('taxonomy.versions.columns.version'),
      render: (_, row) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{versionName(row, i18n.language)}</Typography.Text>
          <VersionStatusTag version={row} />
        </Flex>
      ),
    },
    {
      key: 'title',
      title: t('taxonomy.versions.columns.title'),
      responsive: ['lg'],
      render: (_, row) => pickName(row.titleZh, row.titleEn, language),
    },
    {
      key: 'source',
      title: t('taxonomy.versions.columns.source'),
      responsive: ['md'],
      render: (_, row) => t(`taxonomy.sources.${row.source}`),
    },
    {
      key: 'date',
      title: t('taxonomy.versions.columns.date'),
      responsive: ['md'],
      render: (_, row) => formatDateTime(row.releasedAt ?? row.createdAt, language),
    },
    {
      key: 'competencies',
      title: t('taxonomy.versions.columns.competencies'),
      align: 'right',
      render: (_, row) => row.counts.competencies.toLocaleString(language),
    },
    {
      key: 'posts',
      title: t('taxonomy.versions.columns.posts'),
      align: 'right',
      render: (_, row) => row.counts.posts.toLocaleString(language),
    },
    {
      key: 'requirements',
      title: t('taxonomy.versions.columns.requirements'),
      align: 'right',
      responsive: ['lg'],
      render: (_, row) => row.counts.postRequirements.toLocaleString(language),
    },
    {
      key: 'actions',
      title: t('taxonomy.versions.columns.actions'),
      render: (_, row) =>
        row.id === version.id ? (
          <Typography.Text type="secondary">{t('taxonomy.versions.selected')}</Typography.Text>
        ) : (
          <Button size="small" data-testid={`select-version-${row.id}`} onClick={() => selectVersion(row.id)}>
            {t('taxonomy.versions.select')}
          </Button>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('taxonomy.versions.current')}</span>
            <Typography.Text data-testid="current-version">{versionName(version, i18n.language)}</Typography.Text>
            <VersionStatusTag version={version} />
          </Flex>
        }
      >
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            <Button href={exportUrl(version.id, 'xlsx')} data-testid="export-xlsx">
              {t('taxonomy.versions.export.xlsx')}
            </Button>
            <Button href={exportUrl(version.id, 'case')} data-testid="export-case">
              {t('taxonomy.versions.export.case')}
            </Button>
            {canDerive && (
              <Button type="primary" data-testid="derive-draft" onClick={() => setDialog('derive')}>
                {t('taxonomy.versions.derive.button')}
              </Button>
            )}
            {canDerive && (
              <Button data-testid="import-version" onClick={() => setDialog('import')}>
                {t('taxonomy.versions.import.button')}
              </Button>
            )}
            {canRelease && !version.released && (
              <Button danger data-testid="release-version" onClick={() => setDialog('release')}>
                {t('taxonomy.versions.release.button')}
              </Button>
            )}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'title',
                label: t('taxonomy.versions.columns.title'),
                children: pickName(version.titleZh, version.titleEn, language),
              },
              {
                key: 'source',
                label: t('taxonomy.versions.columns.source'),
                children: t(`taxonomy.sources.${version.source}`),
              },
              {
                key: 'date',
                label: version.releasedAt ? t('taxonomy.versions.releasedAt') : t('taxonomy.versions.createdAt'),
                children: formatDateTime(version.releasedAt ?? version.createdAt, language),
              },
              {
                key: 'derivedFrom',
                label: t('taxonomy.versions.derivedFrom'),
                children: parent ? versionName(parent, i18n.language) : t('common.none'),
              },
              {
                key: 'notes',
                label: t('taxonomy.versions.releaseNotes'),
                span: 'filled',
                children: version.releaseNotes ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {version.releaseNotes}
                  </Typography.Paragraph>
                ) : (
                  t('taxonomy.versions.noNotes')
                ),
              },
            ]}
          />
          <Flex gap={32} wrap>
            {(
              [
                ['competencies', version.counts.competencies],
                ['posts', version.counts.posts],
                ['requirements', version.counts.postRequirements],
              ] as const
            ).map(([name, value]) => (
              <Statistic key={name} title={t(`taxonomy.versions.columns.${name}`)} value={value} />
            ))}
          </Flex>
        </Flex>
      </Card>

      <Card title={t('taxonomy.versions.all')}>
        <Table<FrameworkVersion>
          data-testid="versions-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={[...versions]}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ 'data-testid': `version-row-${row.id}` }) as object}
        />
      </Card>

      <VersionDiff />

      {canDerive && (
        <>
          <DeriveDraftModal
            open={dialog === 'derive'}
            from={version}
            versions={versions}
            onClose={() => setDialog(null)}
            onDerived={(draft) => {
              setDialog(null);
              versionChanged(draft);
              selectVersion(draft.id);
            }}
          />
          <ImportVersionModal
            open={dialog === 'import'}
            onClose={() => setDialog(null)}
            onImported={(imported) => {
              setDialog(null);
              versionChanged(imported);
              selectVersion(imported.id);
            }}
          />
        </>
      )}
      {canRelease && !version.released && (
        <ReleaseVersionModal
          open={dialog === 'release'}
          version={version}
          onClose={() => setDialog(null)}
          onReleased={(released) => {
            setDialog(null);
            versionChanged(released);
          }}
        />
      )}
    </Flex>
  );
}
