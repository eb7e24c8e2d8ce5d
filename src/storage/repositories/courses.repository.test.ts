import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollegeCourse } from '../../core/courses/college-course.js';
import { courseIdentity } from '../../core/courses/course-identity.js';
import type { Course, CourseSystem } from '../../core/courses/course-system.js';
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

const platformCourse: Course = {
  id: 'P01',
  kind: 'platform',
  post: null,
  electiveKind: null,
  titleZh: '软件测试基础',
  titleEn: 'Software Testing Fundamentals',
  credits: 4,
  hours: 64,
  theoryHours: 26,
  practiceHours: 38,
  libraryCode: 'ST101',
  competencies: ['c1'],
  prerequisites: [],
  objectivesZh: ['掌握测试基础'],
  objectivesEn: ['Testing fundamentals'],
};

async function newCourseSystem(system: CourseSystem = { platform: [], modules: [], electives: [] }): Promise<string> {
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
    system,
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

  it('keeps a teacher’s course names under the course identity, across re-plans, until restored', async () => {
    const id = await newCourseSystem({ platform: [platformCourse], modules: [], electives: [] });
    const key = courseIdentity(platformCourse);
    await repositories.courseSystems.setTitleOverride(
      id,
      { courseKey: key, titleZh: '软件测试技术', titleEn: 'Software Testing', renamedBy: personId },
      NOW,
    );
    await repositories.courseSystems.setTitleOverride(
      id,
      { courseKey: key, titleZh: '软件测试技术基础', titleEn: 'Software Testing Basics', renamedBy: personId },
      NOW,
    );
    const found = await repositories.courseSystems.find(id);
    expect(found!.system.platform[0]).toMatchObject({
      titleZh: '软件测试技术基础',
      titleEn: 'Software Testing Basics',
    });
    expect(found!.renamedCourses).toEqual(['P01']);
    await repositories.courseSystems.updatePlan(id, { ...found!, semesters: 5, practical: [5] }, NOW);
    expect((await repositories.courseSystems.find(id))!.system.platform[0]!.titleZh).toBe('软件测试技术基础');
    expect(await repositories.courseSystems.titleOverrides(id)).toMatchObject([
      { courseKey: key, renamedBy: personId },
    ]);
    expect(await repositories.courseSystems.clearTitleOverride(id, key)).toBe(true);
    const restored = await repositories.courseSystems.find(id);
    expect(restored!.system.platform[0]!.titleZh).toBe('软件测试基础');
    expect(restored!.renamedCourses).toEqual([]);
    // Names go with their course system.
    await repositories.courseSystems.setTitleOverride(
      id,
      { courseKey: key, titleZh: '软件测试技术', titleEn: '', renamedBy: null },
      NOW,
    );
    await repositories.courseSystems.delete(id);
    expect(await repositories.courseSystems.titleOverrides(id)).toEqual([]);
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
    expect(approved.figures).toBeNull();
    // The figures a version prints are stored with it and read back as they were written.
    const figures = {
      semesters: 6,
      electiveCredits: 2,
      courses: [
        {
          id: 'GWSX',
          titleZh: '岗位实习',
          kind: 'internship' as const,
          credits: 24,
          hours: 576,
          theoryHours: 0,
          practiceHours: 576,
          semester: 5,
          weeks: 24,
        },
      ],
    };
    await repositories.trainingPlans.addVersion(planId, 2, approved.sections, '', personId, NOW, figures);
    expect((await repositories.trainingPlans.find(planId))!.versions[1]!.figures).toEqual(figures);
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
