import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { computeCapabilities, type RoutePolicy } from './compute-capabilities.js';

const routes: RoutePolicy[] = [
  { key: 'GET /api/health', access: { kind: 'public' } },
  { key: 'GET /api/dashboard', access: { kind: 'signed-in' } },
  {
    key: 'POST /api/frameworks/import',
    access: { kind: 'role-anywhere', roles: ['platform_admin', 'platform_curator'] },
  },
  { key: 'GET /api/organisations/:organisationId/members', access: { kind: 'organisation-role', roles: ['teacher'] } },
  {
    key: 'POST /api/organisations/:organisationId/invitations',
    access: { kind: 'organisation-role', roles: ['college_admin'] },
  },
];

describe('computeCapabilities', () => {
  it('lists per organisation what each membership allows, and nothing public', () => {
    const teacher: Actor = {
      personId: 't',
      email: 't@x.cn',
      activeOrganisationId: 'a',
      memberships: [
        { organisationId: 'a', roles: ['teacher'] },
        { organisationId: 'b', roles: ['college_admin'] },
      ],
    };
    expect(computeCapabilities(routes, teacher)).toEqual({
      anywhere: ['GET /api/dashboard'],
      organisations: {
        a: ['GET /api/organisations/:organisationId/members'],
        b: ['POST /api/organisations/:organisationId/invitations'],
      },
      everyOrganisation: [],
    });
  });

  it('gives platform admins the tenant routes of every organisation', () => {
    const admin: Actor = {
      personId: 'p',
      email: 'p@x.cn',
      activeOrganisationId: 'platform',
      memberships: [{ organisationId: 'platform', roles: ['platform_admin'] }],
    };
    const capabilities = computeCapabilities(routes, admin);
    expect(capabilities.anywhere).toEqual(['GET /api/dashboard', 'POST /api/frameworks/import']);
    expect(capabilities.everyOrganisation).toHaveLength(2);
    expect(capabilities.organisations).toEqual({ platform: [] });
  });
});

describe('computeCapabilities and the account state', () => {
  const both: Actor = {
    personId: 'p',
    email: 'p@x.cn',
    activeOrganisationId: 'a',
    memberships: [
      { organisationId: 'a', roles: ['teacher', 'college_admin'], left: true },
      { organisationId: 'b', roles: ['college_admin'] },
    ],
  };

  it('offers only GET routes in an organisation the person left', () => {
    const capabilities = computeCapabilities(routes, both);
    expect(capabilities.organisations).toEqual({
      a: ['GET /api/organisations/:organisationId/members'],
      b: ['POST /api/organisations/:organisationId/invitations'],
    });
  });

  it('offers only the password routes while the password must be changed', () => {
    const policies: RoutePolicy[] = [
      ...routes,
      { key: 'GET /api/auth/session', access: { kind: 'signed-in' } },
      { key: 'POST /api/auth/forced-password', access: { kind: 'signed-in' } },
    ];
    const capabilities = computeCapabilities(policies, { ...both, mustChangePassword: true });
    expect(capabilities.anywhere).toEqual(['GET /api/auth/session', 'POST /api/auth/forced-password']);
    expect(capabilities.organisations).toEqual({ a: [], b: [] });
  });
});
