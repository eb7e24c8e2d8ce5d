import type { Role } from './roles.js';

/** Who is calling: a signed-in person with their roles per organisation. */
export interface Actor {
  readonly personId: string;
  readonly email: string;
  readonly activeOrganisationId: string | null;
  readonly memberships: readonly ActorMembership[];
  /** A password someone else set (an import, a reset code): nothing but the new password until it is changed. */
  readonly mustChangePassword?: boolean;
}

/** The actor's roles in one organisation, and whether they left it (alumni: read-only there, records kept). */
export interface ActorMembership {
  readonly organisationId: string;
  readonly roles: readonly Role[];
  readonly left?: boolean;
}

/** Whether the actor left this organisation (graduated, left the company): they read there, they do not write. */
export function hasLeft(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some(
    (membership) => membership.organisationId === organisationId && membership.left === true,
  );
}

/** The roles the actor holds in one organisation. */
export function rolesIn(actor: Actor, organisationId: string): readonly Role[] {
  return actor.memberships.find((membership) => membership.organisationId === organisationId)?.roles ?? [];
}

export function hasRoleIn(actor: Actor, organisationId: string, roles: readonly Role[]): boolean {
  return rolesIn(actor, organisationId).some((role) => roles.includes(role));
}

export function hasRoleAnywhere(actor: Actor, roles: readonly Role[]): boolean {
  return actor.memberships.some((membership) => membership.roles.some((role) => roles.includes(role)));
}

export function isPlatformAdmin(actor: Actor): boolean {
  return hasRoleAnywhere(actor, ['platform_admin']);
}

export function isMemberOf(actor: Actor, organisationId: string): boolean {
  return rolesIn(actor, organisationId).length > 0;
}

/**
 * The organisation a signed-in person works in by default: the one they chose if they are still a member,
 * otherwise their first membership.
 */
export function chooseActiveOrganisation(
  requested: string | null,
  memberships: readonly { readonly organisationId: string }[],
): string | null {
  if (requested && memberships.some((membership) => membership.organisationId === requested)) return requested;
  return memberships[0]?.organisationId ?? null;
}
