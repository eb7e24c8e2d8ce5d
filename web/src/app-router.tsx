import { createBrowserRouter, Navigate } from 'react-router';
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

export const appRouter = createBrowserRouter([
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
