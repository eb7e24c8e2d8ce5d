import { hasRoleAnywhere, hasRoleIn, type Actor } from './actor.js';
import { DEMAND_IMPORT_ROLES, type Role } from './roles.js';

/** Roles that act for the whole platform's shared data (they hold only in the platform organisation). */
const PLATFORM_DATA_ROLES: readonly Role[] = ['platform_admin', 'platform_curator'];

/**
 * The organisation an import of shared data is made for: the active organisation when the actor may import there,
 * otherwise the first organisation where they may; null when nowhere (the route policy refuses them first).
 */
export function importingOrganisation(actor: Actor): string | null {
  const candidates = actor.memberships.filter((membership) =>
    membership.roles.some((role) => DEMAND_IMPORT_ROLES.includes(role)),
  );
  const active = candidates.find((membership) => membership.organisationId === actor.activeOrganisationId);
  return (active ?? candidates[0])?.organisationId ?? null;
}

/**
 * May `actor` delete an import made for `organisationId` (null: made by the platform, e.g. from the command line)?
 * The platform may delete any; otherwise only an importer of the organisation that made it.
 */
export function mayDeleteImport(actor: Actor, organisationId: string | null): boolean {
  if (hasRoleAnywhere(actor, PLATFORM_DATA_ROLES)) return true;
  return organisationId !== null && hasRoleIn(actor, organisationId, DEMAND_IMPORT_ROLES);
}
