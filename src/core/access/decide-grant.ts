import { hasRoleIn, isPlatformAdmin, type Actor } from './actor.js';
import { ROLE_GRANTERS, isRoleAllowedForKind, type OrganisationKind, type Role } from './roles.js';

/** Why a grant (or revocation) of roles is refused, or `null` when it is allowed. */
export type GrantRefusal =
  | { readonly code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION'; readonly roles: readonly Role[] }
  | { readonly code: 'ROLE_NOT_GRANTABLE'; readonly roles: readonly Role[] }
  | { readonly code: 'CANNOT_CHANGE_OWN_ROLES'; readonly roles: readonly Role[] };

export interface GrantTarget {
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  /** The person whose roles change; null for an invitation to someone who has not accepted yet. */
  readonly personId: string | null;
}

/**
 * May `actor` give (or take away) `roles` in the target organisation? The order of the checks matters only for the
 * message: a role the organisation's kind cannot hold is refused for everybody; nobody changes their own roles (a
 * tenant admin cannot grant itself more); otherwise a platform admin may, and anyone else needs, in that same
 * organisation, a role that `ROLE_GRANTERS` lists for every role asked.
 */
export function decideGrant(actor: Actor, target: GrantTarget, roles: readonly Role[]): GrantRefusal | null {
  const outsideKind = roles.filter((role) => !isRoleAllowedForKind(role, target.organisationKind));
  if (outsideKind.length > 0) return { code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION', roles: outsideKind };
  if (target.personId !== null && target.personId === actor.personId) {
    return { code: 'CANNOT_CHANGE_OWN_ROLES', roles };
  }
  if (isPlatformAdmin(actor)) return null;
  const notGrantable = roles.filter((role) => !hasRoleIn(actor, target.organisationId, ROLE_GRANTERS[role]));
  if (notGrantable.length > 0) return { code: 'ROLE_NOT_GRANTABLE', roles: notGrantable };
  return null;
}

/** The roles `actor` may hand out in an organisation of `kind` (what a form offers). */
export function grantableRoles(actor: Actor, organisationId: string, kind: OrganisationKind): Role[] {
  const offered: Role[] = [];
  for (const role of Object.keys(ROLE_GRANTERS) as Role[]) {
    if (decideGrant(actor, { organisationId, organisationKind: kind, personId: null }, [role]) === null) {
      offered.push(role);
    }
  }
  return offered;
}
