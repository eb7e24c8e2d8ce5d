import type { Membership, SessionResponse } from '../../api/contracts.js';

export function findActiveMembership(session: SessionResponse): Membership | null {
  return session.memberships.find((membership) => membership.organisationId === session.activeOrganisationId) ?? null;
}
