import { Alert, Flex, Tabs, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { RouteKey } from '../../../access/capabilities.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { PeopleContext, type PeopleContextValue } from '../hooks/people-context.js';
import { rosterKindsFor } from '../people-format.js';

const SECTIONS = ['roster', 'imports', 'classes', 'cohorts', 'departments'] as const;
type Section = (typeof SECTIONS)[number];

/** The route each tab reads first: a tab is offered when the session may call it. */
const SECTION_ROUTES: Record<Section, RouteKey> = {
  roster: 'GET /api/organisations/:organisationId/roster',
  imports: 'GET /api/organisations/:organisationId/roster-imports',
  classes: 'GET /api/organisations/:organisationId/classes',
  cohorts: 'GET /api/organisations/:organisationId/cohorts',
  departments: 'GET /api/organisations/:organisationId/departments',
};

/** Classes and cohorts are a college's (students); an enterprise has departments and engineers. */
const COLLEGE_ONLY: readonly Section[] = ['classes', 'cohorts'];

function useSections(): Section[] {
  const { can, activeMembership } = useSession();
  const kind = activeMembership?.organisationKind ?? null;
  return SECTIONS.filter(
    (section) => can(SECTION_ROUTES[section]) && (kind === 'college' || !COLLEGE_ONLY.includes(section)),
  );
}

/** The frame of the people pages: title, the tabs the person may open, and what they may do there. */
export function PeopleLayout() {
  const { t } = useTranslation();
  const { can, activeMembership } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sections = useSections();
  const organisationId = activeMembership?.organisationId ?? null;
  const organisationKind = activeMembership?.organisationKind ?? null;

  const context = useMemo<PeopleContextValue | null>(
    () =>
      organisationId && organisationKind
        ? {
            organisationId,
            organisationKind,
            kinds: rosterKindsFor(organisationKind),
            canImport: can('POST /api/organisations/:organisationId/rosters/:kind/preview'),
            canExport: can('GET /api/organisations/:organisationId/roster/export'),
            canOpenAccount: can('GET /api/organisations/:organisationId/accounts/:personId'),
            canAddDepartment: can('POST /api/organisations/:organisationId/departments'),
            canEditDepartments: can('PATCH /api/organisations/:organisationId/departments/:departmentId'),
            canDeleteDepartment: can('DELETE /api/organisations/:organisationId/departments/:departmentId'),
            canDownloadTemplate: can('GET /api/organisations/:organisationId/rosters/:kind/template'),
            canApplyImport: can('POST /api/organisations/:organisationId/roster-imports/:importId/apply'),
            canDiscardImport: can('DELETE /api/organisations/:organisationId/roster-imports/:importId'),
            canDownloadCodes: can('POST /api/organisations/:organisationId/classes/:classId/activation-codes'),
          }
        : null,
    [organisationId, organisationKind, can],
  );

  // Account pages open from the roster; a class page belongs to the classes tab.
  const section: Section | undefined = pathname.startsWith('/people/accounts/')
    ? 'roster'
    : SECTIONS.find((name) => pathname === `/people/${name}` || pathname.startsWith(`/people/${name}/`));

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="people-title">
          {t('people.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('people.subtitle')}</Typography.Text>
      </div>
      {!context || context.kinds.length === 0 ? (
        <Alert type="info" showIcon title={t('people.notAvailable')} />
      ) : (
        <>
          <Tabs
            activeKey={section}
            onChange={(key) => void navigate(`/people/${key}`)}
            items={sections.map((name) => ({
              key: name,
              label: <span data-testid={`people-tab-${name}`}>{t(`people.tabs.${name}`)}</span>,
            }))}
            style={{ marginBottom: -16 }}
          />
          <PeopleContext.Provider value={context}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </PeopleContext.Provider>
        </>
      )}
    </Flex>
  );
}

/** `/people` opens the first tab the person may open. */
export function PeopleIndexRedirect() {
  const sections = useSections();
  return <Navigate to={`/people/${sections[0] ?? 'roster'}`} replace />;
}
