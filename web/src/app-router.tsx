import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoading } from './components/PageLoading.js';
import { RequireRoles } from './features/auth/components/RequireRoles.js';
import { SessionGate } from './features/auth/components/SessionGate.js';
import { lazyNamed } from './lazy-named.js';
import { ErrorPage } from './pages/ErrorPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';

// Every page is its own chunk, so the first load carries only the shell and the login page.
const AppLayout = lazyNamed(() => import('./features/layout/components/AppLayout.js'), 'AppLayout');
const DashboardPage = lazyNamed(() => import('./features/dashboard/components/DashboardPage.js'), 'DashboardPage');
const OrganisationsPage = lazyNamed(
  () => import('./features/organisations/components/OrganisationsPage.js'),
  'OrganisationsPage',
);
const OrganisationDetailPage = lazyNamed(
  () => import('./features/organisations/components/OrganisationDetailPage.js'),
  'OrganisationDetailPage',
);
const MembersPage = lazyNamed(() => import('./features/members/components/MembersPage.js'), 'MembersPage');
const AuditPage = lazyNamed(() => import('./features/audit/components/AuditPage.js'), 'AuditPage');
const AccountPage = lazyNamed(() => import('./features/account/components/AccountPage.js'), 'AccountPage');
const TaxonomyLayout = lazyNamed(() => import('./features/taxonomy/components/TaxonomyLayout.js'), 'TaxonomyLayout');
const TaxonomyIndexRedirect = lazyNamed(
  () => import('./features/taxonomy/components/TaxonomyLayout.js'),
  'TaxonomyIndexRedirect',
);
const CompetencyBrowserPage = lazyNamed(
  () => import('./features/taxonomy/components/CompetencyBrowserPage.js'),
  'CompetencyBrowserPage',
);
const CompetencyDrawer = lazyNamed(
  () => import('./features/taxonomy/components/CompetencyDrawer.js'),
  'CompetencyDrawer',
);
const PostsPage = lazyNamed(() => import('./features/taxonomy/components/PostsPage.js'), 'PostsPage');
const PostDetailPage = lazyNamed(() => import('./features/taxonomy/components/PostDetailPage.js'), 'PostDetailPage');
const VersionsPage = lazyNamed(() => import('./features/taxonomy/components/VersionsPage.js'), 'VersionsPage');
const ReferencesPage = lazyNamed(() => import('./features/taxonomy/components/ReferencesPage.js'), 'ReferencesPage');
const DemandLayout = lazyNamed(() => import('./features/demand/components/DemandLayout.js'), 'DemandLayout');
const DemandIndexRedirect = lazyNamed(
  () => import('./features/demand/components/DemandLayout.js'),
  'DemandIndexRedirect',
);
const DemandOverviewPage = lazyNamed(() => import('./features/demand/components/OverviewPage.js'), 'OverviewPage');
const TrendsPage = lazyNamed(() => import('./features/demand/components/TrendsPage.js'), 'TrendsPage');
const PostingsPage = lazyNamed(() => import('./features/demand/components/PostingsPage.js'), 'PostingsPage');
const PostingDrawer = lazyNamed(() => import('./features/demand/components/PostingDrawer.js'), 'PostingDrawer');
const PostProfilePage = lazyNamed(() => import('./features/demand/components/PostProfilePage.js'), 'PostProfilePage');
const LinkTextPage = lazyNamed(() => import('./features/demand/components/LinkTextPage.js'), 'LinkTextPage');
const DemandImportsPage = lazyNamed(() => import('./features/demand/components/ImportsPage.js'), 'ImportsPage');
const DeclarationsPage = lazyNamed(
  () => import('./features/demand/components/DeclarationsPage.js'),
  'DeclarationsPage',
);

const SpecialtiesPage = lazyNamed(() => import('./features/groups/components/SpecialtiesPage.js'), 'SpecialtiesPage');
const ProposalsPage = lazyNamed(() => import('./features/groups/components/ProposalsPage.js'), 'ProposalsPage');
const ProposalPage = lazyNamed(() => import('./features/groups/components/ProposalPage.js'), 'ProposalPage');
const CommitteeProposalsPage = lazyNamed(
  () => import('./features/groups/components/CommitteeProposalsPage.js'),
  'CommitteeProposalsPage',
);
const CommitteePlanPage = lazyNamed(
  () => import('./features/committee/components/CommitteePlanPage.js'),
  'CommitteePlanPage',
);
const CommitteeRevisionPage = lazyNamed(
  () => import('./features/committee/components/CommitteeRevisionPage.js'),
  'CommitteeRevisionPage',
);
const CommitteeProposalPage = lazyNamed(
  () => import('./features/groups/components/CommitteeProposalPage.js'),
  'CommitteeProposalPage',
);

