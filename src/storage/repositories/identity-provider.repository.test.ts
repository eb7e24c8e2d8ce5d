import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../create-database.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation, createPerson } from '../test-factories.js';
import { createRepositories, type Repositories } from './create-repositories.js';

let database: DatabaseHandle;
let repositories: Repositories;
let collegeId: string;
let enterpriseId: string;

const NOW = new Date('2026-09-01T08:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
  collegeId = (await createOrganisation(repositories, { kind: 'college' })).id;
  enterpriseId = (await createOrganisation(repositories, { kind: 'college' })).id;
});
afterAll(async () => {
  await database?.close();
});

describe(`identity providers, sign-in attempts and used tickets on ${testBackend()}`, () => {
  it('saves, replaces and deletes one provider per organisation, listing only switched-on ones', async () => {
    const base = { displayName: 'CAS', matchBy: 'login_id' as const, updatedBy: null, updatedAt: NOW };
    await repositories.identityProviders.save({
      ...base,
      organisationId: collegeId,
      enabled: true,
      config: { protocol: 'cas', serverUrl: 'https://cas.test/cas', version: '3.0', attribute: null },
    });
    await repositories.identityProviders.save({
      ...base,
      organisationId: enterpriseId,
      enabled: false,
      config: {
        protocol: 'oidc',
        issuer: 'https://idp.test',
        clientId: 'z',
        clientSecret: 's',
        scopes: 'openid',
        claim: 'sub',
      },
    });
    expect((await repositories.identityProviders.listEnabled()).map((item) => item.organisationId)).toEqual([
      collegeId,
    ]);
    await repositories.identityProviders.save({
      ...base,
      organisationId: enterpriseId,
      enabled: true,
      config: {
        protocol: 'oidc',
        issuer: 'https://idp.test',
        clientId: 'z2',
        clientSecret: 's',
        scopes: 'openid',
        claim: 'sub',
      },
    });
    expect((await repositories.identityProviders.find(enterpriseId))?.config).toMatchObject({
      clientId: 'z2',
      clientSecret: 's',
    });
    expect(await repositories.identityProviders.delete(enterpriseId)).toBe(true);
    expect(await repositories.identityProviders.delete(enterpriseId)).toBe(false);
  });

  it('hands an attempt out once, even to answers racing each other', async () => {
    await repositories.identityProviders.createAttempt({
      state: 'race-state',
      organisationId: collegeId,
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/',
      testOnly: false,
      createdAt: NOW,
      expiresAt: new Date(NOW.getTime() + 600_000),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => repositories.identityProviders.consumeAttempt('race-state', collegeId, NOW)),
    );
    expect(outcomes.filter((outcome) => outcome.outcome === 'consumed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === 'used')).toHaveLength(4);
    // Another organisation's path does not find it; nor does a state never issued.
    expect((await repositories.identityProviders.consumeAttempt('race-state', enterpriseId, NOW)).outcome).toBe(
      'unknown',
    );
    expect((await repositories.identityProviders.consumeAttempt('never', collegeId, NOW)).outcome).toBe('unknown');
  });

  it('remembers a ticket once', async () => {
    const results = await Promise.all(
      Array.from({ length: 3 }, () => repositories.identityProviders.recordTicket('hash-1', collegeId, NOW)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repositories.identityProviders.recordTicket('hash-2', collegeId, NOW)).toBe(true);
    await repositories.identityProviders.deleteOlderThan(new Date(NOW.getTime() + 1));
    expect(await repositories.identityProviders.recordTicket('hash-1', collegeId, NOW)).toBe(true);
  });

  it('finds a person by 学号 (any case) or e-mail, saying whether they belong to the organisation', async () => {
    const student = await createPerson(repositories, { email: 'Wang.Fang@college.test', loginId: 'S2024001' });
    await repositories.memberships.grant(student.id, collegeId, ['student']);
    expect(await repositories.identityProviders.findPerson(collegeId, 'login_id', ' s2024001 ')).toMatchObject({
      personId: student.id,
      isMember: true,
      disabled: false,
    });
    expect(await repositories.identityProviders.findPerson(collegeId, 'email', 'wang.fang@COLLEGE.test')).toMatchObject(
      {
        personId: student.id,
      },
    );
    expect(await repositories.identityProviders.findPerson(enterpriseId, 'login_id', 'S2024001')).toMatchObject({
      isMember: false,
    });
    expect(await repositories.identityProviders.findPerson(collegeId, 'login_id', 'S2024002')).toBeUndefined();
    // The identifier is a value, never SQL.
    expect(await repositories.identityProviders.findPerson(collegeId, 'login_id', "' or 1=1 --")).toBeUndefined();
  });
});
