import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { decideAccess } from './route-access.js';

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
