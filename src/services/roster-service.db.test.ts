import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/actor.js';
import type { RosterRow } from '../core/rosters/roster-row.js';
import { validateRoster } from '../core/rosters/validate-roster.js';
import { generateRoster, rosterCells } from '../interchange/rosters/generate-roster.js';
import type { DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase, testBackend } from '../storage/test-database.js';
import { createOrganisation, createPerson } from '../storage/test-factories.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import { createDepartment, deleteDepartment, departmentTree, updateDepartment } from './department-service.js';
import {
  applyRosterImport,
  discardRosterImport,
  getRosterImport,
  listClasses,
  listCohorts,
  listRoster,
  previewRosterImport,
} from './roster-service.js';
import type { ServiceContext } from './service-context.js';

/** The roster use cases on the real backend: preview, apply, re-import diff, refusals that write nothing. */
let database: DatabaseHandle;
let context: ServiceContext;
let collegeId: string;
let otherCollegeId: string;
let admin: Actor;
let teacher: Actor;

function file(rows: readonly RosterRow[], kind: 'student' | 'teacher' = 'student', name = 'students.csv') {
  const table = rosterCells(kind, rows);
  const result = validateRoster(
    kind,
    [table.headers, ...table.rows].map((cells, index) => ({ line: index + 1, cells })),
  );
  expect(result.problems).toEqual([]);
  return { ...result, file: name };
}