const CourseSystemsPage = lazyNamed(
  () => import('./features/courses/components/CourseSystemsPage.js'),
  'CourseSystemsPage',
);
const CourseSystemPage = lazyNamed(
  () => import('./features/courses/components/CourseSystemPage.js'),
  'CourseSystemPage',
);
const TrainingPlansPage = lazyNamed(
  () => import('./features/courses/components/TrainingPlansPage.js'),
  'TrainingPlansPage',
);
const TrainingPlanPage = lazyNamed(
  () => import('./features/courses/components/TrainingPlanPage.js'),
  'TrainingPlanPage',
);

const GroupRevisionsPage = lazyNamed(
  () => import('./features/revisions/components/GroupRevisionsPage.js'),
  'GroupRevisionsPage',
);
const RevisionPage = lazyNamed(() => import('./features/revisions/components/RevisionPage.js'), 'RevisionPage');

const InvitationPage = lazyNamed(() => import('./features/auth/components/InvitationPage.js'), 'InvitationPage');
const RedeemCodePage = lazyNamed(() => import('./features/auth/components/RedeemCodePage.js'), 'RedeemCodePage');

const PeopleLayout = lazyNamed(() => import('./features/people/components/PeopleLayout.js'), 'PeopleLayout');
const PeopleIndexRedirect = lazyNamed(
  () => import('./features/people/components/PeopleLayout.js'),
  'PeopleIndexRedirect',
);
const RosterPage = lazyNamed(() => import('./features/people/components/RosterPage.js'), 'RosterPage');
const RosterImportsPage = lazyNamed(
  () => import('./features/people/components/RosterImportsPage.js'),
  'RosterImportsPage',
);
const RosterImportPage = lazyNamed(
  () => import('./features/people/components/RosterImportPage.js'),
  'RosterImportPage',
);
const ClassesPage = lazyNamed(() => import('./features/people/components/ClassesPage.js'), 'ClassesPage');
const ClassPage = lazyNamed(() => import('./features/people/components/ClassPage.js'), 'ClassPage');
const CohortsPage = lazyNamed(() => import('./features/people/components/CohortsPage.js'), 'CohortsPage');
const DepartmentsPage = lazyNamed(() => import('./features/people/components/DepartmentsPage.js'), 'DepartmentsPage');
const PersonAccountPage = lazyNamed(
  () => import('./features/people/components/PersonAccountPage.js'),
  'PersonAccountPage',
);
const IdentityProviderPage = lazyNamed(
  () => import('./features/identity-provider/components/IdentityProviderPage.js'),
  'IdentityProviderPage',
);

