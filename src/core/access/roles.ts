/**
 * Organisation kinds and roles of the scheme, and which roles an organisation of a kind may grant.
 * Pure data: no I/O.
 */
export const ORGANISATION_KINDS = ['platform', 'college', 'enterprise', 'city_office'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ENTERPRISE_TYPES = ['manufacturer', 'service_provider'] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

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
] as const;
export type Role = (typeof ROLES)[number];

/** Roles each kind of organisation may grant to its members. */
export const ROLES_BY_ORGANISATION_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  platform: ['platform_admin'],
  college: ['college_admin', 'group_director', 'teacher', 'student', 'committee_member'],
  enterprise: ['enterprise_admin', 'enterprise_engineer', 'committee_member'],
  city_office: ['city_officer', 'committee_member'],
};

/** Roles that administer the people of their own organisation. */
export const ORGANISATION_ADMIN_ROLES: readonly Role[] = ['college_admin', 'enterprise_admin'];

/** Roles that may read the member list of their own organisation. */
export const PEOPLE_READER_ROLES: readonly Role[] = [
  'college_admin',
  'group_director',
  'teacher',
  'enterprise_admin',
  'enterprise_engineer',
  'city_officer',
];

/** True when an organisation of `kind` may grant `role`. */
export function isRoleAllowedForKind(role: Role, kind: OrganisationKind): boolean {
  return ROLES_BY_ORGANISATION_KIND[kind].includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that edit draft versions of the competency framework and posts (curriculum committee work). */
export const TAXONOMY_EDITOR_ROLES: readonly Role[] = ['platform_admin', 'group_director', 'committee_member'];

/** Roles that derive new draft versions and release them (the steering committee approves a release). */
export const TAXONOMY_RELEASE_ROLES: readonly Role[] = ['platform_admin', 'committee_member'];

/** Roles that import and delete job-posting files (labour-market data shared by the whole platform). */
export const DEMAND_IMPORT_ROLES: readonly Role[] = ['platform_admin', 'city_officer', 'committee_member'];

/** Roles of an enterprise that declare its demand (post × headcount × year), and that read its declarations. */
export const DECLARATION_WRITER_ROLES: readonly Role[] = ['enterprise_admin'];
export const DECLARATION_READER_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_engineer'];

/** Roles of a college that read its specialties (with the posts they serve) and its specialty-group proposals. */
export const SPECIALTY_READER_ROLES: readonly Role[] = [
  'college_admin',
  'group_director',
  'teacher',
  'committee_member',
];

/**
 * Roles of a college that edit its specialties, and draft, edit and submit its specialty-group proposals (the
 * specialty-group director; the college admin stands in).
 */
export const SPECIALTY_GROUP_DIRECTOR_ROLES: readonly Role[] = ['college_admin', 'group_director'];

/**
 * The steering committee (enterprise, college and city-office members): reads every submitted proposal, comments,
 * moves posts and specialties while it is under review, and approves or rejects it.
 */
export const STEERING_COMMITTEE_ROLES: readonly Role[] = ['committee_member', 'platform_admin'];

/** Roles of a college that read its course systems and plan pathways in them (its students too). */
export const COURSE_SYSTEM_READER_ROLES: readonly Role[] = [...SPECIALTY_READER_ROLES, 'student'];

/**
 * Roles of a college's teaching staff who confirm or reject the competencies linked to its courses and edit the
 * drafts of its Talent Training Plans (approving a version and building course systems is the directors' job).
 */
export const COURSE_TEACHER_ROLES: readonly Role[] = ['college_admin', 'group_director', 'teacher'];
