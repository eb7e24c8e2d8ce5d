import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../create-database.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createOrganisation, createPerson } from '../test-factories.js';
import type { CollegeSpecialtyValues } from './college-specialty.repository.js';
import { createRepositories, createStore, type Repositories } from './create-repositories.js';
import type { NewProposal, ProposalSpecialty } from './group-proposal.repository.js';

let database: DatabaseHandle;
let repositories: Repositories;
let versionId: string;

const NOW = new Date('2026-09-01T08:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
  versionId = await repositories.frameworkVersions.create(
    {
      key: 'zerodock',
      label: '2026.1',
      titleZh: '测试框架',
      titleEn: 'Test framework',
      source: 'curated',
      releaseNotes: '',
    },
    { checksum: 'test', createdBy: null, derivedFrom: null, released: true, now: NOW },
  );
});
afterAll(async () => {
  await database?.close();
});

function specialtyValues(overrides: Partial<CollegeSpecialtyValues> = {}): CollegeSpecialtyValues {
  return {
    nameZh: '移动应用开发',
    nameEn: 'Mobile Application Development',
    posts: ['mobile-app-developer', 'software-tester'],
    enrolment: 320,
    employmentRate: 0.96,
    employerRating: 4.6,
    ...overrides,
  };
}

function newProposal(organisationId: string, overrides: Partial<NewProposal> = {}): NewProposal {
  return {
    organisationId,
    titleZh: '2026 级专业群组建方案',
    titleEn: '2026 specialty groups',
    versionId,
    method: 'average',
    scope: 'served',
    k: 2,
    automatic: true,
    posts: [
      {
        id: 'mobile-app-developer',
        label: '移动应用开发工程师',
        competencies: [
          { id: 'c-android', weight: 1 },
          { id: 'c-api-testing', weight: 0.5 },
        ],
      },
      { id: 'software-tester', label: '软件测试工程师', competencies: [{ id: 'c-api-testing', weight: 1 }] },
      { id: 'network-engineer', label: '网络工程师', competencies: [{ id: 'c-routing', weight: 0.7 }] },
    ],
    demandPostings: 42,
    assignment: { 'mobile-app-developer': 'g1', 'software-tester': 'g1', 'network-engineer': 'g2' },
    lastGroup: 2,
    candidates: [
      { k: 2, silhouette: 0.41 },
      { k: 3, silhouette: 0.12 },
    ],
    quality: 0.41,
    createdBy: null,
    now: NOW,
    ...overrides,
  };
}

