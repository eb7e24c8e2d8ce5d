import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors/domain-error.js';
import { buildTestBundle } from '../interchange/test-bundle.js';
import type { DatabaseHandle } from './create-database.js';
import type { Database } from './database-schema.js';
import { createRepositories, createStore, type Repositories } from './repositories/create-repositories.js';
import { openTestDatabase, testBackend } from './test-database.js';
import { createOrganisation } from './test-factories.js';

/**
 * The database's own guard of the lifecycle rules (migration 0008): whatever SQL a future writer sends, a
 * released framework version and an approved training plan version do not change. Refusals arrive as coded
 * DomainErrors (storage/database-errors.ts), like every other database refusal.
 */
let database: DatabaseHandle;
let db: Kysely<Database>;
let repositories: Repositories;
let released: string;
let draft: string;
const NOW = new Date('2026-09-01T08:00:00Z');
const CONTENT_TABLES = [
  'proficiency_levels',
  'competencies',
  'competency_relations',
  'reference_occupations',
  'occupation_competencies',
  'posts',
  'post_requirements',
  'specialties',
] as const;

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return isDomainError(error) ? error.code : `unexpected:${String(error)}`;
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  repositories = createRepositories(db);
  const bundle = buildTestBundle();
  const create = async (label: string) => {
    const id = await repositories.frameworkVersions.create(
      { ...bundle.framework, key: 'guarded', label },
      { checksum: label, createdBy: null, derivedFrom: null, released: false, now: NOW },
    );
    await repositories.frameworkVersions.insertContent(id, bundle);
    return id;
  };
  released = await create('1.0');
  await repositories.frameworkVersions.markReleased(released, NOW);
  draft = await create('1.1');
});
afterAll(async () => {
  await database?.close();
});

