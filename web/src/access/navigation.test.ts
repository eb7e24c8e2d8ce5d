import { describe, expect, it } from 'vitest';
import { can } from './capabilities.js';
import { NAVIGATION, isNavigationAllowed, navigationEntryForPath } from './navigation.js';

const teacherSession = {
  activeOrganisationId: 'college-a',
  capabilities: {
    anywhere: ['GET /api/dashboard'],
    organisations: {
      'college-a': [
        'GET /api/organisations/:organisationId/members',
        'GET /api/organisations/:organisationId/specialties',
      ],
      'enterprise-b': ['GET /api/organisations/:organisationId/demand-declarations'],
    },
    everyOrganisation: [],
  },
};

describe('what the web offers, from the capabilities the server sent', () => {
  it('asks tenant routes about one organisation, other routes about none', () => {
    expect(can(teacherSession, 'GET /api/organisations/:organisationId/members', 'college-a')).toBe(true);
    expect(can(teacherSession, 'GET /api/organisations/:organisationId/members', 'college-b')).toBe(false);
    expect(can(teacherSession, 'GET /api/organisations/:organisationId/members')).toBe(false);
    expect(can(teacherSession, 'GET /api/dashboard')).toBe(true);
    expect(can(teacherSession, 'POST /api/organisations')).toBe(false);
  });

  it('lets platform admins into tenant routes of every organisation', () => {
    const admin = {
      activeOrganisationId: 'platform',
      capabilities: {
        anywhere: [],
        organisations: {},
        everyOrganisation: ['POST /api/organisations/:organisationId/invitations'],
      },
    };
    expect(can(admin, 'POST /api/organisations/:organisationId/invitations', 'any-college')).toBe(true);
  });

  it('offers a page only in the kind of organisation it is about', () => {
    const offered = (kind: 'college' | 'enterprise') =>
      NAVIGATION.filter((entry) => isNavigationAllowed(entry, teacherSession, kind)).map((entry) => entry.key);
    expect(offered('college')).toEqual([
      'home',
      'organisations',
      'taxonomy',
      'demand',
      'specialties',
      'members',
      'account',
    ]);
    // The same capability list in an enterprise context: a college page is not offered there.
    expect(offered('enterprise')).not.toContain('specialties');
  });

  it('places a group’s yearly revisions under the specialty-group pages, whose access they share', () => {
    expect(navigationEntryForPath('/groups/0b6c/revisions')?.key).toBe('specialtyGroups');
    expect(navigationEntryForPath('/revisions/0b6c')?.key).toBe('specialtyGroups');
    expect(navigationEntryForPath('/specialty-groups/p1')?.key).toBe('specialtyGroups');
    expect(navigationEntryForPath('/groupsx')).toBeUndefined();
  });
});

describe('the people pages', () => {
  const admin = {
    activeOrganisationId: 'college-a',
    capabilities: {
      anywhere: [],
      organisations: {
        'college-a': [
          'GET /api/organisations/:organisationId/roster',
          'GET /api/organisations/:organisationId/identity-provider',
        ],
      },
      everyOrganisation: [],
    },
  };

  it('are offered to those who read the roster, in a college or an enterprise only', () => {
    const offered = (kind: 'college' | 'enterprise' | 'city_office') =>
      NAVIGATION.filter((entry) => isNavigationAllowed(entry, admin, kind)).map((entry) => entry.key);
    expect(offered('college')).toContain('people');
    expect(offered('college')).toContain('identityProvider');
    expect(offered('enterprise')).toContain('people');
    expect(offered('city_office')).not.toContain('people');
    expect(navigationEntryForPath('/people/accounts/p1')?.key).toBe('people');
    expect(navigationEntryForPath('/settings/identity-provider')?.key).toBe('identityProvider');
  });
});
