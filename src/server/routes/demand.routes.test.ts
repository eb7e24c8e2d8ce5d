import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

let server: TestServer;
let officer: ApiClient;
let student: ApiClient;
let enterpriseAdmin: ApiClient;
let itoAdmin: ApiClient;

const POSTINGS_CSV = [
  'id,title,text,enterprise,province,city,date',
  'a1,软件测试工程师,"负责功能测试与自动化测试，使用Selenium编写测试脚本，提交缺陷报告。",无锡测试科技有限公司,江苏省,无锡市,2024-05-01',
  'a2,Software Test Engineer,"<p>Write <b>automated tests</b> with Selenium and keep defect reports up to date.</p>",Wuxi QA Ltd,江苏省,无锡市,2025-02-11',
  'a3,运维工程师,"岗位职责：负责信息系统日常运维与监控，熟悉Linux与网络配置。\n福利待遇：五险一金，周末双休，年终奖",苏州运维服务有限公司,江苏省,苏州市,2025-06-30',
].join('\n');

function upload(client: ApiClient, path: string, body: Uint8Array | string) {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      cookie: client.cookie!,
      'x-csrf-token': client.csrfToken!,
      'content-type': 'application/octet-stream',
    },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
}

async function organisationIdOf(client: ApiClient): Promise<string> {
  const session = await client.request<{ activeOrganisationId: string }>('GET', '/api/auth/session');
  return session.body.activeOrganisationId;
}

beforeAll(async () => {
  server = await startTestServer({ catalogue: true });
  officer = new ApiClient(server.baseUrl);
  await officer.login('officer@demo.zerodock.local');
  student = new ApiClient(server.baseUrl);
  await student.login('student@demo.zerodock.local');
  enterpriseAdmin = new ApiClient(server.baseUrl);
  await enterpriseAdmin.login('enterprise-admin@demo.zerodock.local');
  itoAdmin = new ApiClient(server.baseUrl);
  await itoAdmin.login('ito-admin@demo.zerodock.local');
});
afterAll(async () => {
  await server?.close();
});

