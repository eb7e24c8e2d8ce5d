import type { Role } from '../api/contracts.js';
import {
  AUDIT_READER_ROLES,
  COURSE_SYSTEM_MENU_ROLES,
  DECLARATION_READER_ROLES,
  MEMBER_READER_ROLES,
  SPECIALTY_MENU_ROLES,
  STEERING_COMMITTEE_ROLES,
} from './roles.js';

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
  | 'audit'
  | 'account';

export interface NavigationEntry {
  key: NavigationKey;
  path: string;
  /** Roles in the active organisation that may open the page; null means every logged-in person. */
  allowedRoles: readonly Role[] | null;
}

/** The pages that exist, in menu order. Routes and the menu both read this list. */
export const NAVIGATION: readonly NavigationEntry[] = [
  { key: 'home', path: '/', allowedRoles: null },
  { key: 'organisations', path: '/organisations', allowedRoles: null },
  // Shared reference data: everyone reads it; the pages offer editing to the taxonomy roles of any membership.
  { key: 'taxonomy', path: '/taxonomy', allowedRoles: null },
  // Aggregated labour-market demand: everyone reads it; importing is offered inside by role.
  { key: 'demand', path: '/demand', allowedRoles: null },
  // An enterprise's own declared demand, in the enterprise's organisation context.
  { key: 'declarations', path: '/declarations', allowedRoles: DECLARATION_READER_ROLES },
  // A college's specialties and its specialty-group proposals, in the college's organisation context.
  { key: 'specialties', path: '/specialties', allowedRoles: SPECIALTY_MENU_ROLES },
  { key: 'specialtyGroups', path: '/specialty-groups', allowedRoles: SPECIALTY_MENU_ROLES },
  // A college's course systems (students plan their pathways there) and its Talent Training Plans.
  { key: 'courseSystems', path: '/course-systems', allowedRoles: COURSE_SYSTEM_MENU_ROLES },
  { key: 'trainingPlans', path: '/training-plans', allowedRoles: SPECIALTY_MENU_ROLES },
  // The steering committee reviews the submitted proposals of every college.
  { key: 'committee', path: '/committee', allowedRoles: STEERING_COMMITTEE_ROLES },
  { key: 'members', path: '/members', allowedRoles: MEMBER_READER_ROLES },
  { key: 'audit', path: '/audit', allowedRoles: AUDIT_READER_ROLES },
  { key: 'account', path: '/account', allowedRoles: null },
];

export function findNavigationEntry(key: NavigationKey): NavigationEntry {
  const entry = NAVIGATION.find((candidate) => candidate.key === key);
  if (!entry) throw new Error(`No navigation entry ${key}`);
  return entry;
}

export function isNavigationAllowed(entry: NavigationEntry, roles: readonly Role[]): boolean {
  return entry.allowedRoles === null || roles.some((role) => entry.allowedRoles?.includes(role));
}

/** The menu entry a path belongs to (`/organisations/…` → organisations), if any. */
export function navigationEntryForPath(pathname: string): NavigationEntry | undefined {
  if (pathname === '/' || pathname === '') return NAVIGATION[0];
  return NAVIGATION.find(
    (entry) => entry.path !== '/' && (pathname === entry.path || pathname.startsWith(`${entry.path}/`)),
  );
}
