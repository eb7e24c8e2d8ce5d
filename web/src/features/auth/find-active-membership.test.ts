import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../api/contracts.js';
import { findActiveMembership } from './find-active-membership.js';

function session(activeOrganisationId: string | null): SessionResponse {
  return {
    activeOrganisationId,
    memberships: [
      { organisationId: 'college-a', organisationKind: 'college' },
      { organisationId: 'enterprise-b', organisationKind: 'enterprise' },
    ],
  } as unknown as SessionResponse;
}

describe('the active membership', () => {
  it('is the membership of the active organisation', () => {
    expect(findActiveMembership(session('enterprise-b'))?.organisationKind).toBe('enterprise');
  });

  it('is none without an active organisation or when it is not one of the person’s', () => {
    expect(findActiveMembership(session(null))).toBeNull();
    expect(findActiveMembership(session('elsewhere'))).toBeNull();
  });
});
