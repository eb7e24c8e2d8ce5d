import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curatedCatalogueDir } from '../interchange/shared-data.js';
import type { DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase } from '../storage/test-database.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import { DEMO_COLLEGE } from './demo-groups.js';
import { readDemoDataset } from './demo-service.js';
import { loadFullDemo, type FullDemoOutcome } from './load-full-demo.js';
import type { ServiceContext } from './service-context.js';
import { collectStats } from './stats-service.js';

let database: DatabaseHandle;
let context: ServiceContext;
let outcome: FullDemoOutcome;
const phases: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  context = { store: createStore(database.db), clock: () => new Date(), passwords: argon2PasswordHasher };
  outcome = await loadFullDemo(
    context,
    { ...sourcesOf(), postings: 120 },
    { phase: (text) => phases.push(text), progress: () => undefined, done: () => undefined },
  );
}, 240_000);
afterAll(async () => {
  await database?.close();
});

describe('the full demo and the counts of every aggregate', () => {
  it('loads every part in phases a person can follow', () => {
    expect(phases).toHaveLength(6);
    expect(outcome).toMatchObject({ organisations: 9, people: 89, specialtyGroups: 2 });
    expect(outcome.catalogue?.posts).toBeGreaterThan(0);
    expect(outcome.postings?.stored).toBeGreaterThan(0);
    expect(outcome.courseSystem?.courses).toBeGreaterThan(0);
    expect(outcome.roster).toEqual({ students: 120, teachers: 15, classes: 4 });
  });

  it('leaves a draft yearly revision of the demo group between the first and the last year of postings', async () => {
    const repositories = context.store.repositories;
    const college = (await repositories.organisations.findByNameZh(DEMO_COLLEGE))!;
    const [system] = await repositories.courseSystems.list(college.id);
    const revisions = await repositories.revisions.listForGroup(college.id, system!.id);
    const years = (await repositories.demand.countsBy('year', {})).map((row) => Number(row.key)).sort();
    expect(revisions.map((revision) => [revision.beforeYear, revision.afterYear, revision.status])).toEqual([
      [years[0], years.at(-1), 'draft'],
    ]);
  });

  it('counts what was loaded, aggregate by aggregate', async () => {
    const stats = await collectStats(context.store.repositories);
    const demoCollege = outcome.courseSystem!;
    expect(stats).toMatchObject({
      organisations: 9,
      // The demo people, and the roster's (120 students and 15 teachers, the featured student and teacher among them).
      people: 89 + 120 + 15 - 2,
      frameworks: 1,
      frameworkVersions: 1,
      postingImports: 1,
      postings: outcome.postings!.stored,
      specialtyGroupProposals: 1,
      courseSystems: 1,
      courseLists: 1,
      collegeCourses: demoCollege.courseList,
      trainingPlans: 1,
      trainingPlanVersions: 1,
      revisions: 1,
      invitations: 0,
      demandDeclarations: 0,
      sessions: 0,
    });
    expect(stats.collegeSpecialties).toBeGreaterThan(0);
    expect(stats.memberships).toBeGreaterThanOrEqual(88);
    expect(stats.competencies).toBe(outcome.catalogue!.competencies);
    expect(stats.posts).toBe(outcome.catalogue!.posts);
    expect(stats.auditEvents).toBeGreaterThan(0);
  });

  it('refuses to load the organisations and people a second time, adding nothing', async () => {
    const before = await collectStats(context.store.repositories);
    await expect(loadFullDemo(context, { ...sourcesOf(), postings: 0 })).rejects.toThrow(/exists already/);
    expect(await collectStats(context.store.repositories)).toEqual(before);
  });
});

function sourcesOf() {
  return {
    dataset: readDemoDataset(fileURLToPath(new URL('../../data/demo/demo-dataset.json', import.meta.url))),
    catalogueDir: curatedCatalogueDir(),
    courseListFile: fileURLToPath(new URL('../../data/demo/demo-courses.csv', import.meta.url)),
  };
}
