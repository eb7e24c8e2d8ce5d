import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/actor.js';
import type { CollegeCourse } from '../core/courses/college-course.js';
import { isDomainError } from '../core/errors/domain-error.js';
import { buildTestBundle } from '../interchange/test-bundle.js';
import { curatedCatalogueDir } from '../interchange/shared-data.js';
import type { DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase, testBackend } from '../storage/test-database.js';
import { buildPerson, createOrganisation, createPerson } from '../storage/test-factories.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import { importCourseList, listCollegeCourses } from './college-course-service.js';
import type { ServiceContext } from './service-context.js';
import { importTaxonomyBundle } from './taxonomy-import-service.js';
import { createCompetency, deriveDraft, patchCompetency, releaseVersion } from './taxonomy-service.js';
import { ensureCuratedCatalogue } from './taxonomy-source-import.js';

/**
 * Real concurrency against the real backend (PostgreSQL shows the races; PGlite, one connection, must give the
 * same answers): replace-all imports do not merge, a race on a unique value is a 409 with a code, and an edit
 * racing a release never lands in the released version.
 */
let database: DatabaseHandle;
let context: ServiceContext;
let actor: Actor;
/** Someone who edited nothing: nobody releases a version they edited. */
let releaser: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  context = { store: createStore(database.db), clock: () => new Date(), passwords: argon2PasswordHasher };
  await ensureCuratedCatalogue(context, curatedCatalogueDir());
  const person = await createPerson(context.store.repositories);
  actor = { personId: person.id, email: person.email ?? person.id, activeOrganisationId: null, memberships: [] };
  const other = await createPerson(context.store.repositories);
  releaser = { personId: other.id, email: other.email ?? other.id, activeOrganisationId: null, memberships: [] };
}, 240_000);
afterAll(async () => {
  await database?.close();
});

/** One file's course list: codes and sizes differ per file, so a merged result cannot pass for one file. */
function courseFile(file: number): CollegeCourse[] {
  return Array.from({ length: 8 + file }, (_, index) => ({
    code: `F${file}C${index}`,
    nameZh: index % 2 === 0 ? 'Java 程序设计' : '数据库应用',
    nameEn: null,
    credits: 3,
    hours: 48,
    description: 'Java 编程与 SQL 数据库',
    type: 'core',
    sourceFile: `list-${file}.csv`,
    sourceLine: index + 2,
  }));
}

/** Settles every promise; answers each one's DomainError code (or `ok`), anything else as `unexpected:…`. */
async function outcomes(work: Promise<unknown>[]): Promise<string[]> {
  return (await Promise.allSettled(work)).map((result) => {
    if (result.status === 'fulfilled') return 'ok';
    const error: unknown = result.reason;
    return isDomainError(error) ? error.code : `unexpected:${String(error)}`;
  });
}

