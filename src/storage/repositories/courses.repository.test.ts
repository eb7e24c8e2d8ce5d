import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollegeCourse } from '../../core/courses/college-course.js';
import type { TrainingPlanSection } from '../../core/courses/training-plan.js';
import type { DatabaseHandle } from '../create-database.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation, createPerson } from '../test-factories.js';
import { createRepositories, createStore, type Repositories } from './create-repositories.js';

let database: DatabaseHandle;
let repositories: Repositories;
let versionId: string;
let collegeId: string;
let personId: string;

const NOW = new Date('2026-09-01T08:00:00Z');

const course = (code: string, description: string, line: number): CollegeCourse => ({
  code,
  nameZh: `课程${code}`,
  nameEn: null,
  credits: 3,
  hours: 48,
  description,
  type: 'core',
  sourceFile: 'list.csv',
  sourceLine: line,
});

const sections = (text: string): TrainingPlanSection[] => [
  { key: 'admission', titleZh: '入学要求', titleEn: 'Admission requirements', text, tables: [] },
];

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
  versionId = await repositories.frameworkVersions.create(
    { key: 'zerodock', label: '2026.1', titleZh: '测试框架', titleEn: 'Test', source: 'curated', releaseNotes: '' },
    { checksum: 'test', createdBy: null, derivedFrom: null, released: true, now: NOW },
  );
  collegeId = (await createOrganisation(repositories, { kind: 'college' })).id;
  personId = (await createPerson(repositories)).id;
});
afterAll(async () => {
  await database?.close();
});

async function newCourseSystem(): Promise<string> {
  return repositories.courseSystems.create({
    organisationId: collegeId,
    proposalId: null,
    builtFromStatus: 'approved',
    groupId: 'g1',
    titleZh: '测试课程体系',
    titleEn: 'Test course system',
    versionId,
    semesters: 6,
    maxCredits: 30,
    maxHours: null,
    practical: [6],
    posts: [{ id: 'p1', titleZh: '岗位', titleEn: 'Post', competencies: [{ id: 'c1', weight: 1, level: 3 }] }],
    specialties: [{ code: '510203', nameZh: '软件技术', nameEn: null }],
    system: { platform: [], modules: [], electives: [] },
    publicCourses: [],
    plan: {
      semesters: [[], [], [], [], [], []],
      credits: [0, 0, 0, 0, 0, 0],
      hours: [0, 0, 0, 0, 0, 0],
      method: 'heuristic',
      solver: null,
      status: 'heuristic',
      gap: null,
      busiest: 0,
      average: 0,
      binding: [],
      seconds: 0,
    },
    createdBy: personId,
    now: NOW,
  });
}

describe(`course repositories on ${testBackend()}`, () => {
  it('stores a course system whole and re-plans it', async () => {
    const id = await newCourseSystem();
    const found = await repositories.courseSystems.find(id);
    expect(found).toMatchObject({ practical: [6], posts: [{ id: 'p1' }], specialties: [{ code: '510203' }] });
    await repositories.courseSystems.updatePlan(
      id,
      { ...found!, semesters: 5, practical: [5], publicCourses: [], plan: { ...found!.plan, busiest: 12 } },
      new Date('2026-09-02T08:00:00Z'),
    );
    const again = await repositories.courseSystems.find(id);
    expect(again).toMatchObject({ semesters: 5, practical: [5], plan: { busiest: 12 } });
    expect((await repositories.courseSystems.list(collegeId)).map((item) => item.id)).toContain(id);
  });

  it('replaces a course list, keeping teacher decisions only where the course did not change', async () => {
    const store = createStore(database.db);
    const suggestion = (courseCode: string, competencyId: string) => ({
      courseCode,
      competencyId,
      score: 0.9,
      evidence: 'exact' as const,
      spans: [[0, 2]] as [number, number][],
    });
    await store.transaction((trx) =>
      trx.collegeCourses.replaceAll(
        collegeId,
        [course('A1', '软件测试', 2), course('A2', '接口测试', 3)],
        [suggestion('A1', 'testing'), suggestion('A2', 'api-testing')],
        personId,
        NOW,
      ),
    );
    await repositories.collegeCourses.decide(collegeId, 'A1', 'testing', 'confirmed', personId, NOW);
    await repositories.collegeCourses.decide(collegeId, 'A2', 'api-testing', 'rejected', personId, NOW);
    const { kept } = await store.transaction((trx) =>
      trx.collegeCourses.replaceAll(
        collegeId,
        [course('A1', '软件测试', 2), course('A2', '接口测试与性能测试', 3)],
        [suggestion('A1', 'testing'), suggestion('A2', 'api-testing')],
        personId,
        NOW,
      ),
    );
    expect(kept).toBe(1);
    const list = await repositories.collegeCourses.list(collegeId);
    expect(list.map((item) => [item.code, item.links.map((link) => link.status)])).toEqual([
      ['A1', ['confirmed']],
      ['A2', ['suggested']],
    ]);
  });

  it('rolls an import back whole when a row breaks a constraint', async () => {
    const store = createStore(database.db);
    await expect(
      store.transaction((trx) =>
        trx.collegeCourses.replaceAll(
          collegeId,
          [course('B1', '', 2), { ...course('B2', '', 3), credits: -1 }],
          [],
          personId,
          NOW,
        ),
      ),
    ).rejects.toThrow();
    expect((await repositories.collegeCourses.list(collegeId)).map((item) => item.code)).toEqual(['A1', 'A2']);
  });

  it('keeps an approved training-plan version immutable, at most one draft per plan', async () => {
    const systemId = await newCourseSystem();
    const planId = await repositories.trainingPlans.create(
      { organisationId: collegeId, courseSystemId: systemId, specialtyCode: '510203', titleZh: '方案' },
      sections('初稿'),
      personId,
      NOW,
    );
    const draft = (await repositories.trainingPlans.find(planId))!.versions[0]!;
    await expect(repositories.trainingPlans.addVersion(planId, 2, sections('x'), '', personId, NOW)).rejects.toThrow();
    await repositories.trainingPlans.updateDraft(draft.id, sections('修改稿'), '改', personId, NOW);
    await repositories.trainingPlans.approve(draft.id, personId, '审定人', NOW);
    await repositories.trainingPlans.updateDraft(draft.id, sections('审定后不应改变'), '', personId, NOW);
    await expect(
      sql`update training_plan_versions set sections = '[]'::jsonb where id = ${draft.id}`.execute(database.db),
    ).rejects.toThrow(/immutable/);
    const approved = (await repositories.trainingPlans.find(planId))!.versions[0]!;
    expect(approved).toMatchObject({ status: 'approved', approvedByName: '审定人', note: '改' });
    expect(approved.sections[0]!.text).toBe('修改稿');
    await repositories.trainingPlans.addVersion(planId, 2, approved.sections, '', personId, NOW);
    expect((await repositories.trainingPlans.find(planId))!.versions.map((v) => [v.number, v.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    // A removed person is forgotten on an approved version (the foreign key's on delete set null).
    const other = (await createPerson(repositories)).id;
    await repositories.trainingPlans.approve(
      (await repositories.trainingPlans.find(planId))!.versions[1]!.id,
      other,
      '另一位',
      NOW,
    );
    await sql`delete from people where id = ${other}`.execute(database.db);
    expect((await repositories.trainingPlans.find(planId))!.versions[1]).toMatchObject({
      approvedBy: null,
      approvedByName: '另一位',
    });
  });
});
