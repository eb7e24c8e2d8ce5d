import type { AuditAction, EnterpriseType, OrganisationKind, Role } from '../api/contracts.js';

/** Every role, in the order the UI lists them; the compile-time check below keeps it complete. */
export const ROLES = [
  'platform_admin',
  'college_admin',
  'group_director',
  'teacher',
  'enterprise_admin',
  'enterprise_engineer',
  'student',
  'city_officer',
  'committee_member',
] as const satisfies readonly Role[];

export const ORGANISATION_KINDS = [
  'platform',
  'college',
  'enterprise',
  'city_office',
] as const satisfies readonly OrganisationKind[];

/** Kinds a platform admin may create (the platform organisation exists once). */
export const CREATABLE_ORGANISATION_KINDS = [
  'college',
  'enterprise',
  'city_office',
] as const satisfies readonly OrganisationKind[];

export const ENTERPRISE_TYPES = ['manufacturer', 'service_provider'] as const satisfies readonly EnterpriseType[];

export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.rate_limited',
  'logout',
  'session.expired',
  'password.changed',
  'password.change_failed',
  'csrf.rejected',
  'access.denied',
  'organisation.created',
  'member.added',
  'member.removed',
  'admin.created',
  'demo.loaded',
] as const satisfies readonly AuditAction[];

/** Roles each kind of organisation may grant (mirrors the server's rule; the server has the last word). */
export const ROLES_BY_ORGANISATION_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  platform: ['platform_admin'],
  college: ['college_admin', 'group_director', 'teacher', 'student', 'committee_member'],
  enterprise: ['enterprise_admin', 'enterprise_engineer', 'committee_member'],
  city_office: ['city_officer', 'committee_member'],
};

/** Roles that may add and remove members of their own organisation. */
export const MEMBER_ADMIN_ROLES: readonly Role[] = ['college_admin', 'enterprise_admin', 'platform_admin'];

/** Roles that may open the members page of their active organisation. */
export const MEMBER_READER_ROLES: readonly Role[] = [
  'college_admin',
  'group_director',
  'teacher',
  'enterprise_admin',
  'enterprise_engineer',
  'city_officer',
  'platform_admin',
];

/** Roles that may read the audit log (platform admins: all of it; organisation admins: their own). */
export const AUDIT_READER_ROLES: readonly Role[] = ['platform_admin', 'college_admin', 'enterprise_admin'];

/** Roles that edit draft versions of the competency framework and its posts, from any of their memberships. */
export const TAXONOMY_EDITOR_ROLES: readonly Role[] = ['platform_admin', 'group_director', 'committee_member'];

/** Roles that derive new draft versions and release them, from any of their memberships. */
export const TAXONOMY_RELEASE_ROLES: readonly Role[] = ['platform_admin', 'committee_member'];

/** Roles that import job postings and delete imports, from any of their memberships. */
export const DEMAND_IMPORT_ROLES: readonly Role[] = ['platform_admin', 'city_officer', 'committee_member'];

/** Roles that read their own enterprise's declared demand (the active organisation must be that enterprise). */
export const DECLARATION_READER_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_engineer'];

/** Roles that add, import and delete their own enterprise's declared demand. */
export const DECLARATION_WRITER_ROLES: readonly Role[] = ['enterprise_admin'];

/** Roles of a college that read its specialties and its specialty-group proposals. */
export const SPECIALTY_READER_ROLES: readonly Role[] = [
  'college_admin',
  'group_director',
  'teacher',
  'committee_member',
];

/** Roles of a college that edit its specialties and draft, edit and submit its specialty-group proposals. */
export const SPECIALTY_GROUP_DIRECTOR_ROLES: readonly Role[] = ['college_admin', 'group_director'];

/**
 * The college pages in the menu: the readers above except a committee membership, which enterprises and city
 * offices grant too; the steering committee works from its own page.
 */
export const SPECIALTY_MENU_ROLES: readonly Role[] = ['college_admin', 'group_director', 'teacher'];

/** Who opens the course-system pages of a college: its staff, and its students (who plan pathways there). */
export const COURSE_SYSTEM_MENU_ROLES: readonly Role[] = [...SPECIALTY_MENU_ROLES, 'student'];

/** Who confirms course–competency links and edits training-plan drafts (the server's COURSE_TEACHER_ROLES). */
export const COURSE_TEACHER_ROLES: readonly Role[] = ['college_admin', 'group_director', 'teacher'];

/** The steering committee: reads every submitted proposal, moves, comments, approves or rejects (any membership). */
export const STEERING_COMMITTEE_ROLES: readonly Role[] = ['committee_member', 'platform_admin'];

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

/**
 * Whether any of the person's memberships grants one of `allowed`: the server's role-anywhere policies (the
 * taxonomy is shared reference data, so the active organisation does not matter).
 */
export function hasRoleInAnyMembership(
  memberships: readonly { roles: readonly Role[] }[],
  allowed: readonly Role[],
): boolean {
  return memberships.some((membership) => hasAnyRole(membership.roles, allowed));
}

type AssertComplete<Listed, All> = [Exclude<All, Listed>] extends [never] ? true : never;
// If the server adds a role, kind, type or action, these lines stop compiling until the lists above follow.
export const LISTS_ARE_COMPLETE: [
  AssertComplete<(typeof ROLES)[number], Role>,
  AssertComplete<(typeof ORGANISATION_KINDS)[number], OrganisationKind>,
  AssertComplete<(typeof ENTERPRISE_TYPES)[number], EnterpriseType>,
  AssertComplete<(typeof AUDIT_ACTIONS)[number], AuditAction>,
] = [true, true, true, true];
