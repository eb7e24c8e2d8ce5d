import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../create-database.js';
import { SessionCache } from '../session-cache.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation, createPerson } from '../test-factories.js';
import { createRepositories, type Repositories } from './create-repositories.js';

let database: DatabaseHandle;
let repositories: Repositories;
const now = new Date('2026-09-01T08:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db, new SessionCache(60_000));
});
afterAll(async () => {
  await database?.close();
});

async function rosterEntry(organisationId: string, personId: string, externalId: string) {
  const klass = await database.db
    .insertInto('classes')
    .values({
      organisation_id: organisationId,
      name: `班级${externalId}`,
      specialty_code: '510203',
      specialty_name: '软件技术',
      cohort_year: 2025,
      duration_years: 3,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('roster_entries')
    .values({
      organisation_id: organisationId,
      external_id: externalId,
      kind: 'student',
      person_id: personId,
      name: '学生',
      class_id: klass.id,
    })
    .execute();
  return klass.id;
}

describe(`accounts and reset codes on ${testBackend()}`, () => {
  it('finds an account only through an organisation it belongs to, counting the others', async () => {
    const college = await createOrganisation(repositories);
    const other = await createOrganisation(repositories);
    const enterprise = await createOrganisation(repositories, { kind: 'enterprise', enterpriseType: 'manufacturer' });
    const person = await createPerson(repositories, { email: null, loginId: '2025000001' });
    await repositories.memberships.grant(person.id, college.id, ['student']);
    await rosterEntry(college.id, person.id, '2025000001');
    expect(await repositories.accounts.findInOrganisation(other.id, person.id, now)).toBeUndefined();
    const account = await repositories.accounts.findInOrganisation(college.id, person.id, now);
    expect(account).toMatchObject({ loginId: '2025000001', onRoster: true, left: false, otherOrganisations: 0 });
    // A roster entry elsewhere counts as belonging there, a membership too (once per organisation).
    await rosterEntry(enterprise.id, person.id, 'E-1');
    await repositories.memberships.grant(person.id, enterprise.id, ['enterprise_engineer']);
    expect((await repositories.accounts.findInOrganisation(college.id, person.id, now))?.otherOrganisations).toBe(1);
    expect((await repositories.accounts.findInOrganisation(enterprise.id, person.id, now))?.otherOrganisations).toBe(1);
  });

  it('finds people by 学号 or e-mail, whatever the case', async () => {
    const person = await createPerson(repositories, { email: 'Mixed@Case.example', loginId: 'T2025A' });
    expect((await repositories.accounts.findPersonByLogin(' t2025a '))?.id).toBe(person.id);
    expect((await repositories.accounts.findPersonByLogin('mixed@case.EXAMPLE'))?.id).toBe(person.id);
    expect(await repositories.accounts.findPersonByLogin('')).toBeUndefined();
  });

  it('marks a person left in the memberships every session reads, and back', async () => {
    const college = await createOrganisation(repositories);
    const person = await createPerson(repositories, { email: null, loginId: '2025000002' });
    await repositories.memberships.grant(person.id, college.id, ['student']);
    await rosterEntry(college.id, person.id, '2025000002');
    await repositories.sessions.create({
      tokenHash: 'left-session',
      personId: person.id,
      csrfToken: 'csrf',
      activeOrganisationId: college.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      ip: null,
      userAgent: null,
      method: 'password',
    });
    expect((await repositories.sessions.findWithPerson('left-session'))?.memberships[0]?.left).toBe(false);
    expect(await repositories.accounts.setLeft(college.id, person.id, now, now)).toBe(true);
    // The cached session is forgotten by the write: the next read sees the person as alumni.
    expect((await repositories.sessions.findWithPerson('left-session'))?.memberships[0]?.left).toBe(true);
    expect((await repositories.memberships.listForPerson(person.id))[0]?.left).toBe(true);
    await repositories.accounts.setLeft(college.id, person.id, null, now);
    expect((await repositories.sessions.findWithPerson('left-session'))?.memberships[0]?.left).toBe(false);
    const stranger = await createPerson(repositories);
    expect(await repositories.accounts.setLeft(college.id, stranger.id, now, now)).toBe(false);
  });

  it('uses a code once, before it expires, and voids older codes when a new one is issued', async () => {
    const person = await createPerson(repositories);
    const expiresAt = new Date(now.getTime() + 1000);
    await repositories.passwordResets.issue({ codeHash: 'old', personId: person.id, issuedBy: null, now, expiresAt });
    await repositories.passwordResets.issue({ codeHash: 'new', personId: person.id, issuedBy: null, now, expiresAt });
    expect(await repositories.passwordResets.use('old', person.id, now)).toBe(false);
    expect(await repositories.passwordResets.use('new', (await createPerson(repositories)).id, now)).toBe(false);
    expect(await repositories.passwordResets.use('new', person.id, expiresAt)).toBe(false);
    expect(await repositories.passwordResets.isUsable('new', person.id, now)).toBe(true);
    expect(await repositories.passwordResets.use('new', person.id, now)).toBe(true);
    expect(await repositories.passwordResets.use('new', person.id, now)).toBe(false);
  });
});
