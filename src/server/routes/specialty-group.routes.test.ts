import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MovePreviewDto, ProposalDetailDto, ProposalSummaryDto } from '../../contracts/groups.js';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

interface ErrorBody {
  error: { code: string; details: { field?: string } };
}

let server: TestServer;
const clients: Record<string, ApiClient> = {};
const organisations: Record<string, string> = {};

const SPECIALTIES: Record<
  string,
  { nameZh: string; posts: string[]; enrolment: number; employmentRate: number; employerRating: number }
> = {
  '510213': {
    nameZh: '移动应用开发',
    posts: ['ito-mobile-app-development', 'ito-industrial-software-development'],
    enrolment: 420,
    employmentRate: 0.97,
    employerRating: 4.7,
  },
  '510203': {
    nameZh: '软件技术（软件测试方向）',
    posts: ['ito-industrial-software-testing'],
    enrolment: 360,
    employmentRate: 0.95,
    employerRating: 4.5,
  },
  '510202': {
    nameZh: '计算机网络技术',
    posts: ['ito-cloud-operations', 'ito-information-system-operations'],
    enrolment: 300,
    employmentRate: 0.94,
    employerRating: 4.3,
  },
  '510209': {
    nameZh: '人工智能技术应用',
    posts: ['ito-ai-application'],
    enrolment: 180,
    employmentRate: 0.92,
    employerRating: 4.2,
  },
  '510212': {
    nameZh: '区块链技术应用',
    posts: ['ito-blockchain-application'],
    enrolment: 110,
    employmentRate: 0.9,
    employerRating: 4.0,
  },
};

async function login(persona: string): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  expect((await client.login(`${persona}@demo.zerodock.local`)).status).toBe(200);
  return client;
}

const college = (key = 'college-a') => `/api/organisations/${organisations[key]}`;
const COMMITTEE = '/api/committee/specialty-groups';

async function detailOf(id: string): Promise<ProposalDetailDto> {
  const response = await clients.director!.request<ProposalDetailDto>('GET', `${college()}/specialty-groups/${id}`);
  expect(response.status).toBe(200);
  return response.body;
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
    'college-b-admin',
    'committee',
    'officer',
    'kpo-admin',
    'expert',
    'admin',
  ]) {
    clients[persona] = await login(persona);
  }
  for (const [code, specialty] of Object.entries(SPECIALTIES)) {
    const response = await clients.director!.request('PUT', `${college()}/specialties/${code}`, specialty);
    expect(response.status).toBe(200);
  }
});
afterAll(async () => {
  await server?.close();
});

