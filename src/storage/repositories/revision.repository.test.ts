import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors/domain-error.js';
import type { DatabaseHandle } from '../create-database.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation, createPerson } from '../test-factories.js';
import { createRepositories, type Repositories } from './create-repositories.js';
import type { NewRevision } from './revision.repository.js';

let database: DatabaseHandle;
let repositories: Repositories;
let collegeId: string;
let personId: string;
let courseSystemId: string;

const NOW = new Date('2026-09-01T08:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
  const versionId = await repositories.frameworkVersions.create(
    { key: 'zerodock', label: '2026.1', titleZh: '测试框架', titleEn: 'Test', source: 'curated', releaseNotes: '' },
    { checksum: 'test', createdBy: null, derivedFrom: null, released: true, now: NOW },
  );
  collegeId = (await createOrganisation(repositories, { kind: 'college' })).id;
  personId = (await createPerson(repositories)).id;
  courseSystemId = await repositories.courseSystems.create({
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
    specialties: [],
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
});
afterAll(async () => {
  await database?.close();
});

const revision = (): NewRevision => ({
  organisationId: collegeId,
  courseSystemId,
  proposalId: null,
  groupKey: 'g1',
  groupName: { zh: '测试专业群', en: 'Test group' },
  beforeYear: 2024,
  afterYear: 2025,
  tested: 12,
  postings: { before: 300, after: 320 },
  changes: [{ competency: 'c1' }],
  proposals: [{ rank: 1 }, { rank: 2 }],
  createdBy: personId,
  createdByName: '测试人',
  now: NOW,
});

describe(`revision repository on ${testBackend()}`, () => {
  it('stores a revision whole, its decisions per rank (a later one replaces), and its status', async () => {
    const id = await repositories.revisions.create(revision());
    const found = await repositories.revisions.find(id);
    expect(found).toMatchObject({
      id,
      courseSystemId,
      groupName: { zh: '测试专业群', en: 'Test group' },
      status: 'draft',
      postings: { before: 300, after: 320 },
      changes: [{ competency: 'c1' }],
      proposals: [{ rank: 1 }, { rank: 2 }],
      changeCount: 1,
      proposalCount: 2,
      decidedCount: 0,
      decisions: [],
    });
    const decision = { comment: '', amendedWeight: null, decidedBy: personId, decidedByName: '测试人' };
    await repositories.revisions.decide(id, { rank: 2, decision: 'accepted', ...decision }, NOW);
    await repositories.revisions.decide(id, { rank: 2, decision: 'amended', ...decision, amendedWeight: 0.4 }, NOW);
    await repositories.revisions.decide(id, { rank: 1, decision: 'rejected', ...decision, comment: '不需要' }, NOW);
    const decided = await repositories.revisions.find(id);
    expect(decided!.decisions.map((d) => [d.rank, d.decision, d.amendedWeight, d.comment])).toEqual([
      [1, 'rejected', null, '不需要'],
      [2, 'amended', 0.4, ''],
    ]);
    expect(decided!.decidedCount).toBe(2);
    expect((await repositories.revisions.findOpen(courseSystemId))?.id).toBe(id);
    const committeeId = (await createOrganisation(repositories, { kind: 'committee' })).id;
    await repositories.revisions.submit(id, committeeId, NOW);
    expect(await repositories.revisions.find(id)).toMatchObject({
      status: 'submitted',
      committeeId,
      submittedAt: NOW.toISOString(),
    });
    expect((await repositories.revisions.listReviewed()).map((r) => r.id)).toEqual([id]);
    await repositories.revisions.setStatus(id, 'withdrawn', NOW);
    expect(await repositories.revisions.findOpen(courseSystemId)).toBeNull();
    expect((await repositories.revisions.listForGroup(collegeId, courseSystemId)).map((r) => r.status)).toEqual([
      'withdrawn',
    ]);
  });

  it('refuses a second open revision of a group, and an earlier year after the later one', async () => {
    const open = await repositories.revisions.create(revision());
    const second = await repositories.revisions.create(revision()).then(
      () => null,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(DomainError);
    expect((second as DomainError).code).toBe('CONFLICT');
    await repositories.revisions.setStatus(open, 'withdrawn', NOW);
    const backwards = await repositories.revisions.create({ ...revision(), beforeYear: 2025, afterYear: 2024 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(backwards).toBeInstanceOf(DomainError);
  });

  it('counts postings per year, post and competency key, and over all postings', async () => {
    const importId = await repositories.demand.createImport({
      fileName: 'postings.jsonl',
      checksum: 'revision-counts',
      linkMode: 'exact',
      records: 10,
      dictionary: 'test',
      createdBy: null,
    });
    await repositories.demand.addCounts(importId, [
      { competencyKey: '', postId: 'p1', province: '', year: 2024, postings: 4 },
      { competencyKey: 'zerodock:c1', postId: 'p1', province: '', year: 2024, postings: 3 },
      { competencyKey: 'esco:x', postId: 'p1', province: '', year: 2024, postings: 2 },
      { competencyKey: '', postId: 'p2', province: '', year: 2024, postings: 5 },
      { competencyKey: 'zerodock:c1', postId: 'p2', province: '', year: 2024, postings: 1 },
      { competencyKey: '', postId: '', province: '', year: 2026, postings: 7 },
    ]);
    await repositories.demand.completeImport(importId, 10, NOW);
    const rows = await repositories.demand.yearlyPostCounts(['p1'], { from: 2024, to: 2025 }, 'zerodock:');
    const sorted = rows.map((row) => [row.year, row.postId, row.key, row.count]).sort();
    expect(sorted).toEqual(
      [
        [2024, 'p1', '', 4],
        [2024, 'p1', 'zerodock:c1', 3],
        [2024, '', '', 9],
        [2024, '', 'zerodock:c1', 4],
      ].sort(),
    );
  });
});
