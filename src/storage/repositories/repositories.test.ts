import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../create-database.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation, createPerson } from '../test-factories.js';
import {
  ORGANISATION_KINDS,
  ROLES,
  ROLES_BY_ORGANISATION_KIND,
  isRoleAllowedForKind,
} from '../../core/access/roles.js';
import { createRepositories, createStore, type Repositories } from './create-repositories.js';

let database: DatabaseHandle;
let repositories: Repositories;

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
});
afterAll(async () => {
  await database?.close();
});

describe(`repositories on ${testBackend()}`, () => {
  it('creates and reads organisations with member counts, paged and filtered by kind', async () => {
    const college = await createOrganisation(repositories);
    const enterprise = await createOrganisation(repositories, { kind: 'enterprise', enterpriseType: 'manufacturer' });
    const person = await createPerson(repositories);
    await repositories.memberships.grant(person.id, college.id, ['teacher', 'group_director']);

    const found = await repositories.organisations.findById(college.id);
    expect(found).toMatchObject({ kind: 'college', memberCount: 1, enterpriseType: null });
    expect(typeof found?.createdAt).toBe('string');

    const enterprises = await repositories.organisations.list({ kind: 'enterprise', limit: 10, offset: 0 });
    expect(enterprises.items.map((item) => item.id)).toContain(enterprise.id);
    expect(enterprises.items.every((item) => item.kind === 'enterprise')).toBe(true);
    const firstPage = await repositories.organisations.list({ limit: 1, offset: 0 });
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThanOrEqual(2);
  });

  it('enforces the enterprise type rule and unique Chinese names in the schema', async () => {
    await expect(createOrganisation(repositories, { kind: 'enterprise', enterpriseType: null })).rejects.toThrow();
    await expect(
      createOrganisation(repositories, { kind: 'college', enterpriseType: 'manufacturer' }),
    ).rejects.toThrow();
    const college = await createOrganisation(repositories);
    await expect(createOrganisation(repositories, { nameZh: college.nameZh })).rejects.toThrow();
  });

  it('finds people by e-mail case-insensitively and refuses duplicates', async () => {
    const person = await createPerson(repositories, { email: 'Li.Na@College.EDU.cn' });
    expect((await repositories.people.findByEmail('li.na@college.edu.cn'))?.id).toBe(person.id);
    await expect(createPerson(repositories, { email: 'LI.NA@college.edu.cn' })).rejects.toThrow();
  });

  it('keeps roles per organisation, so one person can work for a college and an enterprise', async () => {
    const college = await createOrganisation(repositories);
    const enterprise = await createOrganisation(repositories, {
      kind: 'enterprise',
      enterpriseType: 'service_provider',
    });
    const engineer = await createPerson(repositories);
    await repositories.memberships.grant(engineer.id, enterprise.id, ['enterprise_engineer']);
    await repositories.memberships.grant(engineer.id, college.id, ['teacher']);
    await repositories.memberships.grant(engineer.id, college.id, ['teacher']);

    const memberships = await repositories.memberships.listForPerson(engineer.id);
    expect(memberships).toHaveLength(2);
    expect(memberships.find((m) => m.organisationId === college.id)?.roles).toEqual(['teacher']);
    expect(memberships.find((m) => m.organisationId === enterprise.id)?.roles).toEqual(['enterprise_engineer']);

    expect(await repositories.memberships.revokeAll(engineer.id, college.id)).toBe(1);
    expect(await repositories.memberships.listForPerson(engineer.id)).toHaveLength(1);
  });

  it('refuses in the database every role an organisation of its kind may not hold', async () => {
    for (const kind of ORGANISATION_KINDS) {
      const organisation = await createOrganisation(repositories, {
        kind,
        enterpriseType: kind === 'enterprise' ? 'manufacturer' : null,
      });
      const person = await createPerson(repositories);
      for (const role of ROLES) {
        const granted = repositories.memberships.grant(person.id, organisation.id, [role]);
        if (isRoleAllowedForKind(role, kind)) await granted;
        else
          await expect(granted, `${role} in a ${kind}`).rejects.toMatchObject({
            code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION',
          });
      }
      expect((await repositories.memberships.rolesOf(person.id, organisation.id)).sort()).toEqual(
        [...ROLES_BY_ORGANISATION_KIND[kind]].sort(),
      );
    }
  });

  it('lists members of one organisation only, filtered, searched and paged', async () => {
    const collegeA = await createOrganisation(repositories);
    const collegeB = await createOrganisation(repositories);
    for (let index = 0; index < 5; index += 1) {
      const student = await createPerson(repositories, { displayName: `学生${index}` });
      await repositories.memberships.grant(student.id, collegeA.id, ['student']);
    }
    const teacher = await createPerson(repositories, { displayName: '教师 赵敏', email: 'zhao.min@a.edu.cn' });
    await repositories.memberships.grant(teacher.id, collegeA.id, ['teacher', 'group_director']);
    const outsider = await createPerson(repositories);
    await repositories.memberships.grant(outsider.id, collegeB.id, ['student']);

    const all = await repositories.memberships.listMembers(collegeA.id, { limit: 3, offset: 0 });
    expect(all.total).toBe(6);
    expect(all.items).toHaveLength(3);
    const second = await repositories.memberships.listMembers(collegeA.id, { limit: 3, offset: 3 });
    expect(new Set([...all.items, ...second.items].map((m) => m.personId)).size).toBe(6);
    expect([...all.items, ...second.items].some((m) => m.personId === outsider.id)).toBe(false);

    const teachers = await repositories.memberships.listMembers(collegeA.id, { role: 'teacher', limit: 10, offset: 0 });
    expect(teachers.items).toEqual([
      expect.objectContaining({ personId: teacher.id, roles: ['group_director', 'teacher'] }),
    ]);
    const searched = await repositories.memberships.listMembers(collegeA.id, { search: '赵敏', limit: 10, offset: 0 });
    expect(searched.total).toBe(1);
    const hostile = await repositories.memberships.listMembers(collegeA.id, {
      search: "%' or 1=1 --",
      limit: 10,
      offset: 0,
    });
    expect(hostile.total).toBe(0);

    expect(await repositories.memberships.countByRole(collegeA.id)).toEqual([
      { role: 'group_director', count: 1 },
      { role: 'student', count: 5 },
      { role: 'teacher', count: 1 },
    ]);
  });

  it('stores sessions by token hash, slides and ends them', async () => {
    const person = await createPerson(repositories);
    const now = new Date('2026-09-01T08:00:00Z');
    const later = new Date('2026-09-01T16:00:00Z');
    for (const tokenHash of ['hash-1', 'hash-2']) {
      await repositories.sessions.create({
        tokenHash,
        personId: person.id,
        csrfToken: `csrf-${tokenHash}`,
        activeOrganisationId: null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: later,
        ip: '127.0.0.1',
        userAgent: 'x'.repeat(2000),
        method: 'password',
      });
    }
    const session = await repositories.sessions.findByTokenHash('hash-1');
    expect(session?.expiresAt.toISOString()).toBe(later.toISOString());
    await repositories.sessions.touch('hash-1', later, new Date('2026-09-02T00:00:00Z'));
    expect((await repositories.sessions.findByTokenHash('hash-1'))?.lastSeenAt.toISOString()).toBe(later.toISOString());

    expect(await repositories.sessions.deleteForPerson(person.id, 'hash-1')).toBe(1);
    expect(await repositories.sessions.findByTokenHash('hash-2')).toBeUndefined();
    expect(await repositories.sessions.deleteExpired(new Date('2026-09-03T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await repositories.sessions.findByTokenHash('hash-1')).toBeUndefined();
  });

  it('records audit events newest first with JSON details, filtered by organisation', async () => {
    const college = await createOrganisation(repositories);
    await repositories.auditEvents.record({
      occurredAt: new Date(),
      action: 'login.failed',
      actorEmail: 'x@y.z',
      details: { reason: '密码错误' },
    });
    await repositories.auditEvents.record({
      occurredAt: new Date(),
      action: 'member.added',
      organisationId: college.id,
    });
    const scoped = await repositories.auditEvents.list({ organisationId: college.id, limit: 10, offset: 0 });
    expect(scoped.items.map((event) => event.action)).toEqual(['member.added']);
    const failed = await repositories.auditEvents.list({ action: 'login.failed', limit: 10, offset: 0 });
    expect(failed.items[0]?.details).toEqual({ reason: '密码错误' });
    expect(typeof failed.items[0]?.id).toBe('string');
  });

  it('rolls back every write of a failed transaction', async () => {
    const store = createStore(database.db);
    const before = await repositories.organisations.count();
    await expect(
      store.transaction(async (transaction) => {
        await createOrganisation(transaction);
        await createOrganisation(transaction);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repositories.organisations.count()).toBe(before);
  });

  it('keeps concurrent statements out of an open transaction', async () => {
    const store = createStore(database.db);
    const before = await repositories.organisations.count();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = store.transaction(async (transaction) => {
      await createOrganisation(transaction);
      await gate;
      throw new Error('rollback');
    });
    // This write runs while the transaction is open; it must neither join nor be lost with the rollback.
    const outside = createOrganisation(repositories);
    setTimeout(release, 50);
    await expect(failing).rejects.toThrow('rollback');
    await outside;
    expect(await repositories.organisations.count()).toBe(before + 1);
  });
});
