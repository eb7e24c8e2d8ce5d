import { hasLeft, hasRoleAnywhere, hasRoleIn, isPlatformAdmin, type Actor } from './actor.js';
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

/**
 * The routes a person may call while their password must be changed (it was set by someone else): read the session,
 * sign out, set the new password, choose the language. Everything else answers PASSWORD_CHANGE_REQUIRED.
 */
export const ROUTES_WHILE_PASSWORD_CHANGE_REQUIRED: readonly string[] = [
  'GET /api/auth/session',
  'POST /api/auth/logout',
  'POST /api/auth/forced-password',
  'PUT /api/auth/locale',
];

export type RouteDecision = AccessDecision | 'password-change-required' | 'read-only';

/**
 * The whole decision for one request to a route named `METHOD /api/path/:param` (HEAD counts as GET): the role and
 * tenant check of `decideAccess`, then the account's state — a person whose password must be changed reaches only
 * `ROUTES_WHILE_PASSWORD_CHANGE_REQUIRED`, and a person who left the organisation named by the URL (alumni) calls
 * only its GET routes there. Platform admins are never alumni of anything.
 */
export function decideRoute(
  route: { readonly key: string; readonly access: RouteAccess },
  actor: Actor | null,
  params: { readonly organisationId?: string | undefined },
): RouteDecision {
  if (route.access.kind === 'public') return 'allow';
  if (!actor) return 'unauthenticated';
  const key = route.key.startsWith('HEAD ') ? `GET ${route.key.slice(5)}` : route.key;
  if (actor.mustChangePassword && !ROUTES_WHILE_PASSWORD_CHANGE_REQUIRED.includes(key)) {
    return 'password-change-required';
  }
  const decision = decideAccess(route.access, actor, params);
  if (decision !== 'allow') return decision;
  if (
    route.access.kind === 'organisation-role' &&
    params.organisationId &&
    !key.startsWith('GET ') &&
    !isPlatformAdmin(actor) &&
    hasLeft(actor, params.organisationId)
  ) {
    return 'read-only';
  }
  return 'allow';
}
