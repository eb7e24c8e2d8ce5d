import { hasRoleAnywhere, hasRoleIn, isPlatformAdmin, type Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * Who may call a route. Every HTTP route declares one of these; the server refuses to start with a
 * route that does not.
 * - `public`: anyone, signed in or not.
 * - `signed-in`: any signed-in person.
 * - `role-anywhere`: a person holding one of `roles` in any organisation (tenant scoping is then the
 *   service's job, e.g. the audit log).
 * - `organisation-role`: a person holding one of `roles` in the organisation named by the URL parameter
 *   `organisationId` (the tenant), or a platform admin.
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'role-anywhere'; readonly roles: readonly Role[] }
  | { readonly kind: 'organisation-role'; readonly roles: readonly Role[] };

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function decideAccess(
  access: RouteAccess,
  actor: Actor | null,
  params: { readonly organisationId?: string | undefined },
): AccessDecision {
  switch (access.kind) {
    case 'public':
      return 'allow';
    case 'signed-in':
      return actor ? 'allow' : 'unauthenticated';
    case 'role-anywhere':
      if (!actor) return 'unauthenticated';
      return hasRoleAnywhere(actor, access.roles) ? 'allow' : 'forbidden';
    case 'organisation-role': {
      if (!actor) return 'unauthenticated';
      if (isPlatformAdmin(actor)) return 'allow';
      const organisationId = params.organisationId;
      if (!organisationId) return 'forbidden';
      return hasRoleIn(actor, organisationId, access.roles) ? 'allow' : 'forbidden';
    }
  }
}