describe(`specialty-group proposals API on ${testBackend()}`, () => {
  let proposalId = '';

  it('groups the posts the college serves into a draft with explanations, heatmap and network', async () => {
    const created = await clients.director!.request<ProposalDetailDto>('POST', `${college()}/specialty-groups`, {
      titleZh: '测试方案',
    });
    expect(created.status).toBe(201);
    const detail = created.body;
    proposalId = detail.id;
    expect(detail).toMatchObject({ status: 'draft', method: 'consensus', automatic: true, posts: 7 });
    expect(detail.groups.flatMap((group) => group.posts.map((post) => post.id)).sort()).toEqual(
      Object.values(SPECIALTIES)
        .flatMap((specialty) => specialty.posts)
        .sort(),
    );
    expect(detail.heatmap.posts).toHaveLength(7);
    expect(detail.heatmap.values.every((row) => row.length === 7)).toBe(true);
    for (const group of detail.groups) {
      expect(group.rationale.zh.length).toBeGreaterThan(0);
      expect(group.rationale.zh.length).toBeLessThanOrEqual(800);
      expect(group.rationale.en.length).toBeGreaterThan(0);
    }
    const placed = detail.groups.flatMap((group) => group.specialties.map((specialty) => specialty.code));
    expect(placed.sort()).toEqual(Object.keys(SPECIALTIES).sort());
    expect(detail.events.map((event) => event.kind)).toEqual(['proposed']);

    const pair = await clients.teacher!.request<{ similarity: number; links: unknown[] }>(
      'GET',
      `${college()}/specialty-groups/${proposalId}/pair?a=ito-cloud-operations&b=ito-information-system-operations`,
    );
    expect(pair.status).toBe(200);
    expect(pair.body.links.length).toBeGreaterThan(0);

    const fixed = await clients.director!.request<ProposalDetailDto>('POST', `${college()}/specialty-groups`, {
      titleZh: '三组方案',
      k: 3,
      method: 'average',
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body.groups).toHaveLength(3);
  });

  it('previews a move, then records it with its reason and the quality before and after', async () => {
    const before = await detailOf(proposalId);
    const testing = 'ito-industrial-software-testing';
    const from = before.groups.find((group) => group.posts.some((post) => post.id === testing))!.id;
    const to = before.groups.find((group) => group.posts.some((post) => post.id === 'ito-mobile-app-development'))!.id;
    const move = { kind: 'post', item: testing, toGroup: from === to ? 'new' : to };
    const preview = await clients.director!.request<MovePreviewDto>(
      'POST',
      `${college()}/specialty-groups/${proposalId}/moves/preview`,
      move,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.qualityBefore).toBeCloseTo(before.quality, 6);
    expect((await detailOf(proposalId)).events).toHaveLength(1);

    const moved = await clients.director!.request<ProposalDetailDto>(
      'POST',
      `${college()}/specialty-groups/${proposalId}/moves`,
      { ...move, reason: '测试与开发共享接口测试课程' },
    );
    expect(moved.status).toBe(200);
    const event = moved.body.events.at(-1)!;
    expect(event).toMatchObject({
      kind: 'moved_post',
      item: testing,
      fromGroup: from,
      reason: '测试与开发共享接口测试课程',
    });
    expect(event.qualityBefore).toBeCloseTo(preview.body.qualityBefore, 6);
    expect(event.qualityAfter).toBeCloseTo(preview.body.qualityAfter, 6);
    expect(moved.body.quality).toBeCloseTo(preview.body.qualityAfter, 6);
  });

  it('refuses bad moves and bad proposals with a 4xx naming the field, writing nothing', async () => {
    const before = await detailOf(proposalId);
    const base = `${college()}/specialty-groups`;
    const cases: [string, string, unknown, number, string, string | undefined][] = [
      ['k above the posts', base, { titleZh: 'x', k: 50 }, 400, 'VALIDATION_FAILED', 'k'],
      ['unknown method', base, { titleZh: 'x', method: 'magic' }, 400, 'VALIDATION_FAILED', 'method'],
      ['extra field', base, { titleZh: 'x', secret: 1 }, 400, 'VALIDATION_FAILED', 'secret'],
      [
        'unknown group',
        `${base}/${proposalId}/moves`,
        { kind: 'post', item: 'ito-ai-application', toGroup: 'g99', reason: '理由充分' },
        400,
        'GROUP_NOT_FOUND',
        'toGroup',
      ],
      [
        'unknown post',
        `${base}/${proposalId}/moves`,
        { kind: 'post', item: 'nobody', toGroup: 'g1', reason: '理由充分' },
        400,
        'UNKNOWN_REFERENCE',
        'item',
      ],
      [
        'no reason',
        `${base}/${proposalId}/moves`,
        { kind: 'post', item: 'ito-ai-application', toGroup: 'new' },
        400,
        'VALIDATION_FAILED',
        'reason',
      ],
    ];
    for (const [label, url, body, status, code, field] of cases) {
      const response = await clients.director!.request<ErrorBody>('POST', url, body);
      expect({ label, status: response.status, code: response.body.error.code }).toEqual({ label, status, code });
      expect({ label, field: response.body.error.details.field }).toEqual({ label, field });
    }
    const after = await detailOf(proposalId);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.groups).toEqual(before.groups);
    const list = await clients.director!.request<{ items: ProposalSummaryDto[] }>('GET', base);
    expect(list.body.items.map((item) => item.titleZh).sort()).toEqual(['三组方案', '测试方案']);
  });

  it('keeps drafts and specialties to their college and away from the committee', async () => {
    const other = await clients['college-b-admin']!.request<ErrorBody>(
      'GET',
      `${college()}/specialty-groups/${proposalId}`,
    );
    expect([403, 404]).toContain(other.status);
    const wrongCollege = await clients['college-b-admin']!.request<ErrorBody>(
      'GET',
      `${college('college-b')}/specialty-groups/${proposalId}`,
    );
    expect(wrongCollege.status).toBe(404);
    expect(wrongCollege.body.error.code).toBe('PROPOSAL_NOT_FOUND');
    const draft = await clients.committee!.request<ErrorBody>('GET', `${COMMITTEE}/${proposalId}`);
    expect(draft.status).toBe(404);
    const teacherWrites = await clients.teacher!.request<ErrorBody>('POST', `${college()}/specialty-groups`, {
      titleZh: 'x',
    });
    expect(teacherWrites.status).toBe(403);
  });

  it('walks a proposal through submission, committee moves and comments, and approval; then nothing changes', async () => {
    const submitted = await clients.director!.request<ProposalDetailDto>(
      'POST',
      `${college()}/specialty-groups/${proposalId}/submit`,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const tooLate = await clients.director!.request<ErrorBody>(
      'POST',
      `${college()}/specialty-groups/${proposalId}/moves`,
      {
        kind: 'post',
        item: 'ito-ai-application',
        toGroup: 'new',
        reason: '学院再调整',
      },
    );
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error.code).toBe('PROPOSAL_NOT_EDITABLE');

    // The director sits on the committee, but never moves or decides on her own college's proposal (recorded).
    for (const [path, body] of [
      [`${COMMITTEE}/${proposalId}/votes`, { choice: 'approve', comment: '自己批准自己' }],
      [
        `${COMMITTEE}/${proposalId}/moves`,
        { kind: 'post', item: 'ito-ai-application', toGroup: 'new', reason: '自己调整' },
      ],
    ] as const) {
      const own = await clients.director!.request<ErrorBody>('POST', path, body);
      expect(own.status).toBe(403);
      expect(own.body.error.code).toBe('CONFLICT_OF_INTEREST');
    }
    const refusals = await server.services.store.repositories.auditEvents.list({
      action: 'access.denied',
      organisationId: organisations['college-a'],
      limit: 10,
      offset: 0,
    });
    expect(refusals.items.filter((event) => event.details.refused === 'CONFLICT_OF_INTEREST')).toHaveLength(2);

    const listed = await clients.committee!.request<{ items: ProposalSummaryDto[] }>('GET', COMMITTEE);
    expect(listed.body.items.map((item) => item.id)).toContain(proposalId);
    const crowded = submitted.body.groups.find((group) => group.posts.length > 1)!;
    const moved = await clients.officer!.request<ProposalDetailDto>('POST', `${COMMITTEE}/${proposalId}/moves`, {
      kind: 'post',
      item: crowded.posts.at(-1)!.id,
      toGroup: 'new',
      reason: '城市办建议单列',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.events.at(-1)).toMatchObject({ kind: 'moved_post', actorOrganisation: expect.any(String) });
    const commented = await clients.committee!.request<ProposalDetailDto>(
      'POST',
      `${COMMITTEE}/${proposalId}/comments`,
      {
        reason: '企业方同意',
      },
    );
    expect(commented.body.events.at(-1)).toMatchObject({ kind: 'commented', reason: '企业方同意' });
    const vote = (persona: string, choice: string, comment = '') =>
      clients[persona]!.request<ProposalDetailDto & ErrorBody>('POST', `${COMMITTEE}/${proposalId}/votes`, {
        choice,
        comment,
      });

    // Who may not vote: people without a seat (a teacher, a platform admin), a member of another committee.
    expect((await vote('teacher', 'approve')).status).toBe(403);
    expect((await vote('admin', 'approve')).status).toBe(403);
    const repositories = server.services.store.repositories;
    const otherCommittee = await repositories.organisations.create({
      kind: 'committee',
      nameZh: '另一委员会（测试）',
      nameEn: 'Another committee (test)',
      province: '江苏省',
      city: '苏州市',
      enterpriseType: null,
    });
    const outsider = (await repositories.people.findByEmail('college-b-admin@demo.zerodock.local'))!;
    await repositories.memberships.grant(outsider.id, otherCommittee.id, ['committee_member']);
    clients['college-b-admin'] = await login('college-b-admin');
    // With two committees the director chooses (by name); a submission that names none is refused, stating why.
    const choices = await clients.director!.request<{ items: { id: string; nameZh: string }[] }>(
      'GET',
      `${college()}/committee-choices`,
    );
    expect(choices.status).toBe(200);
    expect(choices.body.items.map((item) => item.id)).toContain(otherCommittee.id);
    const another = await clients.director!.request<ProposalDetailDto>('POST', `${college()}/specialty-groups`, {
      titleZh: '第二方案',
    });
    const unnamed = await clients.director!.request<ErrorBody>(
      'POST',
      `${college()}/specialty-groups/${another.body.id}/submit`,
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.code).toBe('COMMITTEE_REQUIRED');
    const unknown = await clients.director!.request<ErrorBody>(
      'POST',
      `${college()}/specialty-groups/${another.body.id}/submit`,
      { committeeId: '00000000-0000-4000-8000-000000000000' },
    );
    expect(unknown.status).toBe(404);
    const named = await clients.director!.request<ProposalDetailDto>(
      'POST',
      `${college()}/specialty-groups/${another.body.id}/submit`,
      { committeeId: otherCommittee.id },
    );
    expect(named.status).toBe(200);
    expect(named.body.review?.committee.id).toBe(otherCommittee.id);

    // A member of another committee does not even read what was put before this one.
    const foreign = await vote('college-b-admin', 'approve', '别的委员会');
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('PROPOSAL_NOT_FOUND');
    const foreignList = await clients['college-b-admin'].request<{ items: { id: string }[] }>(
      'GET',
      '/api/committee/specialty-groups',
    );
    expect(foreignList.status).toBe(200);
    expect(foreignList.body.items.map((item) => item.id)).not.toContain(proposalId);

    // One member's vote (however often cast) decides nothing: five seats, quorum three.
    const first = await vote('committee', 'approve', '组群逻辑清晰');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('submitted');
    expect(first.body.review).toMatchObject({ seats: 5, eligible: 4, quorum: 3, approve: 1, outcome: 'pending' });
    const twice = await vote('committee', 'approve', '再投一次');
    expect(twice.body.review).toMatchObject({ approve: 1, participating: 1, outcome: 'pending' });
    const changed = await vote('committee', 'reject', '改为反对');
    expect(changed.body.review).toMatchObject({ approve: 0, reject: 1, participating: 1, myVote: 'reject' });
    expect(changed.body.review!.votes.map((entry) => entry.current)).toEqual([false, false, true]);
    const second = await vote('officer', 'approve');
    expect(second.body.status).toBe('submitted');
    const third = await vote('kpo-admin', 'approve', '同意');
    expect(third.status).toBe(200);
    expect(third.body.status).toBe('approved');
    expect(third.body.review).toMatchObject({ approve: 2, reject: 1, quorumReached: true, outcome: 'approved' });
    expect(third.body.review!.mayVote).toBe(false);
    const late = await vote('expert', 'reject', '来晚了');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('VOTING_CLOSED');
    const audited = await repositories.auditEvents.list({ action: 'committee.vote_cast', limit: 20, offset: 0 });
    expect(audited.items.filter((event) => event.details.matterId === proposalId)).toHaveLength(5);
    const kinds = (await detailOf(proposalId)).events.map((event) => event.kind);
    expect(kinds).toEqual([
      'proposed',
      'moved_post',
      'submitted',
      'moved_post',
      'commented',
      'voted',
      'voted',
      'voted',
      'voted',
      'voted',
      'approved',
    ]);
  });
});
