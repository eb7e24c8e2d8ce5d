import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseSystemDetail, MyPathway, PathwayNoticeList } from '../../contracts/course-systems.js';
import type { ProposalDetailDto } from '../../contracts/groups.js';
import type { RevisionSummary, RevisionView } from '../../contracts/revisions-api.js';
import type { DemandCountIncrement } from '../../storage/repositories/demand.repository.js';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

interface ErrorBody {
  error: { code: string; message: string; details: { field?: string } };
}

let server: TestServer;
const clients: Record<string, ApiClient> = {};
const organisations: Record<string, string> = {};
const college = (key = 'college-a') => `/api/organisations/${organisations[key]}`;
let groupId = '';
const revisions = () => `${college()}/specialty-groups/${groupId}/revisions`;

const SPECIALTIES: Record<string, { nameZh: string; posts: string[] }> = {
  '510203': { nameZh: '软件技术（软件测试方向）', posts: ['ito-industrial-software-testing'] },
  '510202': { nameZh: '计算机网络技术', posts: ['ito-cloud-operations', 'ito-information-system-operations'] },
};

/**
 * Two years of stored demand for the group's posts: every post 200 postings a year; in the later year the first
 * requirement of each post is asked for far more often and the last far less; one post grows, and 100 postings
 * belong to no post of the group (they count only in the overall rows).
 */
async function seedDemand(posts: CourseSystemDetail['posts']): Promise<void> {
  const demand = server.services.store.repositories.demand;
  const importId = await demand.createImport({
    fileName: 'revision.jsonl',
    checksum: 'revision-routes',
    linkMode: 'exact',
    records: 1,
    dictionary: 'test',
    createdBy: null,
  });
  const counts: DemandCountIncrement[] = [];
  const add = (year: number, postId: string, key: string, postings: number) =>
    counts.push({ competencyKey: key, postId, province: '', year, postings });
  posts.forEach((post, index) => {
    const first = post.competencies[0]!.id;
    const last = post.competencies.at(-1)!.id;
    for (const [year, size, rising, falling] of [
      [2023, 200, 40, 150],
      [2024, index === 0 ? 260 : 200, 80, 100],
      [2025, index === 0 ? 320 : 200, 160, 20],
    ] as const) {
      add(year, post.id, '', size);
      add(year, post.id, `zerodock:${first}`, Math.round((rising * size) / 200));
      add(year, post.id, `zerodock:${last}`, Math.round((falling * size) / 200));
    }
  });
  for (const year of [2023, 2024, 2025]) add(year, 'other-post', '', 100);
  await demand.addCounts(importId, counts);
  // An enterprise declares it will hire for the first post: 5 in 2023, 12 in 2025 (shown beside, never tested).
  const enterprise = server.dataset.organisations.find((organisation) => organisation.kind === 'enterprise')!;
  const enterpriseId = (await server.services.store.repositories.organisations.findByNameZh(enterprise.nameZh))!.id;
  await server.services.store.repositories.declarations.insertMany(enterpriseId, null, [
    { postId: posts[0]!.id, headcount: 5, year: 2023, province: null, city: null, note: null },
    { postId: posts[0]!.id, headcount: 12, year: 2025, province: null, city: null, note: null },
  ]);
  await demand.completeImport(importId, 1, new Date());
}

beforeAll(async () => {
  server = await startTestServer({ catalogue: true });
  for (const organisation of server.dataset.organisations) {
    const found = await server.services.store.repositories.organisations.findByNameZh(organisation.nameZh);
    organisations[organisation.key] = found!.id;
  }
  for (const persona of [
    'director',
    'teacher',
    'student',
    'college-b-admin',
    'committee',
    'officer',
    'kpo-admin',
    'expert',
  ]) {
    const client = new ApiClient(server.baseUrl);
    expect((await client.login(`${persona}@demo.zerodock.local`)).status).toBe(200);
    clients[persona] = client;
  }
  for (const [code, specialty] of Object.entries(SPECIALTIES)) {
    expect((await clients.director!.request('PUT', `${college()}/specialties/${code}`, specialty)).status).toBe(200);
  }
  const proposal = await clients.director!.request<ProposalDetailDto>('POST', `${college()}/specialty-groups`, {
    titleZh: '动态调整测试方案',
    k: 1,
  });
  expect(proposal.status).toBe(201);
  const system = await clients.director!.request<CourseSystemDetail>('POST', `${college()}/course-systems`, {
    proposalId: proposal.body.id,
    groupId: proposal.body.groups[0]!.id,
    semesters: 6,
    maxCredits: 30,
    practical: [6],
    publicCourses: [],
  });
  expect(system.status).toBe(201);
  groupId = system.body.id;
  await seedDemand(system.body.posts);
});
afterAll(async () => {
  await server?.close();
});

