import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

interface Version {
  id: string;
  key: string;
  label: string;
  released: boolean;
  latest: boolean;
  counts: Record<string, number>;
}

let server: TestServer;
let curator: ApiClient;
let committee: ApiClient;
let student: ApiClient;
let curated: Version;

beforeAll(async () => {
  server = await startTestServer({ catalogue: true });
  curator = new ApiClient(server.baseUrl);
  await curator.login('curator@demo.zerodock.local');
  committee = new ApiClient(server.baseUrl);
  await committee.login('committee@demo.zerodock.local');
  student = new ApiClient(server.baseUrl);
  await student.login('student@demo.zerodock.local');
  const list = await student.request<{ items: Version[] }>('GET', '/api/frameworks');
  curated = list.body.items.find((version) => version.key === 'zerodock')!;
});
afterAll(async () => {
  await server?.close();
});

describe(`taxonomy API on ${testBackend()}`, () => {
  it('lists the curated catalogue as a released version with its counts', () => {
    expect(curated).toMatchObject({ released: true, latest: true });
    expect(curated.counts.competencies).toBeGreaterThanOrEqual(300);
    expect(curated.counts.posts).toBeGreaterThanOrEqual(18);
    expect(curated.counts.postRequirements).toBeGreaterThan(18 * 15);
  });

  it('searches labels and aliases in Chinese and English, fuzzily, and pages', async () => {
    const zh = await student.request<{ items: { id: string; matched: string }[]; total: number }>(
      'GET',
      `/api/frameworks/${curated.id}/competencies?q=${encodeURIComponent('自动化测试')}`,
    );
    expect(zh.status).toBe(200);
    expect(zh.body.items[0]).toMatchObject({ id: 'automated-testing' });
    const en = await student.request<{ items: { id: string }[] }>(
      'GET',
      `/api/frameworks/${curated.id}/competencies?q=selenium`,
    );
    expect(en.body.items.map((item) => item.id)).toContain('test-automation-frameworks');
    const typo = await student.request<{ items: { id: string }[] }>(
      'GET',
      `/api/frameworks/${curated.id}/competencies?q=automated%20testng`,
    );
    expect(typo.body.items[0]?.id).toBe('automated-testing');
    const page = await student.request<{ items: unknown[]; total: number }>(
      'GET',
      `/api/frameworks/${curated.id}/competencies?dimension=quality&limit=5&offset=5`,
    );
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThan(10);
  });

  it('shows a competency with its posts, and a post with requirements, scenes and references', async () => {
    const detail = await student.request<{ posts: { postId: string }[]; labelZh: string }>(
      'GET',
      `/api/frameworks/${curated.id}/competencies/automated-testing`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.posts.map((post) => post.postId)).toContain('ito-industrial-software-testing');
    const post = await student.request<{
      requirements: { dimension: string; essential: boolean }[];
      scenes: { tasksZh: string[] }[];
      references: { scheme: string; ref: string; titleEn: string | null }[];
      levels: unknown[];
    }>('GET', `/api/frameworks/${curated.id}/posts/ito-industrial-software-testing`);
    expect(post.status).toBe(200);
    expect(post.body.requirements.length).toBeGreaterThanOrEqual(15);
    expect(new Set(post.body.requirements.map((row) => row.dimension)).size).toBeGreaterThanOrEqual(3);
    expect(post.body.scenes[0]!.tasksZh.length).toBeGreaterThan(0);
    expect(post.body.references.some((ref) => ref.scheme === 'esco')).toBe(true);
    expect(post.body.levels).toHaveLength(5);
    const fuzzy = await student.request<{ items: { id: string }[] }>(
      'GET',
      `/api/frameworks/${curated.id}/posts?q=${encodeURIComponent('测试工程师')}`,
    );
    expect(fuzzy.body.items[0]?.id).toBe('ito-industrial-software-testing');
    const typo = await student.request<{ items: { id: string }[] }>(
      'GET',
      `/api/frameworks/${curated.id}/posts?q=warehose`,
    );
    expect(typo.body.items.map((item) => item.id)).toContain('bpo-logistics-warehouse-management');
    const missing = await student.request<{ error: { code: string } }>(
      'GET',
      `/api/frameworks/${curated.id}/posts/no-such-post`,
    );
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'POST_NOT_FOUND' } } });
  });

  it('refuses to edit a released version (409) and validates edits (400, nothing written)', async () => {
    const released = await curator.request<{ error: { code: string } }>(
      'PATCH',
      `/api/frameworks/${curated.id}/competencies/teamwork`,
      { labelZh: '协作', reason: '测试' },
    );
    expect(released).toMatchObject({ status: 409, body: { error: { code: 'VERSION_RELEASED' } } });
    const noReason = await curator.request('PATCH', `/api/frameworks/${curated.id}/competencies/teamwork`, {
      labelZh: '协作',
    });
    expect(noReason.status).toBe(400);
  });

  it('derives a draft, edits it, shows history, diffs it against the release, exports it, and releases it', async () => {
    const draft = await curator.request<Version>('POST', `/api/frameworks/${curated.id}/drafts`, { label: '2026.2' });
    expect(draft.status).toBe(200);
    const draftId = draft.body.id;
    expect(draft.body).toMatchObject({ released: false, latest: true });
    const taken = await curator.request<{ error: { code: string } }>('POST', `/api/frameworks/${curated.id}/drafts`, {
      label: '2026.2',
    });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'VERSION_LABEL_TAKEN' } } });

    const patched = await curator.request<{ labelZh: string; aliasesZh: string[] }>(
      'PATCH',
      `/api/frameworks/${draftId}/competencies/automated-testing`,
      { labelZh: '自动化测试与持续测试', aliasesZh: ['持续测试'], reason: '企业反馈：岗位要求持续测试' },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.labelZh).toBe('自动化测试与持续测试');
    const found = await student.request<{ items: { id: string }[] }>(
      'GET',
      `/api/frameworks/${draftId}/competencies?q=${encodeURIComponent('持续测试')}`,
    );
    expect(found.body.items[0]?.id).toBe('automated-testing');

    const created = await curator.request<{ id: string; broader: { id: string }[] }>(
      'POST',
      `/api/frameworks/${draftId}/competencies`,
      {
        id: 'digital-twin-testing',
        type: 'skill',
        dimension: 'sub-sector',
        labelZh: '数字孪生测试',
        labelEn: 'Digital twin testing',
        aliasesZh: ['孪生体验证'],
        broader: 'automated-testing',
        reason: '2026 年招聘需求新增',
      },
    );
    expect(created.status).toBe(200);
    expect(created.body.broader.map((ref) => ref.id)).toEqual(['automated-testing']);
    const duplicate = await curator.request<{ error: { code: string } }>(
      'POST',
      `/api/frameworks/${draftId}/competencies`,
      {
        id: 'digital-twin-testing',
        type: 'skill',
        dimension: null,
        labelZh: '重复',
        labelEn: 'Duplicate',
        reason: 'x',
      },
    );
    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'COMPETENCY_ID_TAKEN' } } });
    const badBroader = await curator.request<{ error: { code: string } }>(
      'POST',
      `/api/frameworks/${draftId}/competencies`,
      {
        id: 'orphan',
        type: 'skill',
        dimension: null,
        labelZh: '孤儿',
        labelEn: 'Orphan',
        broader: 'no-such',
        reason: 'x',
      },
    );
    expect(badBroader).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_REFERENCE' } } });

    const unknown = await curator.request<{ error: { code: string; details: { field: string } } }>(
      'PUT',
      `/api/frameworks/${draftId}/posts/ito-industrial-software-testing/requirements`,
      { requirements: [{ competencyId: 'no-such', essential: true, weight: 1, level: 3 }], reason: 'x' },
    );
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { code: 'UNKNOWN_REFERENCE', details: { field: 'requirements[0].competencyId' } } },
    });
    const before = await student.request<{
      requirements: { competencyId: string; essential: boolean; weight: number; level: number }[];
    }>('GET', `/api/frameworks/${draftId}/posts/ito-industrial-software-testing`);
    const requirements = before.body.requirements.map(({ competencyId, essential, weight, level }) => ({
      competencyId,
      essential,
      weight,
      level,
    }));
    requirements[0] = { ...requirements[0]!, weight: 0.8 };
    const put = await curator.request<{ requirements: unknown[] }>(
      'PUT',
      `/api/frameworks/${draftId}/posts/ito-industrial-software-testing/requirements`,
      { requirements: requirements.slice(0, -1), reason: '删减一项' },
    );
    expect(put.status).toBe(200);
    expect(put.body.requirements).toHaveLength(requirements.length - 1);

    const history = await student.request<{ items: { reason: string; personName: string }[] }>(
      'GET',
      `/api/frameworks/${draftId}/competencies/automated-testing/history`,
    );
    expect(history.body.items[0]).toMatchObject({ reason: '企业反馈：岗位要求持续测试' });

    const diff = await student.request<{
      counts: Record<string, number>;
      competencies: { items: { id: string }[] };
      posts: { id: string }[];
    }>('GET', `/api/frameworks/diff?from=${curated.id}&to=${draftId}&change=relabelled`);
    expect(diff.status).toBe(200);
    expect(diff.body.counts).toMatchObject({
      relabelled: 1,
      added: 1,
      removed: 0,
      postsChanged: 1,
      requirementsChanged: 2,
    });
    expect(diff.body.competencies.items.map((item) => item.id)).toEqual(['automated-testing']);

    const casePackage = await student.request<{ CFItems: unknown[]; CFDocument: { title: string } }>(
      'GET',
      `/api/frameworks/${draftId}/export?format=case`,
    );
    expect(casePackage.status).toBe(200);
    // One more than the release: the competency added to the draft above.
    expect(casePackage.body.CFItems.length).toBe(curated.counts.competencies! + curated.counts.competencyGroups! + 1);
    const xlsx = await fetch(`${server.baseUrl}/api/frameworks/${draftId}/export?format=xlsx`, {
      headers: { cookie: student.cookie! },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name).join(' ')).toMatch(/Competencies/);

    const ownRelease = await curator.request<{ error: { code: string } }>(
      'POST',
      `/api/frameworks/${draftId}/release`,
      {},
    );
    expect(ownRelease.status).toBe(403); // curators do not release
    const release = await committee.request<Version>('POST', `/api/frameworks/${draftId}/release`, {
      releaseNotes: '2026 年第二版',
    });
    expect(release.body).toMatchObject({ released: true });
    const again = await curator.request('PATCH', `/api/frameworks/${draftId}/competencies/automated-testing`, {
      labelZh: 'x',
      reason: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('imports an uploaded workbook as a draft, and refuses a wrong workbook with FILE:LINE:FIELD, writing nothing', async () => {
    const exported = await fetch(`${server.baseUrl}/api/frameworks/${curated.id}/export?format=xlsx`, {
      headers: { cookie: student.cookie! },
    });
    const upload = (body: Uint8Array<ArrayBuffer>, query: string) =>
      fetch(`${server.baseUrl}/api/frameworks/import?${query}`, {
        method: 'POST',
        headers: {
          cookie: curator.cookie!,
          'x-csrf-token': curator.csrfToken!,
          'content-type': 'application/octet-stream',
        },
        body: new Blob([body]),
      });
    const imported = await upload(
      new Uint8Array(await exported.arrayBuffer()),
      'format=xlsx&key=college-edit&label=v1&fileName=edited.xlsx',
    );
    expect(imported.status).toBe(200);
    const result = (await imported.json()) as { status: string; released: boolean; counts: Record<string, number> };
    expect(result).toMatchObject({ status: 'created', released: false });
    expect(result.counts.postRequirements).toBe(curated.counts.postRequirements);

    const before = (await student.request<{ items: unknown[] }>('GET', '/api/frameworks')).body.items.length;
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('Sheet1').addRow(['id', 'name']);
    const refused = await upload(new Uint8Array(await wrong.xlsx.writeBuffer()), 'format=xlsx&fileName=wrong.xlsx');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('IMPORT_FAILED');
    expect(body.error.message).toMatch(/^wrong\.xlsx:\d+:.*Competencies/);
    const garbage = await upload(new TextEncoder().encode('not a workbook'), 'format=xlsx');
    expect(garbage.status).toBe(400);
    expect((await student.request<{ items: unknown[] }>('GET', '/api/frameworks')).body.items.length).toBe(before);
    // Without the CSRF token the upload never reaches the parser.
    const forged = await fetch(`${server.baseUrl}/api/frameworks/import?format=xlsx`, {
      method: 'POST',
      headers: { cookie: curator.cookie!, 'content-type': 'application/octet-stream' },
      body: Buffer.from('x'),
    });
    expect(forged.status).toBe(403);
  });

  it('answers 404 for an unknown version and 400 for a malformed id', async () => {
    const unknown = await student.request<{ error: { code: string } }>(
      'GET',
      '/api/frameworks/00000000-0000-4000-8000-000000000000/posts',
    );
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'FRAMEWORK_NOT_FOUND' } } });
    expect((await student.request('GET', '/api/frameworks/not-a-uuid/posts')).status).toBe(400);
  });
  it('never lets the author of a draft release it (separation of duties), and records the attempt', async () => {
    const admin = new ApiClient(server.baseUrl);
    await admin.login('admin@demo.zerodock.local');
    const draft = await admin.request<Version>('POST', `/api/frameworks/${curated.id}/drafts`, { label: 'sod-1' });
    expect(draft.status).toBe(200);
    const own = await admin.request<{ error: { code: string } }>(
      'POST',
      `/api/frameworks/${draft.body.id}/release`,
      {},
    );
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('CONFLICT_OF_INTEREST');
    const refused = await server.services.store.repositories.auditEvents.list({
      action: 'access.denied',
      limit: 10,
      offset: 0,
    });
    expect(refused.items.some((event) => event.details.versionId === draft.body.id)).toBe(true);
    const byCommittee = await committee.request<Version>('POST', `/api/frameworks/${draft.body.id}/release`, {});
    expect(byCommittee.body).toMatchObject({ released: true });
  });
});
