import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../create-database.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation } from '../test-factories.js';
import { createRepositories, type Repositories } from './create-repositories.js';
import type { RosterEntryWrite } from './roster.repository.js';

let database: DatabaseHandle;
let repositories: Repositories;
let collegeId: string;
const NOW = new Date('2026-09-01T08:00:00Z');
const LATER = new Date('2026-09-02T08:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
  collegeId = (await createOrganisation(repositories, { kind: 'college', enterpriseType: null })).id;
});
afterAll(async () => {
  await database?.close();
});

describe(`roster repository on ${testBackend()}`, () => {
  it('writes 2,500 people, classes and entries in chunks, and reads them back', async () => {
    const { ids: departments, created } = await repositories.rosters.ensureDepartments(collegeId, [
      '信息学院',
      '信息学院',
    ]);
    expect(created).toBe(1);
    expect((await repositories.rosters.ensureDepartments(collegeId, ['信息学院'])).created).toBe(0);
    const classes = await repositories.rosters.upsertClasses(
      collegeId,
      Array.from({ length: 3 }, (_, index) => ({
        name: `移动24${index}`,
        specialtyCode: '510213',
        specialtyName: '移动应用开发',
        cohortYear: 2024,
        durationYears: 3,
        departmentId: departments.get('信息学院')!,
      })),
    );
    expect(classes.created).toBe(3);
    const ids = Array.from({ length: 2500 }, (_, index) => `S${String(index).padStart(5, '0')}`);
    const people = await repositories.rosters.createPeople(
      ids.map((id) => ({ loginId: id, displayName: `学生${id}`, email: null })),
    );
    expect(people.size).toBe(2500);
    await repositories.rosters.grantRole(collegeId, [...people.values()], 'student');
    const entry = (id: string, index: number): RosterEntryWrite => ({
      externalId: id,
      kind: 'student',
      personId: people.get(id.toLowerCase())!,
      name: `学生${id}`,
      gender: index % 2 === 0 ? 'male' : 'female',
      classId: classes.ids.get(`移动24${index % 3}`)!,
      departmentId: departments.get('信息学院')!,
      title: null,
      doubleQualified: null,
      phone: null,
      email: null,
    });
    await repositories.rosters.upsertEntries(collegeId, ids.map(entry), NOW);
    const stored = await repositories.rosters.entriesOf(collegeId, 'student');
    expect(stored).toHaveLength(2500);
    expect(stored[0]).toMatchObject({
      externalId: 'S00000',
      className: '移动240',
      specialtyCode: '510213',
      cohortYear: 2024,
    });
    expect((await repositories.rosters.listDepartments(collegeId))[0]).toMatchObject({ classes: 3, people: 2500 });

    // Case-insensitive sign-in numbers, with the holder's organisations.
    const holders = await repositories.rosters.loginIdHolders(['s00001', 'nobody']);
    expect(holders).toEqual([{ personId: people.get('s00001')!, loginId: 'S00001', organisationIds: [collegeId] }]);

    // The fingerprint moves with a change, and only with one.
    const before = await repositories.rosters.fingerprint(collegeId, 'student');
    expect(await repositories.rosters.fingerprint(collegeId, 'student')).toBe(before);
    expect(await repositories.rosters.markLeft(collegeId, 'student', ['S00002', 'S99999'], LATER)).toBe(1);
    expect(await repositories.rosters.fingerprint(collegeId, 'student')).not.toBe(before);
    const left = await repositories.rosters.listEntries(collegeId, { status: 'left', limit: 10, offset: 0 });
    expect(left.items.map((item) => item.externalId)).toEqual(['S00002']);
    // A returning student is active again.
    await repositories.rosters.upsertEntries(collegeId, [entry('S00002', 2)], LATER);
    expect((await repositories.rosters.listEntries(collegeId, { status: 'left', limit: 10, offset: 0 })).total).toBe(0);
    const cohorts = await repositories.rosters.cohorts(collegeId);
    expect(cohorts).toEqual([
      {
        cohortYear: 2024,
        specialtyCode: '510213',
        specialtyName: '移动应用开发',
        classes: 3,
        students: 2500,
        studentsLeft: 0,
      },
    ]);
  });

  it('pages a stored diff section inside the database', async () => {
    const entries = Array.from({ length: 120 }, (_, index) => ({
      externalId: `N${index}`,
      name: `新生${index}`,
      line: index + 2,
      changes: [],
    }));
    const importId = await repositories.rosters.createImport({
      organisationId: collegeId,
      kind: 'student',
      fileName: 'n.csv',
      createdBy: null,
      createdAt: NOW,
      diff: {
        new: entries,
        changed: [],
        unchanged: 0,
        left: [],
        returning: [],
        counts: { new: 120, changed: 0, unchanged: 0, left: 0, returning: 0, newClasses: 0, newDepartments: 0 },
        fingerprint: 'x',
      },
      fields: ['externalId', 'name'],
      rows: [],
    });
    const page = await repositories.rosters.importSection(importId, 'new', { limit: 5, offset: 100 });
    expect(page.total).toBe(120);
    expect(page.items).toEqual(entries.slice(100, 105));
    expect((await repositories.rosters.findImport(collegeId, importId))!.fingerprint).toBe('x');
    expect(await repositories.rosters.closeImport(importId, 'discarded', NOW)).toBe(true);
    expect(await repositories.rosters.closeImport(importId, 'applied', NOW)).toBe(false);
  });
});
