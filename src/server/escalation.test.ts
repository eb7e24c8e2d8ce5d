import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLES_BY_ORGANISATION_KIND, type OrganisationKind, type Role } from '../core/access/roles.js';
import { testBackend } from '../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from './test-server.js';

/**
 * Who may grant which role where, tried over HTTP by every demo persona in every kind of organisation, and every
 * persona's attempts to grant itself more. The expectations are written out here by hand (not computed by the
 * code under test): only platform admins grant platform, city-office and committee roles; an organisation admin
 * grants its own organisation's roles there and nowhere else; nobody else grants anything; nobody changes their own.
 */
const PERSONAS = [
  'admin',
  'curator',
  'college-admin',
  'director',
  'teacher',
  'student',
  'college-b-admin',
  'enterprise-admin',
  'committee',
  'engineer',
  'officer',
] as const;
type Persona = (typeof PERSONAS)[number];
const TARGETS = ['platform', 'college-a', 'college-b', 'manufacturer', 'city-office', 'committee'] as const;
type Target = (typeof TARGETS)[number];
const KIND_OF: Record<Target, OrganisationKind> = {
  platform: 'platform',
  'college-a': 'college',
  'college-b': 'college',
  manufacturer: 'enterprise',
  'city-office': 'city_office',
  committee: 'committee',
};
/** The organisations each persona administers (platform admins: all). */
const ADMINISTERS: Partial<Record<Persona, readonly Target[]>> = {
  admin: TARGETS,
  'college-admin': ['college-a'],
  'college-b-admin': ['college-b'],
  'enterprise-admin': ['manufacturer'],
};

function expected(persona: Persona, target: Target, role: Role): number {
  if (!(ADMINISTERS[persona] ?? []).includes(target)) return 403; // the route: not an admin here
  if (!ROLES_BY_ORGANISATION_KIND[KIND_OF[target]].includes(role)) return 400; // the kind cannot hold it
  if (persona !== 'admin' && ['platform', 'city-office', 'committee'].includes(target)) return 403;
  return 200;
}

let server: TestServer;
const clients = new Map<Persona, ApiClient>();
const organisationIds = new Map<Target, string>();
let counter = 0;

beforeAll(async () => {
  server = await startTestServer();
  const page = await server.services.store.repositories.organisations.list({ limit: 100, offset: 0 });
  for (const target of TARGETS) {
    const nameZh = server.dataset.organisations.find((organisation) => organisation.key === target)?.nameZh;
    organisationIds.set(target, page.items.find((item) => item.nameZh === nameZh)?.id ?? '');
  }
  for (const persona of PERSONAS) {
    const client = new ApiClient(server.baseUrl);
    expect((await client.login(`${persona}@demo.zerodock.local`)).status).toBe(200);
    clients.set(persona, client);
  }
});
afterAll(async () => {
  await server?.close();
});

describe(`role escalation on ${testBackend()}`, () => {
  for (const persona of PERSONAS) {
    it(`${persona}: invites exactly what it may grant, where it may`, async () => {
      const client = clients.get(persona)!;
      const wrong: string[] = [];
      for (const target of TARGETS) {
        for (const role of ROLES) {
          counter += 1;
          const response = await client.request<{ error?: { code: string } }>(
            'POST',
            `/api/organisations/${organisationIds.get(target)}/invitations`,
            { email: `matrix${counter}@test.zerodock.local`, displayName: '矩阵测试', roles: [role] },
          );
          const want = expected(persona, target, role);
          if (response.status !== want) wrong.push(`${target}/${role}: ${response.status} (want ${want})`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${persona}: cannot grant itself anything, anywhere`, async () => {
      const client = clients.get(persona)!;
      const email = `${persona}@demo.zerodock.local`;
      const self = (await server.services.store.repositories.people.findByEmail(email))!;
      const before = await server.services.store.repositories.memberships.listForPerson(self.id);
      for (const target of TARGETS) {
        const organisationId = organisationIds.get(target)!;
        const roles = [...ROLES_BY_ORGANISATION_KIND[KIND_OF[target]]];
        const invited = await client.request('POST', `/api/organisations/${organisationId}/invitations`, {
          email,
          displayName: 'me',
          roles,
        });
        expect(invited.status, `self-invitation into ${target}`).toBeGreaterThanOrEqual(400);
        const changed = await client.request('PUT', `/api/organisations/${organisationId}/members/${self.id}/roles`, {
          roles,
        });
        expect(changed.status, `own roles in ${target}`).toBeGreaterThanOrEqual(400);
        expect(changed.status).toBeLessThan(500);
      }
      // No committee seat, nor anything else, through any other door either.
      const mine = await client.request<{ items: unknown[] }>('GET', '/api/auth/invitations');
      expect(mine.body.items).toEqual([]);
      const after = await server.services.store.repositories.memberships.listForPerson(self.id);
      expect(after).toEqual(before);
    });
  }

  it('records every refused grant in the audit log', async () => {
    const refused = await server.services.store.repositories.auditEvents.list({
      action: 'access.denied',
      limit: 200,
      offset: 0,
    });
    expect(refused.total).toBeGreaterThan(100);
  });
});