export const appRouter = createBrowserRouter([
  // Reached from an invitation link, signed in or not: outside the session gate.
  {
    path: '/invitation',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <InvitationPage />
      </Suspense>
    ),
    errorElement: <ErrorPage />,
  },
  // A one-time code (reset or activation) sets the password and signs in: reached signed out.
  {
    path: '/redeem',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <RedeemCodePage />
      </Suspense>
    ),
    errorElement: <ErrorPage />,
  },
  {
    path: '/',
    element: <SessionGate />,
    errorElement: <ErrorPage />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // Errors inside a page keep the header and menu around them.
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'organisations', element: <OrganisationsPage /> },
              { path: 'organisations/:organisationId', element: <OrganisationDetailPage /> },
              {
                // Shared reference data: every signed-in person reads it; editing is offered inside by role.
                path: 'taxonomy',
                element: <TaxonomyLayout />,
                children: [
                  { index: true, element: <TaxonomyIndexRedirect /> },
                  {
                    path: 'competencies',
                    element: <CompetencyBrowserPage />,
                    // The detail is a drawer over the list it was opened from.
                    children: [{ path: ':competencyId', element: <CompetencyDrawer /> }],
                  },
                  { path: 'posts', element: <PostsPage /> },
                  { path: 'posts/:postId', element: <PostDetailPage /> },
                  { path: 'versions', element: <VersionsPage /> },
                  { path: 'references', element: <ReferencesPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                // Aggregated demand: every signed-in person reads it; importing is offered inside by role.
                path: 'demand',
                element: <DemandLayout />,
                children: [
                  { index: true, element: <DemandIndexRedirect /> },
                  { path: 'overview', element: <DemandOverviewPage /> },
                  { path: 'trends', element: <TrendsPage /> },
                  {
                    path: 'postings',
                    element: <PostingsPage />,
                    // The posting opens in a drawer over the list it was opened from.
                    children: [{ path: ':postingId', element: <PostingDrawer /> }],
                  },
                  { path: 'profile', element: <PostProfilePage /> },
                  { path: 'link', element: <LinkTextPage /> },
                  { path: 'imports', element: <DemandImportsPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'declarations',
                element: (
                  <RequireRoles page="declarations">
                    <DeclarationsPage />
                  </RequireRoles>
                ),
              },
              {
                // A college's specialties and its specialty-group proposals.
                path: 'specialties',
                element: (
                  <RequireRoles page="specialties">
                    <SpecialtiesPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'specialty-groups',
                element: (
                  <RequireRoles page="specialtyGroups">
                    <ProposalsPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'specialty-groups/:proposalId',
                element: (
                  <RequireRoles page="specialtyGroups">
                    <ProposalPage />
                  </RequireRoles>
                ),
              },
              {
                // A college's course systems (students plan pathways there) and its Talent Training Plans.
                path: 'course-systems',
                element: (
                  <RequireRoles page="courseSystems">
                    <CourseSystemsPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'course-systems/:courseSystemId',
                element: (
                  <RequireRoles page="courseSystems">
                    <CourseSystemPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'training-plans',
                element: (
                  <RequireRoles page="trainingPlans">
                    <TrainingPlansPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'training-plans/:planId',
                element: (
                  <RequireRoles page="trainingPlans">
                    <TrainingPlanPage />
                  </RequireRoles>
                ),
              },
              {
                // A specialty group's yearly revisions (年度动态调整); the group is its course system. Read by the
                // same people as the specialty-group pages, started and decided by group directors and admins.
                path: 'groups/:groupId/revisions',
                element: (
                  <RequireRoles page="specialtyGroups">
                    <GroupRevisionsPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'revisions/:revisionId',
                element: (
                  <RequireRoles page="specialtyGroups">
                    <RevisionPage />
                  </RequireRoles>
                ),
              },
              {
                // The steering committee: submitted proposals of every college.
                path: 'committee',
                element: (
                  <RequireRoles page="committee">
                    <CommitteeProposalsPage />
                  </RequireRoles>
                ),
              },
              {
                // A Talent Training Plan before the committee: its members vote on the newest version.
                path: 'committee/plans/:planId',
                element: (
                  <RequireRoles page="committee">
                    <CommitteePlanPage />
                  </RequireRoles>
                ),
              },
              {
                // A yearly revision before the committee: its members vote on it.
                path: 'committee/revisions/:revisionId',
                element: (
                  <RequireRoles page="committee">
                    <CommitteeRevisionPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'committee/:proposalId',
                element: (
                  <RequireRoles page="committee">
                    <CommitteeProposalPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'members',
                element: (
                  <RequireRoles page="members">
                    <MembersPage />
                  </RequireRoles>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RequireRoles page="audit">
                    <AuditPage />
                  </RequireRoles>
                ),
              },
              {
                // An organisation's people: roster, imports, classes, cohorts, departments; each tab by capability.
                path: 'people',
                element: (
                  <RequireRoles page="people">
                    <PeopleLayout />
                  </RequireRoles>
                ),
                children: [
                  { index: true, element: <PeopleIndexRedirect /> },
                  { path: 'roster', element: <RosterPage /> },
                  { path: 'imports', element: <RosterImportsPage /> },
                  { path: 'imports/:importId', element: <RosterImportPage /> },
                  { path: 'classes', element: <ClassesPage /> },
                  { path: 'classes/:classId', element: <ClassPage /> },
                  { path: 'cohorts', element: <CohortsPage /> },
                  { path: 'departments', element: <DepartmentsPage /> },
                  { path: 'accounts/:personId', element: <PersonAccountPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              {
                path: 'settings/identity-provider',
                element: (
                  <RequireRoles page="identityProvider">
                    <IdentityProviderPage />
                  </RequireRoles>
                ),
              },
              { path: 'account', element: <AccountPage /> },
              // The login page answers any URL while signed out; once signed in, /login means home.
              { path: 'login', element: <Navigate to="/" replace /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
