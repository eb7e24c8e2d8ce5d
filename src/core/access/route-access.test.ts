import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { decideAccess, decideRoute, ROUTES_WHILE_PASSWORD_CHANGE_REQUIRED } from './route-access.js';

const teacherOfA: Actor = {
  personId: 't',
  email: 't@a.edu.cn',
  activeOrganisationId: 'A',
  memberships: [{ organisationId: 'A', roles: ['teacher'] }],
};
const platformAdmin: Actor = {
  personId: 'p',
  email: 'p@zerodock.org',
  activeOrganisationId: 'P',
  memberships: [{ organisationId: 'P', roles: ['platform_admin'] }],
};

describe('decideAccess', () => {
  it('lets anyone through a public route', () => {
    expect(decideAccess({ kind: 'public' }, null, {})).toBe('allow');
  });
  it('asks an anonymous caller to sign in on every other kind', () => {
    expect(decideAccess({ kind: 'signed-in' }, null, {})).toBe('unauthenticated');
    expect(decideAccess({ kind: 'role-anywhere', roles: ['teacher'] }, null, {})).toBe('unauthenticated');
    expect(decideAccess({ kind: 'organisation-role', roles: ['teacher'] }, null, { organisationId: 'A' })).toBe(
      'unauthenticated',
    );
  });
  it('scopes organisation routes to the tenant in the URL', () => {
    const access = { kind: 'organisation-role', roles: ['teacher'] } as const;
    expect(decideAccess(access, teacherOfA, { organisationId: 'A' })).toBe('allow');
    expect(decideAccess(access, teacherOfA, { organisationId: 'B' })).toBe('forbidden');
    expect(decideAccess(access, teacherOfA, {})).toBe('forbidden');
    expect(decideAccess(access, platformAdmin, { organisationId: 'B' })).toBe('allow');
  });
  it('checks roles held anywhere', () => {
    expect(decideAccess({ kind: 'role-anywhere', roles: ['platform_admin'] }, teacherOfA, {})).toBe('forbidden');
    expect(decideAccess({ kind: 'role-anywhere', roles: ['platform_admin'] }, platformAdmin, {})).toBe('allow');
  });
});

describe('decideRoute', () => {
  const members = { kind: 'organisation-role', roles: ['teacher'] } as const;
  const alumnus: Actor = {
    personId: 'x',
    email: 'x@a.cn',
    activeOrganisationId: 'A',
    memberships: [
      { organisationId: 'A', roles: ['teacher'], left: true },
      { organisationId: 'B', roles: ['teacher'] },
    ],
  };

  it('lets alumni read in the organisation they left, and nothing more', () => {
    const read = { key: 'GET /api/organisations/:organisationId/x', access: members };
    const write = { key: 'POST /api/organisations/:organisationId/x', access: members };
    const head = { key: 'HEAD /api/organisations/:organisationId/x', access: members };
    expect(decideRoute(read, alumnus, { organisationId: 'A' })).toBe('allow');
    expect(decideRoute(head, alumnus, { organisationId: 'A' })).toBe('allow');
    expect(decideRoute(write, alumnus, { organisationId: 'A' })).toBe('read-only');
    expect(decideRoute(write, alumnus, { organisationId: 'B' })).toBe('allow');
    // The role check comes first: a stranger is forbidden, not read-only.
    expect(decideRoute(write, alumnus, { organisationId: 'C' })).toBe('forbidden');
  });

  it('while the password must be changed, allows only the session, sign-out, new password and language', () => {
    const actor: Actor = { ...alumnus, mustChangePassword: true };
    const signedIn = { kind: 'signed-in' } as const;
    for (const key of ROUTES_WHILE_PASSWORD_CHANGE_REQUIRED) {
      expect(decideRoute({ key, access: signedIn }, actor, {})).toBe('allow');
    }
    expect(decideRoute({ key: 'GET /api/dashboard', access: signedIn }, actor, {})).toBe('password-change-required');
    expect(decideRoute({ key: 'POST /api/auth/password', access: signedIn }, actor, {})).toBe(
      'password-change-required',
    );
    expect(decideRoute({ key: 'GET /api/organisations/:organisationId/x', access: members }, actor, {})).toBe(
      'password-change-required',
    );
    expect(decideRoute({ key: 'POST /api/auth/login', access: { kind: 'public' } }, null, {})).toBe('allow');
    expect(decideRoute({ key: 'GET /api/dashboard', access: signedIn }, null, {})).toBe('unauthenticated');
  });
});