beforeAll(async () => {
  database = await openTestDatabase();
  context = { store: createStore(database.db), clock: () => new Date(), passwords: argon2PasswordHasher };
  const { repositories } = context.store;
  collegeId = (await createOrganisation(repositories, { kind: 'college', enterpriseType: null })).id;
  otherCollegeId = (await createOrganisation(repositories, { kind: 'college', enterpriseType: null })).id;
  const person = await createPerson(repositories);
  await repositories.memberships.grant(person.id, collegeId, ['college_admin']);
  admin = {
    personId: person.id,
    email: person.email!,
    activeOrganisationId: collegeId,
    memberships: [{ organisationId: collegeId, roles: ['college_admin'] }],
  };
  teacher = { ...admin, memberships: [{ organisationId: collegeId, roles: ['teacher'] }] };
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe(`roster service on ${testBackend()}`, () => {
  const students = generateRoster({ kind: 'student', count: 300, seed: 11 });

  it('previews, applies, then diffs a re-import field by field', async () => {
    const preview = await previewRosterImport(context, admin, collegeId, 'student', file(students));
    expect(preview.counts).toMatchObject({ new: 300, changed: 0, left: 0, newDepartments: 3 });
    expect(preview.counts.newClasses).toBeGreaterThan(6);
    const applied = await applyRosterImport(context, admin, collegeId, preview.id, { markLeft: false });
    expect(applied).toMatchObject({ created: 300, updated: 0, left: 0, returned: 0 });
    expect(applied.import.status).toBe('applied');

    const list = await listRoster(context, teacher, collegeId, { kind: 'student', limit: 5, offset: 0 });
    expect(list.total).toBe(300);
    const withPhone = (
      await listRoster(context, teacher, collegeId, { kind: 'student', limit: 200, offset: 0 })
    ).items.find((entry) => entry.phone !== null)!;
    expect(withPhone.masked).toBe(true);
    expect(withPhone.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const unmasked = await listRoster(context, admin, collegeId, { q: withPhone.externalId, limit: 5, offset: 0 });
    expect(unmasked.items[0]!.masked).toBe(false);
    expect(unmasked.items[0]!.hasPassword).toBe(false);

    // Re-import: one renamed, one moved to another class of the same specialty, one left out, one new.
    const changed = students.slice(1).map((row, index) => (index === 0 ? { ...row, name: `${row.name}改` } : row));
    changed.push({ ...students[0]!, externalId: '2099510213999', name: '新同学' });
    const again = await previewRosterImport(context, admin, collegeId, 'student', file(changed));
    expect(again.counts).toMatchObject({ new: 1, changed: 1, unchanged: 298, left: 1, returning: 0, newClasses: 0 });
    const section = await getRosterImport(context, collegeId, again.id, { section: 'changed', limit: 10, offset: 0 });
    expect(section.entries.items[0]!.changes).toEqual([
      { field: 'name', before: students[1]!.name, after: `${students[1]!.name}改` },
    ]);
    const left = await getRosterImport(context, collegeId, again.id, { section: 'left', limit: 10, offset: 0 });
    expect(left.entries.items.map((entry) => entry.externalId)).toEqual([students[0]!.externalId]);
    const result = await applyRosterImport(context, admin, collegeId, again.id, { markLeft: true });
    expect(result).toMatchObject({ created: 1, updated: 1, left: 1, returned: 0 });
    const renamed = (await listRoster(context, admin, collegeId, { q: students[1]!.externalId, limit: 1, offset: 0 }))
      .items[0]!;
    expect((await context.store.repositories.people.findById(renamed.personId))!.displayName).toBe(
      `${students[1]!.name}改`,
    );
    await expect(applyRosterImport(context, admin, collegeId, again.id, { markLeft: true })).rejects.toMatchObject({
      code: 'ROSTER_IMPORT_CLOSED',
    });

    // The first file again: the one who left returns, the new one is absent (not marked without markLeft).
    const back = await previewRosterImport(context, admin, collegeId, 'student', file(students));
    expect(back.counts).toMatchObject({ returning: 1, left: 1, changed: 1 });
    await applyRosterImport(context, admin, collegeId, back.id, { markLeft: false });
    const active = await listRoster(context, admin, collegeId, { status: 'active', limit: 1, offset: 0 });
    expect(active.total).toBe(301);
    const cohorts = await listCohorts(context, collegeId);
    expect(cohorts.items.map((cohort) => cohort.cohortYear)).toEqual([2024, 2023, 2022]);
    const classes = await listClasses(context, collegeId, { limit: 200, offset: 0 });
    expect(classes.items.reduce((sum, item) => sum + item.students, 0)).toBe(301);
    expect(classes.items[0]!.graduationYear).toBe(classes.items[0]!.cohortYear + 3);
  });

  it('refuses a stale preview and writes nothing', async () => {
    const teachers = generateRoster({ kind: 'teacher', count: 10, seed: 3 });
    const first = await previewRosterImport(context, admin, collegeId, 'teacher', file(teachers, 'teacher'));
    const second = await previewRosterImport(
      context,
      admin,
      collegeId,
      'teacher',
      file(teachers.slice(0, 5), 'teacher'),
    );
    await applyRosterImport(context, admin, collegeId, second.id, { markLeft: false });
    await expect(applyRosterImport(context, admin, collegeId, first.id, { markLeft: false })).rejects.toMatchObject({
      code: 'ROSTER_IMPORT_STALE',
    });
    expect((await listRoster(context, admin, collegeId, { kind: 'teacher', limit: 1, offset: 0 })).total).toBe(5);
    const third = await previewRosterImport(context, admin, collegeId, 'teacher', file(teachers, 'teacher'));
    await discardRosterImport(context, admin, collegeId, third.id);
    await expect(applyRosterImport(context, admin, collegeId, third.id, { markLeft: false })).rejects.toMatchObject({
      code: 'ROSTER_IMPORT_CLOSED',
    });
  });

  it("refuses another organisation's 学号 and another organisation's import id", async () => {
    const mine = generateRoster({ kind: 'student', count: 3, seed: 99, cohorts: [2025] });
    const preview = await previewRosterImport(context, admin, otherCollegeId, 'student', file(mine));
    await applyRosterImport(context, admin, otherCollegeId, preview.id, { markLeft: false });
    await expect(
      previewRosterImport(context, admin, collegeId, 'student', file([...students.slice(0, 2), mine[1]!])),
    ).rejects.toMatchObject({ code: 'ROSTER_ID_TAKEN', details: { line: 4, field: 'externalId' } });
    await expect(
      getRosterImport(context, collegeId, preview.id, { section: 'new', limit: 1, offset: 0 }),
    ).rejects.toMatchObject({ code: 'ROSTER_IMPORT_NOT_FOUND' });
    await expect(previewRosterImport(context, admin, collegeId, 'engineer', file(mine))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'kind' },
    });
  });

  it('keeps the department tree acyclic and refuses to delete one in use', async () => {
    const tree = await departmentTree(context, collegeId);
    const used = tree.items.find((node) => node.people > 0)!;
    await expect(deleteDepartment(context, admin, collegeId, used.id)).rejects.toMatchObject({
      code: 'DEPARTMENT_IN_USE',
    });
    const created = await createDepartment(context, admin, collegeId, {
      nameZh: '教研室',
      nameEn: '',
      parentId: used.id,
    });
    const child = created.items.find((node) => node.id === used.id)!.children.find((node) => node.nameZh === '教研室')!;
    await expect(updateDepartment(context, admin, collegeId, used.id, { parentId: child.id })).rejects.toMatchObject({
      code: 'DEPARTMENT_CYCLE',
    });
    await deleteDepartment(context, admin, collegeId, child.id);
  });
});
