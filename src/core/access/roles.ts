/**
 * Organisation kinds and roles of the scheme: which roles an organisation of a kind holds, who may grant each role,
 * and which roles the route policies name. Pure data: no I/O.
 */
export const ORGANISATION_KINDS = ['platform', 'college', 'enterprise', 'city_office', 'committee'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ENTERPRISE_TYPES = ['manufacturer', 'service_provider'] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

export const ROLES = [
  'platform_admin',
  'platform_curator',
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

/**
 * Roles each kind of organisation holds. A role outside its kind cannot be granted (the database refuses it too):
 * a college cannot hand out city, platform or committee powers. The steering committee (专业建设指导委员会) is an
 * organisation of its own kind, whose seats only the platform grants.
 */
export const ROLES_BY_ORGANISATION_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  platform: ['platform_admin', 'platform_curator'],
  college: ['college_admin', 'group_director', 'teacher', 'student'],
  enterprise: ['enterprise_admin', 'enterprise_engineer'],
  city_office: ['city_officer'],
  committee: ['committee_member'],
};

/**
 * Who may grant (and take away) each role, inside the organisation that holds it. Platform admins grant every role
 * everywhere; nobody changes their own roles. Roles whose holders act beyond their own organisation (platform,
 * city office, committee) are granted by platform admins only.
 */
export const ROLE_GRANTERS: Readonly<Record<Role, readonly Role[]>> = {
  platform_admin: [],
  platform_curator: [],
  college_admin: ['college_admin'],
  group_director: ['college_admin'],
  teacher: ['college_admin'],
  student: ['college_admin'],
  enterprise_admin: ['enterprise_admin'],
  enterprise_engineer: ['enterprise_admin'],
  city_officer: [],
  committee_member: [],
};

/** Roles that administer the people of their own organisation (invite, change roles, remove). */
export const ORGANISATION_ADMIN_ROLES: readonly Role[] = ['college_admin', 'enterprise_admin'];

/** Roles that may read the member list of their own organisation. */
export const PEOPLE_READER_ROLES: readonly Role[] = [
  'college_admin',
  'group_director',
  'teacher',
  'enterprise_admin',
  'enterprise_engineer',
  'city_officer',
  'committee_member',
];

/** True when an organisation of `kind` may hold `role`. */
export function isRoleAllowedForKind(role: Role, kind: OrganisationKind): boolean {
  return ROLES_BY_ORGANISATION_KIND[kind].includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Platform-wide reference data is the platform's: its admins and curators derive, edit and import draft versions
 * of the competency framework and posts.
 */
export const TAXONOMY_EDITOR_ROLES: readonly Role[] = ['platform_admin', 'platform_curator'];
/**
 * Releasing a framework version is a decision: platform admins and the steering committee release, and never a
 * version they edited themselves (separation of duties, checked by the service).
 */
export const TAXONOMY_RELEASE_ROLES: readonly Role[] = ['platform_admin', 'committee_member'];
/**
 * Job-posting files are labour-market data shared by the whole platform: the platform and city offices import
 * them; an import is deleted by the organisation that made it (or the platform).
 */
export const DEMAND_IMPORT_ROLES: readonly Role[] = ['platform_admin', 'platform_curator', 'city_officer'];
/** Roles of an enterprise that declare its demand (post × headcount × year), and that read its declarations. */
export const DECLARATION_WRITER_ROLES: readonly Role[] = ['enterprise_admin'];
export const DECLARATION_READER_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_engineer'];
/** Roles of a college that read its specialties (with the posts they serve) and its specialty-group proposals. */
export const SPECIALTY_READER_ROLES: readonly Role[] = ['college_admin', 'group_director', 'teacher'];
/**
 * Roles of a college that edit its specialties, and draft, edit and submit its specialty-group proposals (the
 * specialty-group director; the college admin stands in).
 */
export const SPECIALTY_GROUP_DIRECTOR_ROLES: readonly Role[] = ['college_admin', 'group_director'];
/**
 * The steering committee: reads every submitted proposal, comments, moves posts and specialties while it is under
 * review, and approves or rejects it — never a proposal of a college its member belongs to, nor one they wrote.
 */
export const STEERING_COMMITTEE_ROLES: readonly Role[] = ['committee_member', 'platform_admin'];
/**
 * Who votes on a matter before a steering committee: its seated members only (a platform admin without a seat does
 * not vote — the committee decides, nobody alone); the service checks the seat is in the committee concerned.
 */
export const COMMITTEE_VOTER_ROLES: readonly Role[] = ['committee_member'];
/** Who reads the steering committees (seats, voting rules): their members and platform admins. */
export const COMMITTEE_READER_ROLES: readonly Role[] = ['committee_member', 'platform_admin'];
/** Who sets a committee's voting rules (quorum, majority): platform admins, who appoint its members. */
export const COMMITTEE_RULES_EDITOR_ROLES: readonly Role[] = ['platform_admin'];
/** Roles of a college that read its course systems and plan pathways in them (its students too). */
export const COURSE_SYSTEM_READER_ROLES: readonly Role[] = [...SPECIALTY_READER_ROLES, 'student'];
/**
 * Roles of a college's teaching staff who confirm or reject the competencies linked to its courses and edit the
 * drafts of its Talent Training Plans (approving a version and building course systems is the directors' job).
 */
export const COURSE_TEACHER_ROLES: readonly Role[] = ['college_admin', 'group_director', 'teacher'];
/** Roles that read the audit log (platform admins all of it, organisation admins their own organisation's). */
export const AUDIT_READER_ROLES: readonly Role[] = ['platform_admin', 'college_admin', 'enterprise_admin'];
/**
 * Rosters (issue 17): the organisation admins import their people (a college its students and teachers, an
 * enterprise its engineers), manage departments, and act on accounts (disable, leave, reset codes).
 */
export const ROSTER_ADMIN_ROLES: readonly Role[] = ['college_admin', 'enterprise_admin'];
/** Who reads the roster, classes, cohorts and departments of their own organisation (personal data masked). */
export const ROSTER_READER_ROLES: readonly Role[] = [
  'college_admin',
  'group_director',
  'teacher',
  'enterprise_admin',
  'enterprise_engineer',
];
/** Who sees personal data (phone, e-mail) unmasked, and exports it (every export audited). */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['college_admin', 'enterprise_admin'];
/** Who configures the organisation's identity provider (CAS / OpenID Connect). */
export const IDENTITY_PROVIDER_ADMIN_ROLES: readonly Role[] = ['college_admin', 'enterprise_admin'];