describe(`demand API on ${testBackend()}`, () => {
  it('links any text with spans and guesses the post', async () => {
    const text = '软件测试工程师\n使用Selenium进行自动化测试';
    const response = await student.request<{
      competencies: { key: string; evidence: string; spans: [number, number][] }[];
      post: { postId: string } | null;
    }>('POST', '/api/demand/link', { text, mode: 'exact' });
    expect(response.status).toBe(200);
    const selenium = response.body.competencies.find((item) => item.key === 'zerodock:test-automation-frameworks');
    expect(selenium).toBeDefined();
    expect(text.slice(...selenium!.spans[0]!)).toBe('Selenium');
    expect(response.body.post?.postId).toBe('ito-industrial-software-testing');
    expect(selenium).toMatchObject({ linked: true });

    // A benefits line asks for nothing: whatever is ranked, nothing is linked as demand.
    const perks = await student.request<{ competencies: { key: string; linked: boolean }[] }>(
      'POST',
      '/api/demand/link',
      { text: '福利待遇：五险一金，带薪年假，包吃住，年终奖', mode: 'full' },
    );
    expect(perks.status).toBe(200);
    expect(perks.body.competencies.filter((item) => item.linked)).toEqual([]);
  });

  it('imports an uploaded CSV, lists and explains its postings, and aggregates them', async () => {
    const forbidden = await upload(student, '/api/demand/imports?fileName=jobs.csv', POSTINGS_CSV);
    expect(forbidden.status).toBe(403);
    const response = await upload(officer, '/api/demand/imports?fileName=jobs.csv', POSTINGS_CSV);
    expect(response.status).toBe(200);
    const created = (await response.json()) as { id: string; status: string; stored: number };
    expect(created).toMatchObject({ status: 'complete', stored: 3 });

    const page = await student.request<{ items: { id: string; title: string }[]; total: number }>(
      'GET',
      '/api/demand/postings?limit=2',
    );
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const english = (await student.request<{ items: { id: string }[] }>('GET', '/api/demand/postings?q=Software')).body
      .items[0]!;
    const detail = await student.request<{
      text: string;
      linkedText: string;
      competencies: { spans: [number, number][] }[];
    }>('GET', `/api/demand/postings/${english.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.text).not.toContain('<b>');
    expect(detail.body.text).toContain('automated tests');
    for (const competency of detail.body.competencies) {
      for (const [, end] of competency.spans) expect(end).toBeLessThanOrEqual(detail.body.linkedText.length);
    }

    const overview = await student.request<{
      postings: number;
      enterprises: number;
      topCompetencies: { key: string }[];
    }>('GET', '/api/demand/overview');
    expect(overview.body).toMatchObject({ postings: 3, enterprises: 3 });
    // The benefits section of a3 is not demand: 五险一金 never becomes 社保公积金政策.
    const keys = overview.body.topCompetencies.map((row) => row.key);
    expect(keys).toContain('zerodock:linux-administration');
    expect(keys).not.toContain('zerodock:social-insurance-housing-fund');
    const trends = await student.request<{ years: number[] }>('GET', '/api/demand/trends?minPostings=1');
    expect(trends.status).toBe(200);
    expect(trends.body.years).toEqual([2024, 2025]);
    const profile = await student.request<{ years: { postings: number }[] }>(
      'GET',
      '/api/demand/posts/ito-industrial-software-testing',
    );
    expect(profile.status).toBe(200);
    const unknownPost = await student.request<{ error: { code: string } }>('GET', '/api/demand/posts/no-such-post');
    expect(unknownPost.status).toBe(404);
    expect(unknownPost.body.error.code).toBe('POST_NOT_FOUND');

    const again = await upload(officer, '/api/demand/imports?fileName=jobs.csv', POSTINGS_CSV);
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    // The import belongs to the city office that made it: another importer's organisation may not delete it.
    const cityOffice = (await officer.request<{ activeOrganisationId: string }>('GET', '/api/auth/session')).body
      .activeOrganisationId;
    expect((created as { organisationId?: string }).organisationId).toBe(cityOffice);
    const otherOffice = await server.services.store.repositories.organisations.create({
      kind: 'city_office',
      nameZh: '无锡市商务局（测试）',
      nameEn: 'Wuxi Commerce Bureau (test)',
      province: '江苏省',
      city: '无锡市',
      enterpriseType: null,
    });
    const stranger = await server.services.store.repositories.people.create(
      {
        email: 'wuxi.officer@test.zerodock.local',
        displayName: '无锡 官员',
        passwordHash: await server.services.passwords.hash('zerodock-demo'),
      },
      new Date(),
    );
    await server.services.store.repositories.memberships.grant(stranger.id, otherOffice.id, ['city_officer']);
    const wuxi = new ApiClient(server.baseUrl);
    await wuxi.login('wuxi.officer@test.zerodock.local');
    const foreign = await wuxi.request<{ error: { code: string } }>('DELETE', `/api/demand/imports/${created.id}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('IMPORT_NOT_OWNED');
    expect((await student.request<{ total: number }>('GET', '/api/demand/postings')).body.total).toBe(3);
    const deleted = await officer.request('DELETE', `/api/demand/imports/${created.id}`);
    expect(deleted.status).toBe(200);
    expect((await student.request<{ total: number }>('GET', '/api/demand/postings')).body.total).toBe(0);
  });

  it('refuses hostile uploads with a 4xx, a stable code and FILE:LINE:FIELD, writing nothing', async () => {
    const cases: [string, Uint8Array | string, string, RegExp][] = [
      [
        'wrong-column.csv',
        'id,title,blurb,enterprise,date\n1,a,b,c,2024-01-01\n',
        'IMPORT_FAILED',
        /wrong-column\.csv:1:text/,
      ],
      [
        'binary.csv',
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0x00, 0x01]),
        'IMPORT_FAILED',
        /binary\.csv:1:/,
      ],
      [
        'broken.jsonl',
        '{"id":"1","title":"t","text":"x","enterprise":"e","date":"2024-01-01"}\n{"id":',
        'IMPORT_FAILED',
        /broken\.jsonl:2:/,
      ],
      ['empty.csv', '', 'VALIDATION_FAILED', /body/],
      ['notes.txt', 'hello', 'VALIDATION_FAILED', /fileName|\.csv/],
    ];
    for (const [name, body, code, message] of cases) {
      const response = await upload(officer, `/api/demand/imports?fileName=${name}`, body);
      const payload = (await response.json()) as { error: { code: string; message: string; details: unknown } };
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(response.status, name).toBeLessThan(500);
      expect(payload.error.code, name).toBe(code);
      expect(`${payload.error.message} ${JSON.stringify(payload.error.details)}`, name).toMatch(message);
    }
    // A file that fails is kept as a failed import with its reason; nothing of it is stored.
    const imports = (
      await student.request<{ items: { status: string; stored: number; failure: string }[] }>(
        'GET',
        '/api/demand/imports',
      )
    ).body.items;
    expect(imports.map((item) => item.status)).toEqual(['failed', 'failed', 'failed']);
    expect(imports.every((item) => item.stored === 0 && /:\d+:/.test(item.failure))).toBe(true);
    expect((await student.request<{ total: number }>('GET', '/api/demand/postings')).body.total).toBe(0);
  });

  it('keeps declarations inside their enterprise and aggregates them for everyone', async () => {
    const ownId = await organisationIdOf(enterpriseAdmin);
    const otherId = await organisationIdOf(itoAdmin);
    const created = await enterpriseAdmin.request<{ id: string; postTitleZh: string }>(
      'POST',
      `/api/organisations/${ownId}/demand-declarations`,
      { postId: 'ito-industrial-software-testing', headcount: 12, year: 2026, province: '江苏省', city: '无锡市' },
    );
    expect(created.status).toBe(200);
    expect(created.body.postTitleZh).toBeTruthy();
    const unknownPost = await enterpriseAdmin.request<{ error: { code: string } }>(
      'POST',
      `/api/organisations/${ownId}/demand-declarations`,
      { postId: 'no-such-post', headcount: 1, year: 2026 },
    );
    expect(unknownPost.body.error.code).toBe('UNKNOWN_REFERENCE');
    const badHeadcount = await enterpriseAdmin.request('POST', `/api/organisations/${ownId}/demand-declarations`, {
      postId: 'ito-industrial-software-testing',
      headcount: 0,
      year: 2026,
    });
    expect(badHeadcount.status).toBe(400);

    // Another enterprise neither reads nor deletes it.
    expect((await itoAdmin.request('GET', `/api/organisations/${ownId}/demand-declarations`)).status).toBe(403);
    expect(
      (await itoAdmin.request('DELETE', `/api/organisations/${otherId}/demand-declarations/${created.body.id}`)).status,
    ).toBe(404);
    const summary = await student.request<{ items: { postId: string; headcount: number }[] }>(
      'GET',
      '/api/demand/declarations/summary',
    );
    expect(summary.body.items).toContainEqual(
      expect.objectContaining({ postId: 'ito-industrial-software-testing', headcount: 12 }),
    );

    const imported = await upload(
      enterpriseAdmin,
      `/api/organisations/${ownId}/demand-declarations/import?fileName=demand.csv`,
      '岗位,人数,年份\nbpo-quality-management,4,2026\nkpo-brand-design-promotion,2,2027\n',
    );
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ created: 2 });
    const refused = await upload(
      enterpriseAdmin,
      `/api/organisations/${ownId}/demand-declarations/import?fileName=demand.csv`,
      '岗位,人数,年份\nbpo-quality-management,4,2026\nno-such-post,2,2027\n',
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/demand\.csv:3:post/);
    const list = await enterpriseAdmin.request<{ items: unknown[] }>(
      'GET',
      `/api/organisations/${ownId}/demand-declarations`,
    );
    expect(list.body.items).toHaveLength(3);
  });
});
