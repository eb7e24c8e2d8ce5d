import { describe, expect, it } from 'vitest';
import { chooseActiveOrganisation, hasRoleAnywhere, hasRoleIn, isPlatformAdmin, rolesIn, type Actor } from './actor.js';

function buildActor(overrides: Partial<Actor> = {}): Actor {
  return {
    personId: 'p1',
    email: 'a@example.org',
    activeOrganisationId: 'college-a',
    memberships: [
      { organisationId: 'college-a', roles: ['teacher', 'committee_member'] },
      { organisationId: 'enterprise-b', roles: ['enterprise_engineer'] },
    ],
    ...overrides,
  };
}

describe('actor access checks', () => {
  it('reads roles per organisation, never across organisations', () => {
    const actor = buildActor();
    expect(rolesIn(actor, 'college-a')).toEqual(['teacher', 'committee_member']);
    expect(rolesIn(actor, 'college-b')).toEqual([]);
    expect(hasRoleIn(actor, 'college-a', ['enterprise_engineer'])).toBe(false);
    expect(hasRoleIn(actor, 'enterprise-b', ['enterprise_engineer'])).toBe(true);
  });

  it('recognises a platform admin only by the platform_admin role', () => {
    expect(isPlatformAdmin(buildActor())).toBe(false);
    expect(isPlatformAdmin(buildActor({ memberships: [{ organisationId: 'x', roles: ['platform_admin'] }] }))).toBe(
      true,
    );
    expect(hasRoleAnywhere(buildActor(), ['teacher'])).toBe(true);
  });

  it('keeps the chosen organisation only while the person is a member', () => {
    const memberships = [{ organisationId: 'a' }, { organisationId: 'b' }];
    expect(chooseActiveOrganisation('b', memberships)).toBe('b');
    expect(chooseActiveOrganisation('gone', memberships)).toBe('a');
    expect(chooseActiveOrganisation(null, [])).toBeNull();
  });
});