describe(`concurrent writes on ${testBackend()}`, () => {
  it('ten parallel replace-all imports of a course list leave exactly one file’s list', async () => {
    const college = await createOrganisation(context.store.repositories, { kind: 'college' });
    const files = Array.from({ length: 10 }, (_, file) => courseFile(file));
    const results = await outcomes(
      files.map((courses, file) => importCourseList(context, actor.personId, college.id, courses, `list-${file}.csv`)),
    );
    expect(results.every((result) => result === 'ok' || result === 'CONCURRENT_WRITE')).toBe(true);
    const { items } = await listCollegeCourses(context, college.id);
    const sources = new Set(items.map((course) => course.sourceFile));
    expect(sources.size).toBe(1);
    const winner = Number(/list-(\d+)\.csv/.exec([...sources][0]!)![1]);
    expect(items.map((course) => course.code).sort()).toEqual(files[winner]!.map((course) => course.code).sort());
  });

  it('parallel creation of the same person is one success and 409 EMAIL_TAKEN for the rest', async () => {
    const person = buildPerson();
    const results = await outcomes(
      Array.from({ length: 6 }, () =>
        context.store.transaction((repositories) => repositories.people.create(person, new Date())),
      ),
    );
    expect(results.filter((result) => result === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result !== 'ok')).toEqual(Array(5).fill('EMAIL_TAKEN'));
  });

  it('parallel drafts with the same label are one success and 409 VERSION_LABEL_TAKEN for the rest', async () => {
    const bundle = buildTestBundle();
    bundle.framework = { ...bundle.framework, key: 'race-labels', label: '1.0' };
    const { versionId } = await importTaxonomyBundle(context, bundle, { released: true });
    const results = await outcomes(
      Array.from({ length: 6 }, () => deriveDraft(context, actor, versionId, { label: '1.1-draft', releaseNotes: '' })),
    );
    expect(results.filter((result) => result === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result !== 'ok')).toEqual(Array(5).fill('VERSION_LABEL_TAKEN'));
  });

  it('parallel creation of the same competency id in a draft is one success and 409 COMPETENCY_ID_TAKEN', async () => {
    const bundle = buildTestBundle();
    bundle.framework = { ...bundle.framework, key: 'race-ids', label: '1.0' };
    const { versionId } = await importTaxonomyBundle(context, bundle, { released: false });
    const results = await outcomes(
      Array.from({ length: 6 }, () =>
        createCompetency(context, actor, versionId, {
          id: 'race-new',
          type: 'skill',
          dimension: 'it',
          labelZh: '并发',
          labelEn: 'Race',
          aliasesZh: [],
          aliasesEn: [],
          descriptionZh: null,
          descriptionEn: null,
          escoUri: null,
          xStandardCode: null,
          broader: null,
          reason: 'test',
        }),
      ),
    );
    expect(results.filter((result) => result === 'ok')).toHaveLength(1);
    expect(results.filter((result) => result !== 'ok')).toEqual(Array(5).fill('COMPETENCY_ID_TAKEN'));
  });

  it('edits racing a release never land in the released version', async () => {
    const bundle = buildTestBundle();
    bundle.framework = { ...bundle.framework, key: 'race-release', label: '1.0' };
    const { versionId } = await importTaxonomyBundle(context, bundle, { released: false });
    const competencyId = bundle.competencies.find((competency) => !competency.isGroup)!.id;
    const edits = Array.from({ length: 8 }, (_, index) =>
      patchCompetency(context, actor, versionId, competencyId, { labelEn: `edit ${index}`, reason: 'race' }),
    );
    const release = releaseVersion(context, releaser, versionId, {});
    const results = await outcomes([release, ...edits]);
    expect(results[0]).toBe('ok');
    expect(results.slice(1).every((result) => result === 'ok' || result === 'VERSION_RELEASED')).toBe(true);
    // Whatever the interleaving, the released row is the one the release saw: every edit that succeeded committed
    // before the release, and its trail entry is older than the release's.
    const trail = await sql<{ action: string; entity: string; before: unknown; after: unknown }>`select action,
      entity, before, after from taxonomy_edits where version_id = ${versionId}
      order by occurred_at, action = 'release'`.execute(database.db);
    // Every edit in the trail is older than the release (ties sorted last for the release).
    const releaseIndex = trail.rows.findIndex((row) => row.action === 'release');
    expect(trail.rows.slice(releaseIndex + 1)).toEqual([]);
    const trailEdits = trail.rows.filter((row) => row.entity === 'competency');
    const succeeded = results.slice(1).filter((result) => result === 'ok').length;
    expect(trailEdits).toHaveLength(succeeded);
    // The edits form one chain (each saw the one before it: no lost update), and the stored row is its end.
    const labelOf = (snapshot: unknown) => (snapshot as { labelEn: string }).labelEn;
    let current = bundle.competencies.find((competency) => competency.id === competencyId)!.labelEn;
    for (let step = 0; step < trailEdits.length; step += 1) {
      const next = trailEdits.find((edit) => labelOf(edit.before) === current);
      expect(next).toBeDefined();
      current = labelOf(next!.after);
    }
    const stored = await sql<{ label_en: string }>`select label_en from competencies
      where version_id = ${versionId} and id = ${competencyId}`.execute(database.db);
    expect(stored.rows[0]!.label_en).toBe(current);
  });
});
