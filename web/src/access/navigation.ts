import type { OrganisationKind, SessionResponse } from '../api/contracts.js';
import { can, isTenantRoute, type RouteKey } from './capabilities.js';

export type NavigationKey =
  | 'home'
  | 'organisations'
  | 'taxonomy'
  | 'demand'
  | 'declarations'
  | 'specialties'
  | 'specialtyGroups'
  | 'courseSystems'
  | 'trainingPlans'
  | 'committee'
  | 'members'
  | 'people'
  | 'identityProvider'
  | 'audit'
  | 'account';

export interface NavigationEntry {
  key: NavigationKey;
  path: string;
  /**
   * The API route the page reads first: the page is offered when the session's capabilities allow it (tenant
   * routes in the active organisation); null means every signed-in person.
   */
  requires: RouteKey | null;
  /** The kinds of active organisation the page is about (a college's specialties, an enterprise's demand). */
  kinds?: readonly OrganisationKind[];
  /** Other paths whose pages belong to this entry (same access; the menu marks this entry on them). */
  alsoUnder?: readonly string[];
}

/** The pages that exist, in menu order. Routes and the menu both read this list. */
export const NAVIGATION: readonly NavigationEntry[] = [
  { key: 'home', path: '/', requires: null },
  { key: 'organisations', path: '/organisations', requires: null },
  // Shared reference data: everyone reads it; the pages offer editing where the capabilities allow it.
  { key: 'taxonomy', path: '/taxonomy', requires: null },
  { key: 'demand', path: '/demand', requires: null },
  {
    key: 'declarations',
    path: '/declarations',
    requires: 'GET /api/organisations/:organisationId/demand-declarations',
    kinds: ['enterprise'],
  },
  {
    key: 'specialties',
    path: '/specialties',
    requires: 'GET /api/organisations/:organisationId/specialties',
    kinds: ['college'],
  },
  {
    key: 'specialtyGroups',
    path: '/specialty-groups',
    requires: 'GET /api/organisations/:organisationId/specialty-groups',
    kinds: ['college'],
    // A group's yearly revisions: read by the same people, under the same route policy on the server.
    alsoUnder: ['/groups', '/revisions'],
  },
  {
    key: 'courseSystems',
    path: '/course-systems',
    requires: 'GET /api/organisations/:organisationId/course-systems',
    kinds: ['college'],
  },
  {
    key: 'trainingPlans',
    path: '/training-plans',
    requires: 'GET /api/organisations/:organisationId/training-plans',
    kinds: ['college'],
  },
  // The steering committee reviews the submitted proposals of every college.
  { key: 'committee', path: '/committee', requires: 'GET /api/committee/specialty-groups' },
  { key: 'members', path: '/members', requires: 'GET /api/organisations/:organisationId/members' },
  // An organisation's people (rosters, classes, cohorts, departments): its admins and the roles that read them.
  {
    key: 'people',
    // The roster itself, not `/people`: a menu link that redirects would leave a history entry to bounce back from.
    path: '/people/roster',
    requires: 'GET /api/organisations/:organisationId/roster',
    kinds: ['college', 'enterprise'],
    alsoUnder: ['/people'],
  },
  // Unified sign-in (CAS / OpenID Connect) of the organisation: its admins.
  {
    key: 'identityProvider',
    path: '/settings/identity-provider',
    requires: 'GET /api/organisations/:organisationId/identity-provider',
    kinds: ['college', 'enterprise'],
  },
  { key: 'audit', path: '/audit', requires: 'GET /api/audit-events' },
  { key: 'account', path: '/account', requires: null },
];

export function findNavigationEntry(key: NavigationKey): NavigationEntry {
  const entry = NAVIGATION.find((candidate) => candidate.key === key);
  if (!entry) throw new Error(`No navigation entry ${key}`);
  return entry;
}

/** Whether the page is offered to this session, in its active organisation (of `activeKind`). */
export function isNavigationAllowed(
  entry: NavigationEntry,
  session: Pick<SessionResponse, 'capabilities' | 'activeOrganisationId'>,
  activeKind: OrganisationKind | null,
): boolean {
  if (entry.requires === null) return true;
  if (entry.kinds && (activeKind === null || !entry.kinds.includes(activeKind))) return false;
  return isTenantRoute(entry.requires)
    ? can(session, entry.requires, session.activeOrganisationId)
    : can(session, entry.requires);
}

/** The menu entry a path belongs to (`/organisations/…` → organisations), if any. */
export function navigationEntryForPath(pathname: string): NavigationEntry | undefined {
  if (pathname === '/' || pathname === '') return NAVIGATION[0];
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return NAVIGATION.find((entry) => entry.path !== '/' && (under(entry.path) || (entry.alsoUnder ?? []).some(under)));
}
