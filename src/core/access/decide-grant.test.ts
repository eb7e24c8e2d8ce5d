import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { decideGrant, grantableRoles } from './decide-grant.js';
import { ORGANISATION_KINDS, ROLES, ROLES_BY_ORGANISATION_KIND, isRoleAllowedForKind, type Role } from './roles.js';

function actor(personId: string, organisationId: string, roles: Role[]): Actor {
  return {
    personId,
    email: `${personId}@x.cn`,
    activeOrganisationId: organisationId,
    memberships: [{ organisationId, roles }],
  };
}
const collegeAdmin = actor('ca', 'college-a', ['college_admin']);
const enterpriseAdmin = actor('ea', 'enterprise-b', ['enterprise_admin']);
const platformAdmin = actor('pa', 'platform', ['platform_admin']);
const officer = actor('co', 'city', ['city_officer']);
const director = actor('gd', 'college-a', ['group_director', 'teacher']);

describe('who may grant which role where', () => {
  it('never lets a college or an enterprise hand out committee, city or platform powers', () => {
    for (const role of ['committee_member', 'city_officer', 'platform_admin', 'platform_curator'] as const) {
      expect(
        decideGrant(collegeAdmin, { organisationId: 'college-a', organisationKind: 'college', personId: 'x' }, [role]),
      ).toMatchObject({ code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION' });
      expect(
        decideGrant(
          enterpriseAdmin,
          { organisationId: 'enterprise-b', organisationKind: 'enterprise', personId: 'x' },
          [role],
        ),
      ).toMatchObject({ code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION' });
    }
  });

  it('refuses every change of one’s own roles, platform admins included', () => {
    expect(
      decideGrant(collegeAdmin, { organisationId: 'college-a', organisationKind: 'college', personId: 'ca' }, [
        'group_director',
      ]),
    ).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ROLES' });
    expect(
      decideGrant(platformAdmin, { organisationId: 'committee', organisationKind: 'committee', personId: 'pa' }, [
        'committee_member',
      ]),
    ).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ROLES' });
  });

  it('keeps an organisation admin inside its own organisation', () => {
    const target = { organisationId: 'college-b', organisationKind: 'college' as const, personId: 'x' };
    expect(decideGrant(collegeAdmin, target, ['teacher'])).toMatchObject({ code: 'ROLE_NOT_GRANTABLE' });
    expect(
      decideGrant(collegeAdmin, { ...target, organisationId: 'college-a' }, ['teacher', 'student', 'college_admin']),
    ).toBeNull();
  });

  it('gives committee seats and city and platform roles to platform admins only', () => {
    expect(
      decideGrant(officer, { organisationId: 'city', organisationKind: 'city_office', personId: 'x' }, [
        'city_officer',
      ]),
    ).toMatchObject({ code: 'ROLE_NOT_GRANTABLE' });
    expect(
      decideGrant(platformAdmin, { organisationId: 'committee', organisationKind: 'committee', personId: 'x' }, [
        'committee_member',
      ]),
    ).toBeNull();
  });

  it('lets no role but an organisation admin grant anything (directors and teachers grant nothing)', () => {
    expect(grantableRoles(director, 'college-a', 'college')).toEqual([]);
    expect(grantableRoles(collegeAdmin, 'college-a', 'college').sort()).toEqual(
      ['college_admin', 'group_director', 'student', 'teacher'].sort(),
    );
    expect(grantableRoles(enterpriseAdmin, 'enterprise-b', 'enterprise').sort()).toEqual(
      ['enterprise_admin', 'enterprise_engineer'].sort(),
    );
  });

  it('offers a platform admin exactly what each kind may hold', () => {
    for (const kind of ORGANISATION_KINDS) {
      expect(grantableRoles(platformAdmin, 'somewhere', kind).sort()).toEqual(
        [...ROLES_BY_ORGANISATION_KIND[kind]].sort(),
      );
    }
  });

  it('puts every role in exactly one organisation kind', () => {
    for (const role of ROLES) {
      expect(ORGANISATION_KINDS.filter((kind) => isRoleAllowedForKind(role, kind))).toHaveLength(1);
    }
  });
});
