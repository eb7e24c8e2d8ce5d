import { Alert, Empty, Flex, Tabs, Typography } from 'antd';
import { Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { FrameworkVersion } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { listFrameworkVersions } from '../api/taxonomy-api.js';
import { TaxonomyContext, type TaxonomyContextValue } from '../hooks/taxonomy-context.js';
import { defaultVersion, sortVersions } from '../taxonomy-versions.js';
import { VersionPicker } from './VersionPicker.js';

const SECTIONS = ['competencies', 'posts', 'versions', 'references'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * The frame of the taxonomy pages: title, the version picker (the version lives in `?version=`), the section
 * tabs, and the context every section reads the shown version and the person's rights from.
 */
export function TaxonomyLayout() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const list = useApiQuery((signal) => listFrameworkVersions(signal), 'framework-versions');
  // Versions a derive or release answered with, until the reloaded list has them.
  const [answered, setAnswered] = useState<FrameworkVersion[]>([]);
  const reloadList = list.reload;

  const versions = useMemo(() => {
    const listed = list.data?.items ?? [];
    const known = new Set(listed.map((version) => version.id));
    return sortVersions([...listed, ...answered.filter((version) => !known.has(version.id))]);
  }, [list.data, answered]);

  const requested = searchParams.get('version');
  const requestedVersion = requested ? versions.find((version) => version.id === requested) : undefined;
  const version = requestedVersion ?? defaultVersion(versions);
  const unknownVersion = requested !== null && !requestedVersion && !list.loading;

  const selectVersion = useCallback(
    (versionId: string) =>
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set('version', versionId);
        next.delete('page');
        return next;
      }),
    [setSearchParams],
  );

  const versionChanged = useCallback(
    (changed: FrameworkVersion) => {
      setAnswered((previous) => [...previous.filter((item) => item.id !== changed.id), changed]);
      reloadList();
    },
    [reloadList],
  );

  const canEdit = can('PATCH /api/frameworks/:versionId/competencies/:competencyId');
  const canDerive = can('POST /api/frameworks/:versionId/drafts');
  const canRelease = can('POST /api/frameworks/:versionId/release');

  const context = useMemo<TaxonomyContextValue | null>(() => {
    if (!version) return null;
    return {
      versions,
      version,
      selectVersion,
      versionChanged,
      canEdit,
      canDerive,
      canRelease,
      editable: canEdit && !version.released,
      href: (path, versionId = version.id) => `${path}?version=${encodeURIComponent(versionId)}`,
    };
  }, [versions, version, selectVersion, versionChanged, canEdit, canDerive, canRelease]);

  const section: Section = SECTIONS.find((name) => pathname.startsWith(`/taxonomy/${name}`)) ?? 'competencies';

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="taxonomy-title">
            {t('taxonomy.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('taxonomy.subtitle')}</Typography.Text>
        </div>
        {version && <VersionPicker versions={versions} value={version} onChange={selectVersion} />}
      </Flex>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {unknownVersion && <Alert type="warning" showIcon title={t('taxonomy.version.unknown')} />}
      {!context ? (
        list.loading ? (
          <PageLoading />
        ) : list.error ? null : (
          <Empty description={t('taxonomy.version.none')} />
        )
      ) : (
        <>
          <Tabs
            activeKey={section}
            onChange={(key) => void navigate(context.href(`/taxonomy/${key}`))}
            items={SECTIONS.map((name) => ({
              key: name,
              label: <span data-testid={`taxonomy-tab-${name}`}>{t(`taxonomy.tabs.${name}`)}</span>,
            }))}
            style={{ marginBottom: -16 }}
          />
          <TaxonomyContext.Provider value={context}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </TaxonomyContext.Provider>
        </>
      )}
    </Flex>
  );
}

/** `/taxonomy` opens the competency browser, keeping the version named in the URL. */
export function TaxonomyIndexRedirect() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/taxonomy/competencies', search }} replace />;
}