describe(`revisions API on ${testBackend()}`, () => {
  let revision: RevisionView;

  it('refuses years without the group’s postings and bad bodies with stable codes', async () => {
    const empty = await clients.director!.request<ErrorBody>('POST', revisions(), {
      beforeYear: 2020,
      afterYear: 2025,
    });
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('REVISION_NO_DEMAND');
    expect(empty.body.error.details.field).toBe('beforeYear');
    for (const body of [
      { beforeYear: 2025, afterYear: 2024 },
      { beforeYear: 2025, afterYear: 2025 },
      { beforeYear: 2024 },
      { beforeYear: '2024', afterYear: 2025 },
      { beforeYear: 2024, afterYear: 2025, extra: true },
      { beforeYear: 1024, afterYear: 2025 },
    ]) {
      const bad = await clients.director!.request<ErrorBody>('POST', revisions(), body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknownGroup = await clients.director!.request<ErrorBody>(
      'POST',
      `${college()}/specialty-groups/${crypto.randomUUID()}/revisions`,
      { beforeYear: 2023, afterYear: 2025 },
    );
    expect(unknownGroup.status).toBe(404);
  });

  it('computes a revision: significant changes with yearly series, ranked named proposals, impact', async () => {
    const created = await clients.director!.request<RevisionView>('POST', revisions(), {
      beforeYear: 2023,
      afterYear: 2025,
    });
    expect(created.status).toBe(201);
    revision = created.body;
    expect(revision).toMatchObject({ groupId, beforeYear: 2023, afterYear: 2025, status: 'draft', decidedCount: 0 });
    // The director's dashboard: this year's revision of the group (a 2025 revision is this year's only in 2025).
    const year = new Date().getUTCFullYear();
    const dashboard = await clients.director!.request<{ revisionCalendar: unknown }>('GET', '/api/dashboard');
    expect(dashboard.body.revisionCalendar).toEqual({
      year,
      items: [
        expect.objectContaining(
          year === 2025
            ? { courseSystemId: groupId, state: 'draft', revisionId: revision.id }
            : { courseSystemId: groupId, state: 'none', revisionId: null },
        ),
      ],
    });
    expect(revision.postings.before).toBeGreaterThan(0);
    expect(revision.changes.length).toBeGreaterThan(0);
    for (const change of revision.changes) {
      expect(change.series.map((point) => point.year)).toEqual([2023, 2024, 2025]);
      expect(change.label.zh).not.toBe('');
    }
    const rising = revision.changes.find((change) => change.post !== null && change.direction === 'rising')!;
    expect(rising.series[0]!.share).toBeLessThan(rising.series[2]!.share);
    expect(revision.proposals.length).toBeGreaterThan(0);
    expect(revision.proposals.map((proposal) => proposal.rank)).toEqual(
      revision.proposals.map((_, index) => index + 1),
    );
    for (const proposal of revision.proposals) {
      expect(proposal.summary.zh).toMatch(/\p{Script=Han}/u);
      expect(proposal.decision).toBeNull();
    }
    expect(revision.proposals.some((proposal) => proposal.kind === 'enrolment-signal')).toBe(true);
    expect(revision.impact.posts).toBeGreaterThan(0);
    expect(revision.declared).toEqual([
      expect.objectContaining({ before: { headcount: 5, enterprises: 1 }, after: { headcount: 12, enterprises: 1 } }),
    ]);

    const second = await clients.director!.request<ErrorBody>('POST', revisions(), {
      beforeYear: 2024,
      afterYear: 2025,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('REVISION_OPEN');

    const listed = await clients.teacher!.request<{ items: RevisionSummary[] }>('GET', revisions());
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.id)).toEqual([revision.id]);
    const read = await clients.teacher!.request<RevisionView>('GET', `${college()}/revisions/${revision.id}`);
    expect(read.status).toBe(200);
    expect(read.body.proposals).toEqual(revision.proposals);
  });

  it('keeps other tenants out and lets only directors write', async () => {
    const otherTenant = await clients['college-b-admin']!.request<ErrorBody>(
      'GET',
      `${college('college-b')}/revisions/${revision.id}`,
    );
    expect(otherTenant.status).toBe(404);
    expect(otherTenant.body.error.code).toBe('REVISION_NOT_FOUND');
    const otherGroup = await clients['college-b-admin']!.request<ErrorBody>(
      'GET',
      `${college('college-b')}/specialty-groups/${groupId}/revisions`,
    );
    expect(otherGroup.status).toBe(404);
    const intruder = await clients['college-b-admin']!.request<ErrorBody>(
      'GET',
      `${college()}/revisions/${revision.id}`,
    );
    expect(intruder.status).toBe(403);
    const teacher = await clients.teacher!.request<ErrorBody>(
      'POST',
      `${college()}/revisions/${revision.id}/proposals/1/decision`,
      { decision: 'accepted' },
    );
    expect(teacher.status).toBe(403);
    const committee = await clients.committee!.request<ErrorBody>('GET', `${college()}/revisions/${revision.id}`);
    expect(committee.status).toBe(403);
  });

  it('takes decisions on a draft, submits once all are decided, withdraws, and opens the way for a new one', async () => {
    const base = `${college()}/revisions/${revision.id}`;
    const decide = (rank: number | string, body: unknown) =>
      clients.director!.request<RevisionView & ErrorBody>('POST', `${base}/proposals/${rank}/decision`, body);

    for (const [rank, body, status, code] of [
      [1, { decision: 'maybe' }, 400, 'VALIDATION_FAILED'],
      [1, { decision: 'amended', amendedWeight: 2 }, 400, 'VALIDATION_FAILED'],
      [1, { decision: 'accepted', amendedWeight: 0.5 }, 400, 'VALIDATION_FAILED'],
      [1, { decision: 'rejected' }, 400, 'VALIDATION_FAILED'],
      [1, { decision: 'accepted', by: 'me' }, 400, 'VALIDATION_FAILED'],
      ['x', { decision: 'accepted' }, 400, 'VALIDATION_FAILED'],
      [0, { decision: 'accepted' }, 400, 'VALIDATION_FAILED'],
      [9999, { decision: 'accepted' }, 404, 'REVISION_PROPOSAL_NOT_FOUND'],
    ] as const) {
      const response = await decide(rank, body);
      expect(response.status, JSON.stringify([rank, body])).toBe(status);
      expect(response.body.error.code).toBe(code);
    }

    const early = await clients.director!.request<ErrorBody>('POST', `${base}/submit`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('REVISION_UNDECIDED');

    const weighted = revision.proposals.find((p) => p.kind === 'weight-change' || p.kind === 'new-requirement');
    for (const proposal of revision.proposals) {
      const body =
        proposal === weighted
          ? { decision: 'amended', amendedWeight: 0.5, comment: '折中' }
          : proposal.rank % 2 === 0
            ? { decision: 'rejected', comment: '本年度不调整' }
            : { decision: 'accepted' };
      const response = await decide(proposal.rank, body);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
    const decided = await clients.director!.request<RevisionView>('GET', base);
    expect(decided.body.decidedCount).toBe(revision.proposals.length);
    if (weighted) {
      expect(decided.body.proposals.find((p) => p.rank === weighted.rank)!.decision).toMatchObject({
        decision: 'amended',
        amendedWeight: 0.5,
        comment: '折中',
      });
    }

    const submitted = await clients.director!.request<RevisionView>('POST', `${base}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.committeeId).toEqual(expect.any(String));
    expect(submitted.body.review).toMatchObject({ mayVote: false, whyNot: 'author' });
    const desk = await clients.committee!.request<{ items: RevisionSummary[] }>('GET', '/api/committee/revisions');
    expect(desk.body.items.map((item) => item.id)).toEqual([revision.id]);
    expect(desk.body.items[0]).toMatchObject({
      tally: { approve: 0, reject: 0, abstain: 0, participating: 0, outcome: 'pending' },
    });
    const late = await decide(1, { decision: 'accepted' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('REVISION_NOT_EDITABLE');

    const withdrawn = await clients.director!.request<RevisionView>('POST', `${base}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.review).toMatchObject({ outcome: 'withdrawn' });
    const again = await clients.director!.request<ErrorBody>('POST', `${base}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REVISION_NOT_EDITABLE');
    const closed = await clients.committee!.request<ErrorBody>(
      'POST',
      `/api/committee/revisions/${revision.id}/votes`,
      {
        choice: 'approve',
      },
    );
    expect(closed.status).toBe(409);

    const next = await clients.director!.request<RevisionView>('POST', revisions(), {
      beforeYear: 2024,
      afterYear: 2025,
    });
    expect(next.status).toBe(201);
    const listed = await clients.director!.request<{ items: RevisionSummary[] }>('GET', revisions());
    expect(listed.body.items.map((item) => item.status)).toEqual(['draft', 'withdrawn']);

    const audit = await server.services.store.repositories.auditEvents.list({ limit: 50, offset: 0 });
    const actions = audit.items.map((event: { action: string }) => event.action);
    for (const action of ['revision.created', 'revision.proposal_decided', 'revision.submitted', 'revision.withdrawn'])
      expect(actions).toContain(action);
  });

  it('puts a submitted revision before the committee, whose seated members decide it by vote', async () => {
    const listed = await clients.director!.request<{ items: RevisionSummary[] }>('GET', revisions());
    const draft = listed.body.items.find((item) => item.status === 'draft')!;
    const base = `${college()}/revisions/${draft.id}`;
    const view = await clients.director!.request<RevisionView>('GET', base);
    for (const proposal of view.body.proposals) {
      const decided = await clients.director!.request('POST', `${base}/proposals/${proposal.rank}/decision`, {
        decision: 'accepted',
      });
      expect(decided.status).toBe(200);
    }
    expect((await clients.director!.request('POST', `${base}/submit`, {})).status).toBe(200);
    const vote = (persona: string, choice: string) =>
      clients[persona]!.request<RevisionView & ErrorBody>('POST', `/api/committee/revisions/${draft.id}/votes`, {
        choice,
        comment: '同意调整',
      });
    expect((await vote('teacher', 'approve')).status).toBe(403);
    expect((await vote('director', 'approve')).status).toBe(403);
    const hidden = await clients.teacher!.request<ErrorBody>('GET', `/api/committee/revisions/${draft.id}`);
    expect(hidden.status).toBe(403);
    const first = await vote('committee', 'approve');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('submitted');
    expect(first.body.review).toMatchObject({ approve: 1, mayVote: true });
    let last = first;
    for (const persona of ['officer', 'kpo-admin']) {
      last = await vote(persona, 'approve');
      expect(last.status).toBe(200);
      if (last.body.status !== 'submitted') break;
    }
    expect(last.body.status).toBe('approved');
    expect(last.body.review).toMatchObject({ outcome: 'approved' });
    const late = await vote('expert', 'reject');
    expect(late.status).toBe(409);
    const seen = await clients.director!.request<RevisionView>('GET', base);
    expect(seen.body.status).toBe('approved');
    const fresh = await clients.director!.request('POST', revisions(), { beforeYear: 2023, afterYear: 2024 });
    expect(fresh.status).toBe(201);
  });

  it('applies an approved revision as a new course system version with its diff, once, and refuses a conflicting one', async () => {
    const listed = await clients.director!.request<{ items: RevisionSummary[] }>('GET', revisions());
    const approved = listed.body.items.find((item) => item.status === 'approved')!;
    const fresh = listed.body.items.find((item) => item.status === 'draft')!;
    const base = `${college()}/revisions/${approved.id}`;
    expect((await clients.teacher!.request('POST', `${base}/apply`, {})).status).toBe(403);
    expect((await clients['college-b-admin']!.request('POST', `${base}/apply`, {})).status).toBe(403);
    const notYet = await clients.director!.request<ErrorBody>('POST', `${college()}/revisions/${fresh.id}/apply`, {});
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('REVISION_NOT_APPROVED');

    // A student keeps a pathway on the version being revised (the first post, the planned courses); staff do not.
    const firstPost = (
      await clients.director!.request<CourseSystemDetail>('GET', `${college()}/course-systems/${groupId}`)
    ).body.posts[0]!.id;
    const myPathway = `${college()}/course-systems/${groupId}/my-pathway`;
    expect((await clients.teacher!.request('PUT', myPathway, { post: firstPost })).status).toBe(403);
    const savedPathway = await clients.student!.request<MyPathway>('PUT', myPathway, { post: firstPost });
    expect(savedPathway.status).toBe(200);
    expect(savedPathway.body.pathway!.chosen.length).toBeGreaterThan(0);
    expect(savedPathway.body.pathway!.notice).toBeNull();

    const plan = await clients.director!.request<{ id: string }>('POST', `${college()}/training-plans`, {
      courseSystemId: groupId,
      specialtyCode: null,
    });
    expect(plan.status).toBe(201);
    const applied = await clients.director!.request<RevisionView>('POST', `${base}/apply`, {});
    expect(applied.status).toBe(200);
    const result = applied.body.result!;
    // the group's training plan is carried to the new version as a new draft; the old one stays
    expect(result.trainingPlans).toHaveLength(1);
    expect(result.trainingPlans![0]!.id).not.toBe(plan.body.id);
    expect(result.courseSystemTitle.zh).toMatch(new RegExp(`（${approved.afterYear + 1} 年修订）$`));
    // every proposal was accepted: each is a line of the release notes
    expect(result.releaseNotes).toEqual(applied.body.proposals.map((proposal) => proposal.summary));
    // the rising first requirement of each post was raised or kept; the falling last one lowered or dropped
    expect(result.requirements.length).toBeGreaterThan(0);
    for (const row of result.requirements)
      expect(row.before === null || row.after === null || row.before !== row.after).toBe(true);
    expect(result.diff.creditsBefore).toBeGreaterThan(0);
    // The student's pathway was carried to the new version and re-checked against the new requirements.
    expect(result.pathways).toMatchObject({ checked: 1, carried: 1 });
    const carried = await clients.student!.request<MyPathway>(
      'GET',
      `${college()}/course-systems/${result.courseSystemId}/my-pathway`,
    );
    expect(carried.status).toBe(200);
    expect(carried.body.pathway).toMatchObject({ post: firstPost, carriedFrom: groupId });
    const notices = await clients.student!.request<PathwayNoticeList>('GET', `${college()}/my-pathway-notices`);
    expect(notices.status).toBe(200);
    expect(notices.body.items).toHaveLength(result.pathways!.affected);
    for (const item of notices.body.items) {
      expect(item.notice.missing.length).toBeGreaterThan(0);
      expect(item.notice.missing.every((entry) => entry.labelZh !== entry.id)).toBe(true);
    }
    // On this fixture the rising requirement (Ansible) is not taught by the courses the student chose: one notice,
    // naming it and the one course that covers it.
    expect(result.pathways!.affected).toBe(1);
    expect(result.pathways!.students[0]).toMatchObject({ post: firstPost, missing: 1, add: 1 });
    expect(notices.body.items[0]!.notice.add).toHaveLength(1);
    // A revision changes what courses teach, not the timetable: continuing courses keep their semesters.
    const moved = result.diff.changed.filter((entry) => entry.semesterBefore !== entry.semesterAfter);
    // 8 of 43 continuing courses move on this fixture (18 when the planner is not told where they were).
    expect(moved.length).toBeLessThanOrEqual(10);
    const newer = await clients.director!.request<CourseSystemDetail>(
      'GET',
      `${college()}/course-systems/${result.courseSystemId}`,
    );
    expect(newer.status).toBe(200);
    expect(newer.body.revisedBy).toMatchObject({
      revisionId: approved.id,
      previousId: groupId,
      beforeYear: approved.beforeYear,
      afterYear: approved.afterYear,
    });
    const older = await clients.director!.request<CourseSystemDetail>('GET', `${college()}/course-systems/${groupId}`);
    expect(older.body.supersededBy).toBe(result.courseSystemId);
    expect(older.body.revisedBy ?? null).toBeNull();

    const again = await clients.director!.request<ErrorBody>('POST', `${base}/apply`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REVISION_APPLIED');

    // The other revision of the same (old) version, approved later, would fork the group: refused, naming the newer one.
    const other = `${college()}/revisions/${fresh.id}`;
    const view = await clients.director!.request<RevisionView>('GET', other);
    for (const proposal of view.body.proposals) {
      await clients.director!.request('POST', `${other}/proposals/${proposal.rank}/decision`, { decision: 'accepted' });
    }
    expect((await clients.director!.request('POST', `${other}/submit`, {})).status).toBe(200);
    for (const persona of ['committee', 'officer', 'kpo-admin']) {
      const vote = await clients[persona]!.request<RevisionView>('POST', `/api/committee/revisions/${fresh.id}/votes`, {
        choice: 'approve',
        comment: '同意',
      });
      if (vote.body.status !== 'submitted') break;
    }
    const conflict = await clients.director!.request<ErrorBody & { error: { details: { courseSystemId: string } } }>(
      'POST',
      `${other}/apply`,
      {},
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('REVISION_CONFLICT');
    expect(conflict.body.error.details.courseSystemId).toBe(result.courseSystemId);
  });
});
