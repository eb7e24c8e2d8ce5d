import type { AuditAction, OrganisationKind } from '../api/contracts.js';

// The kinds, roles and which roles each kind holds are the server's own constants (no copy to drift).
export {
  ENTERPRISE_TYPES,
  ORGANISATION_KINDS,
  ROLES,
  ROLES_BY_ORGANISATION_KIND,
} from '../../../src/contracts/organisation-roles.js';

/** Kinds a platform admin may create (the platform organisation exists once). */
export const CREATABLE_ORGANISATION_KINDS = [
  'college',
  'enterprise',
  'city_office',
  'committee',
] as const satisfies readonly OrganisationKind[];

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
  'member.invited',
  'invitation.revoked',
  'invitation.accepted',
  'invitation.declined',
  'member.added',
  'member.roles_changed',
  'member.removed',
  'admin.created',
  'demo.loaded',
  'committee.vote_cast',
  'committee.decided',
  'committee.rules_changed',
  'training_plan.withdrawn',
  'revision.created',
  'revision.proposal_decided',
  'revision.submitted',
  'revision.withdrawn',
  'revision.applied',
  'roster.previewed',
  'roster.applied',
  'roster.discarded',
  'roster.exported',
  'department.created',
  'department.updated',
  'department.deleted',
  'account.disabled',
  'account.enabled',
  'account.left',
  'account.returned',
  'reset_code.issued',
  'reset_code.redeemed',
  'reset_code.failed',
  'activation_codes.exported',
  'sessions.ended',
  'session.ended',
  'identity_provider.updated',
  'identity_provider.deleted',
  'sso.login',
  'sso.failed',
  'personal_data.viewed',
] as const satisfies readonly AuditAction[];

type AssertComplete<Listed, All> = [Exclude<All, Listed>] extends [never] ? true : never;
// If the server adds an audit action, this line stops compiling until the list above follows.
export const LISTS_ARE_COMPLETE: [AssertComplete<(typeof AUDIT_ACTIONS)[number], AuditAction>] = [true];