describe(`specialty-group repositories on ${testBackend()}`, () => {
  it('upserts, lists, finds and deletes a college’s specialties, never showing them to another organisation', async () => {
    const college = await createOrganisation(repositories);
    const other = await createOrganisation(repositories);
    const director = await createPerson(repositories);

    const created = await repositories.collegeSpecialties.upsert(
      college.id,
      '510201',
      specialtyValues({ nameZh: '软件技术', nameEn: 'Software Technology', posts: ['software-tester'] }),
      director.id,
      NOW,
    );
    expect(created).toMatchObject({
      organisationId: college.id,
      code: '510201',
      nameZh: '软件技术',
      posts: ['software-tester'],
      employmentRate: 0.96,
      employerRating: 4.6,
      updatedBy: director.id,
      updatedAt: NOW.toISOString(),
    });
    await repositories.collegeSpecialties.upsert(college.id, '510215', specialtyValues(), null, NOW);

    // An upsert replaces everything about the specialty, including clearing figures to null.
    const later = new Date('2026-09-02T08:00:00Z');
    const replaced = await repositories.collegeSpecialties.upsert(
      college.id,
      '510201',
      specialtyValues({
        nameZh: '软件技术',
        nameEn: null,
        posts: [],
        enrolment: null,
        employmentRate: null,
        employerRating: null,
      }),
      null,
      later,
    );
    expect(replaced).toMatchObject({
      nameEn: null,
      posts: [],
      enrolment: null,
      employmentRate: null,
      employerRating: null,
      updatedBy: null,
      updatedAt: later.toISOString(),
    });

    expect((await repositories.collegeSpecialties.list(college.id)).map((specialty) => specialty.code)).toEqual([
      '510201',
      '510215',
    ]);
    expect(await repositories.collegeSpecialties.find(college.id, '510215')).toMatchObject({
      nameZh: '移动应用开发',
      posts: ['mobile-app-developer', 'software-tester'],
      enrolment: 320,
    });

    expect(await repositories.collegeSpecialties.list(other.id)).toEqual([]);
    expect(await repositories.collegeSpecialties.find(other.id, '510215')).toBeNull();
    expect(await repositories.collegeSpecialties.delete(other.id, '510215')).toBe(false);
    // The other organisation can hold the same code without touching the first one.
    await repositories.collegeSpecialties.upsert(other.id, '510215', specialtyValues({ enrolment: 10 }), null, NOW);
    expect((await repositories.collegeSpecialties.find(college.id, '510215'))?.enrolment).toBe(320);

    expect(await repositories.collegeSpecialties.delete(college.id, '510215')).toBe(true);
    expect(await repositories.collegeSpecialties.delete(college.id, '510215')).toBe(false);
    expect((await repositories.collegeSpecialties.list(college.id)).map((specialty) => specialty.code)).toEqual([
      '510201',
    ]);
    expect(await repositories.collegeSpecialties.find(other.id, '510215')).not.toBeNull();
  });

  it('rejects a code that is not six digits, an employment rate above 1 and a rating above 5', async () => {
    const college = await createOrganisation(repositories);
    const upsert = (code: string, values: Partial<CollegeSpecialtyValues>) =>
      repositories.collegeSpecialties.upsert(college.id, code, specialtyValues(values), null, NOW);
    await expect(upsert('51021', {})).rejects.toThrow();
    await expect(upsert('51021x', {})).rejects.toThrow();
    await expect(upsert('510215', { employmentRate: 1.01 })).rejects.toThrow();
    await expect(upsert('510215', { employmentRate: -0.1 })).rejects.toThrow();
    await expect(upsert('510215', { employerRating: 5.5 })).rejects.toThrow();
    await expect(upsert('510215', { enrolment: -1 })).rejects.toThrow();
    expect(await repositories.collegeSpecialties.list(college.id)).toEqual([]);
    // The bounds themselves are allowed.
    await expect(upsert('510215', { employmentRate: 1, employerRating: 5, enrolment: 0 })).resolves.toMatchObject({
      employmentRate: 1,
      employerRating: 5,
      enrolment: 0,
    });
  });

  it('creates a proposal and reads its JSON back as it was written', async () => {
    const college = await createOrganisation(repositories);
    const director = await createPerson(repositories);
    const input = newProposal(college.id, { createdBy: director.id });
    const id = await repositories.groupProposals.create(input);

    const found = await repositories.groupProposals.find(id);
    expect(found).toMatchObject({
      id,
      organisationId: college.id,
      organisationName: college.nameZh,
      titleZh: input.titleZh,
      titleEn: input.titleEn,
      versionId,
      framework: 'zerodock@2026.1',
      method: 'average',
      scope: 'served',
      k: 2,
      automatic: true,
      status: 'draft',
      postCount: 3,
      groupCount: 2,
      proposedQuality: 0.41,
      quality: 0.41,
      createdBy: director.id,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      decidedAt: null,
      demandPostings: 42,
      lastGroup: 2,
      specialtyOverrides: {},
      groupNames: {},
      specialties: null,
    });
    expect(found?.posts).toEqual(input.posts);
    expect(found?.assignment).toEqual(input.assignment);
    expect(found?.proposedAssignment).toEqual(input.assignment);
    expect(found?.candidates).toEqual(input.candidates);

    expect(await repositories.groupProposals.find('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await repositories.groupProposals.findIdByTitle(college.id, input.titleZh)).toBe(id);
    expect(await repositories.groupProposals.findIdByTitle(college.id, '别的方案')).toBeNull();
  });

  it('lists proposals per organisation, newest first, and only the non-drafts for the committee', async () => {
    const college = await createOrganisation(repositories);
    const other = await createOrganisation(repositories);
    const older = await repositories.groupProposals.create(newProposal(college.id, { titleZh: '旧方案' }));
    const newer = await repositories.groupProposals.create(
      newProposal(college.id, { titleZh: '新方案', now: new Date('2026-09-05T08:00:00Z') }),
    );
    const foreign = await repositories.groupProposals.create(newProposal(other.id));
    await repositories.groupProposals.update(older, { status: 'submitted' }, new Date('2026-09-03T08:00:00Z'));

    const mine = await repositories.groupProposals.list({ organisationId: college.id });
    expect(mine.map((proposal) => proposal.id)).toEqual([newer, older]);
    expect(mine[0]).not.toHaveProperty('posts');
    expect(mine[0]).toMatchObject({ titleZh: '新方案', postCount: 3, groupCount: 2, status: 'draft' });

    const submittedMine = await repositories.groupProposals.list({ organisationId: college.id, submittedOnly: true });
    expect(submittedMine.map((proposal) => proposal.id)).toEqual([older]);

    const committee = (await repositories.groupProposals.list({ submittedOnly: true })).map((proposal) => proposal.id);
    expect(committee).toContain(older);
    expect(committee).not.toContain(newer);
    expect(committee).not.toContain(foreign);
    const all = (await repositories.groupProposals.list({})).map((proposal) => proposal.id);
    expect(all).toEqual(expect.arrayContaining([older, newer, foreign]));
  });

  it('updates only what it is given', async () => {
    const college = await createOrganisation(repositories);
    const id = await repositories.groupProposals.create(newProposal(college.id));
    const before = (await repositories.groupProposals.find(id))!;

    const moved = { ...before.assignment, 'network-engineer': 'g1' };
    const later = new Date('2026-09-02T08:00:00Z');
    await repositories.groupProposals.update(id, { assignment: moved, quality: 0.2 }, later);
    const afterMove = (await repositories.groupProposals.find(id))!;
    expect(afterMove).toEqual({
      ...before,
      assignment: moved,
      quality: 0.2,
      groupCount: 1,
      updatedAt: later.toISOString(),
    });
    expect(afterMove.proposedAssignment).toEqual(before.assignment);
    expect(afterMove.proposedQuality).toBe(0.41);

    const specialties: ProposalSpecialty[] = [
      {
        code: '510215',
        nameZh: '移动应用开发',
        nameEn: null,
        posts: ['mobile-app-developer'],
        enrolment: null,
        employmentRate: 0.9,
        employerRating: null,
      },
    ];
    const decided = new Date('2026-09-03T08:00:00Z');
    await repositories.groupProposals.update(
      id,
      {
        groupNames: { g1: { zh: '工业信息系统开发与运维专业群', en: 'Industrial Information Systems' } },
        specialtyOverrides: { '510215': 'g1' },
        lastGroup: 3,
        status: 'approved',
        specialties,
        decidedAt: decided,
      },
      decided,
    );
    const afterDecision = (await repositories.groupProposals.find(id))!;
    expect(afterDecision).toEqual({
      ...afterMove,
      groupNames: { g1: { zh: '工业信息系统开发与运维专业群', en: 'Industrial Information Systems' } },
      specialtyOverrides: { '510215': 'g1' },
      lastGroup: 3,
      status: 'approved',
      specialties,
      decidedAt: decided.toISOString(),
      updatedAt: decided.toISOString(),
    });
  });

  it('returns the trail in insertion order and refuses to change it', async () => {
    const college = await createOrganisation(repositories);
    const director = await createPerson(repositories, { displayName: '群主任 王磊' });
    const id = await repositories.groupProposals.create(newProposal(college.id));
    const base = {
      proposalId: id,
      actorPersonId: director.id,
      actorName: director.displayName,
      actorOrganisation: college.nameZh,
      item: null,
      fromGroup: null,
      toGroup: null,
      qualityBefore: null,
      qualityAfter: null,
      reason: '',
    };
    // Same timestamp on purpose: the order must come from insertion, not from the clock.
    await repositories.groupProposals.addEvent({ ...base, kind: 'proposed', qualityAfter: 0.41, now: NOW });
    await repositories.groupProposals.addEvent({
      ...base,
      kind: 'moved_post',
      item: 'network-engineer',
      fromGroup: 'g2',
      toGroup: 'g1',
      qualityBefore: 0.41,
      qualityAfter: 0.2,
      reason: '网络运维与系统开发共享部署与运维能力',
      now: NOW,
    });
    await repositories.groupProposals.addEvent({ ...base, kind: 'renamed', toGroup: 'g1', now: NOW });
    await repositories.groupProposals.addEvent({ ...base, kind: 'submitted', now: NOW });

    const events = await repositories.groupProposals.events(id);
    expect(events.map((event) => event.kind)).toEqual(['proposed', 'moved_post', 'renamed', 'submitted']);
    expect(events[1]).toEqual({
      ...base,
      id: expect.any(String),
      kind: 'moved_post',
      item: 'network-engineer',
      fromGroup: 'g2',
      toGroup: 'g1',
      qualityBefore: 0.41,
      qualityAfter: 0.2,
      reason: '网络运维与系统开发共享部署与运维能力',
      createdAt: NOW.toISOString(),
    });
    expect(await repositories.groupProposals.events('00000000-0000-0000-0000-000000000000')).toEqual([]);

    await expect(
      sql`update group_proposal_events set reason = 'rewritten' where proposal_id = ${id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`update group_proposal_events set kind = 'approved' where proposal_id = ${id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    expect((await repositories.groupProposals.events(id)).map((event) => event.reason)).toEqual(
      events.map((event) => event.reason),
    );
    // A bad kind is refused by the schema.
    await expect(
      repositories.groupProposals.addEvent({ ...base, kind: 'deleted' as 'proposed', now: NOW }),
    ).rejects.toThrow();
  });

  it('removes specialties, proposals and their trail with the organisation', async () => {
    const college = await createOrganisation(repositories);
    const director = await createPerson(repositories);
    await repositories.collegeSpecialties.upsert(college.id, '510215', specialtyValues(), director.id, NOW);
    const id = await repositories.groupProposals.create(newProposal(college.id, { createdBy: director.id }));
    await repositories.groupProposals.addEvent({
      proposalId: id,
      kind: 'proposed',
      actorPersonId: director.id,
      actorName: director.displayName,
      actorOrganisation: college.nameZh,
      reason: '',
      item: null,
      fromGroup: null,
      toGroup: null,
      qualityBefore: null,
      qualityAfter: 0.41,
      now: NOW,
    });

    // Removing the person keeps the records and forgets who made them.
    await sql`delete from people where id = ${director.id}`.execute(database.db);
    expect((await repositories.collegeSpecialties.find(college.id, '510215'))?.updatedBy).toBeNull();
    expect((await repositories.groupProposals.find(id))?.createdBy).toBeNull();
    expect((await repositories.groupProposals.events(id))[0]).toMatchObject({
      actorPersonId: null,
      actorName: director.displayName,
    });

    await sql`delete from organisations where id = ${college.id}`.execute(database.db);
    expect(await repositories.collegeSpecialties.list(college.id)).toEqual([]);
    expect(await repositories.groupProposals.find(id)).toBeNull();
    expect(await repositories.groupProposals.events(id)).toEqual([]);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from group_proposal_events where proposal_id = ${id}`.execute(database.db);
    expect(left.rows[0]?.n).toBe(0);
  });

  it('locks a proposal inside a transaction, so a concurrent edit waits for the commit', async () => {
    const college = await createOrganisation(repositories);
    const id = await repositories.groupProposals.create(newProposal(college.id));
    const store = createStore(database.db);

    expect(
      await store.transaction((transaction) => transaction.groupProposals.lock('00000000-0000-0000-0000-000000000000')),
    ).toBe(false);

    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const first = store.transaction(async (transaction) => {
      expect(await transaction.groupProposals.lock(id)).toBe(true);
      locked();
      await gate;
      await transaction.groupProposals.update(id, { quality: 0.3 }, new Date('2026-09-02T08:00:00Z'));
      order.push('first');
    });
    await lockTaken;
    const second = store.transaction(async (transaction) => {
      expect(await transaction.groupProposals.lock(id)).toBe(true);
      // Reads after the lock see the first transaction's committed write.
      const seen = await transaction.groupProposals.find(id);
      order.push(`second saw ${seen?.quality}`);
      await transaction.groupProposals.update(id, { quality: (seen?.quality ?? 0) + 0.1 }, new Date());
    });
    setTimeout(release, 50);
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second saw 0.3']);
    expect((await repositories.groupProposals.find(id))?.quality).toBeCloseTo(0.4);
  });
});
