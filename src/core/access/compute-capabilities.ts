import { isPlatformAdmin, type Actor } from './actor.js';
import { decideRoute, type RouteAccess } from './route-access.js';

/** One route of the API with its declared access policy, named `METHOD /path/:param`. */
export interface RoutePolicy {
  readonly key: string;
  readonly access: RouteAccess;
}

/**
 * What a signed-in person may call, computed from the routes' own policies (so the web never mirrors role lists):
 * `anywhere` — routes whose policy does not depend on an organisation; `organisations[id]` — tenant routes allowed
 * in that organisation; `everyOrganisation` — tenant routes allowed in every organisation (platform admins).
 * Public routes are left out. The account's state counts as in `decideRoute`: while the password must be changed
 * only the few routes that allow it, and in an organisation the person left only its GET routes. The server still
 * decides every request; this only tells the UI what to offer.
 */
export interface Capabilities {
  readonly anywhere: string[];
  readonly organisations: Record<string, string[]>;
  readonly everyOrganisation: string[];
}

export function computeCapabilities(routes: readonly RoutePolicy[], actor: Actor): Capabilities {
  const anywhere = new Set<string>();
  const everyOrganisation = new Set<string>();
  const organisations: Record<string, Set<string>> = {};
  for (const membership of actor.memberships) organisations[membership.organisationId] = new Set();
  const platformAdmin = isPlatformAdmin(actor);
  for (const route of routes) {
    switch (route.access.kind) {
      case 'public':
        break;
      case 'signed-in':
      case 'role-anywhere':
        if (decideRoute(route, actor, {}) === 'allow') anywhere.add(route.key);
        break;
      case 'organisation-role':
        if (platformAdmin) {
          if (decideRoute(route, actor, {}) === 'allow') everyOrganisation.add(route.key);
          break;
        }
        for (const membership of actor.memberships) {
          if (decideRoute(route, actor, { organisationId: membership.organisationId }) === 'allow') {
            organisations[membership.organisationId]?.add(route.key);
          }
        }
        break;
    }
  }
  return {
    anywhere: [...anywhere].sort(),
    organisations: Object.fromEntries(Object.entries(organisations).map(([id, keys]) => [id, [...keys].sort()])),
    everyOrganisation: [...everyOrganisation].sort(),
  };
}