describe(`immutable rows on ${testBackend()}`, () => {
  it('refuses a direct SQL update, insert or delete of a released version’s content, for every content table', async () => {
    const competency = buildTestBundle().competencies[0]!.id;
    expect(
      await codeOf(
        sql`update competencies set label_en = 'changed' where version_id = ${released} and id = ${competency}`.execute(
          db,
        ),
      ),
    ).toBe('VERSION_RELEASED');
    expect(await codeOf(sql`delete from post_requirements where version_id = ${released}`.execute(db))).toBe(
      'VERSION_RELEASED',
    );
    for (const table of CONTENT_TABLES) {
      const rows = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} where version_id = ${released}`.execute(db);
      if (rows.rows[0]!.n === 0) continue;
      expect([
        table,
        await codeOf(
          sql`update ${sql.table(table)} set version_id = version_id where version_id = ${released}`.execute(db),
        ),
      ]).toEqual([table, 'VERSION_RELEASED']);
      expect([
        table,
        await codeOf(sql`delete from ${sql.table(table)} where version_id = ${released}`.execute(db)),
      ]).toEqual([table, 'VERSION_RELEASED']);
    }
    expect(
      await codeOf(
        sql`insert into proficiency_levels (version_id, level, name_zh, name_en, descriptor_zh, descriptor_en)
          values (${released}, 9, '九', 'nine', '', '')`.execute(db),
      ),
    ).toBe('VERSION_RELEASED');
    // Moving a row out of a released version is a change of it too.
    const empty = await repositories.frameworkVersions.create(
      { ...buildTestBundle().framework, key: 'guarded', label: 'empty' },
      { checksum: 'empty', createdBy: null, derivedFrom: null, released: false, now: NOW },
    );
    expect(
      await codeOf(sql`update proficiency_levels set version_id = ${empty} where version_id = ${released}`.execute(db)),
    ).toBe('VERSION_RELEASED');
    const counts = await repositories.frameworkVersions.counts(released);
    expect(counts.competencies).toBeGreaterThan(0);
    expect(counts.postRequirements).toBeGreaterThan(0);
  });

  it('refuses to change or delete the released version row itself, but lets a draft change and be released', async () => {
    expect(
      await codeOf(sql`update framework_versions set release_notes = 'x' where id = ${released}`.execute(db)),
    ).toBe('VERSION_RELEASED');
    expect(await codeOf(sql`update framework_versions set released = false where id = ${released}`.execute(db))).toBe(
      'VERSION_RELEASED',
    );
    expect(await codeOf(sql`delete from framework_versions where id = ${released}`.execute(db))).toBe(
      'VERSION_RELEASED',
    );
    expect(
      await codeOf(sql`update competencies set label_en = 'changed in draft' where version_id = ${draft}`.execute(db)),
    ).toBe('ok');
    await repositories.frameworkVersions.markReleased(draft, NOW);
    expect(
      await codeOf(sql`update competencies set label_en = 'after release' where version_id = ${draft}`.execute(db)),
    ).toBe('VERSION_RELEASED');
  });

  it('lets a whole draft be deleted with its content', async () => {
    const bundle = buildTestBundle();
    const id = await repositories.frameworkVersions.create(
      { ...bundle.framework, key: 'guarded', label: 'scratch' },
      { checksum: 'scratch', createdBy: null, derivedFrom: null, released: false, now: NOW },
    );
    await repositories.frameworkVersions.insertContent(id, bundle);
    expect(await codeOf(repositories.frameworkVersions.delete(id))).toBe('ok');
    expect((await repositories.frameworkVersions.counts(id)).competencies).toBe(0);
  });

  it('refuses changes to an approved training plan version, its deletion, and an approved insert', async () => {
    const college = await createOrganisation(repositories, { kind: 'college' });
    const system = await repositories.courseSystems.create({
      organisationId: college.id,
      proposalId: null,
      builtFromStatus: 'approved',
      groupId: 'g1',
      titleZh: '课程体系',
      titleEn: 'Course system',
      versionId: released,
      semesters: 6,
      maxCredits: 30,
      maxHours: null,
      practical: [],
      posts: [],
      specialties: [],
      system: { platform: [], modules: [], electives: [] },
      publicCourses: [],
      plan: { semesters: [], method: 'list', objective: 0, gap: null, warnings: [] },
      createdBy: null,
      now: NOW,
    } as unknown as Parameters<Repositories['courseSystems']['create']>[0]);
    const sections = [{ key: 'admission' as const, titleZh: '入学要求', titleEn: 'Admission', text: 'v1', tables: [] }];
    const planId = await repositories.trainingPlans.create(
      { organisationId: college.id, courseSystemId: system, specialtyCode: null, titleZh: '方案' },
      sections,
      null,
      NOW,
    );
    const [version] = (await repositories.trainingPlans.find(planId))!.versions;
    await repositories.trainingPlans.approve(version!.id, null, '审定人', NOW);
    expect(await codeOf(sql`update training_plan_versions set note = 'x' where id = ${version!.id}`.execute(db))).toBe(
      'PLAN_VERSION_NOT_EDITABLE',
    );
    expect(await codeOf(sql`delete from training_plan_versions where id = ${version!.id}`.execute(db))).toBe(
      'PLAN_VERSION_NOT_EDITABLE',
    );
    expect(
      await codeOf(
        sql`insert into training_plan_versions (plan_id, number, status, sections) values (${planId}, 2, 'approved', '[]')`.execute(
          db,
        ),
      ),
    ).toBe('PLAN_VERSION_NOT_EDITABLE');
    // The whole plan (or its college) may still go, taking its versions along.
    expect(await codeOf(sql`delete from training_plans where id = ${planId}`.execute(db))).toBe('ok');
  });

  it('maps a unique violation to a code naming the constraint, inside a transaction too', async () => {
    const store = createStore(db);
    const college = await createOrganisation(repositories, { kind: 'college' });
    const named = await store
      .transaction((transaction) => transaction.organisations.create({ ...college, nameEn: 'again' }))
      .catch((error: unknown) => error);
    expect(isDomainError(named) && [named.code, named.details.field]).toEqual(['ORGANISATION_NAME_TAKEN', 'nameZh']);
    const course = {
      organisation_id: college.id,
      code: 'C1',
      name_zh: '课程',
      credits: 2,
      hours: 32,
      type: 'core',
      description: '',
      imported_at: NOW,
    };
    const insert = () =>
      db
        .insertInto('college_courses')
        .values({ ...course, source_file: 'a.csv', source_line: 2 })
        .execute();
    await insert();
    const generic = await insert().catch((error: unknown) => error);
    expect(isDomainError(generic) && [generic.code, generic.details.constraint]).toEqual([
      'CONFLICT',
      'college_courses_pkey',
    ]);
    const nul = await db
      .insertInto('college_courses')
      .values({ ...course, code: 'C2', name_zh: 'a\u0000b', source_file: 'a.csv', source_line: 3 })
      .execute()
      .catch((error: unknown) => error);
    expect(isDomainError(nul) && nul.code).toBe('VALIDATION_FAILED');
  });
});
