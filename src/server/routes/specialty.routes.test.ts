import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTaxonomySource } from '../../services/taxonomy-source-import.js';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

interface Specialty {
  code: string;
  nameZh: string;
  nameEn: string | null;
  posts: string[];
  enrolment: number | null;
  employmentRate: number | null;
  employerRating: number | null;
}
interface ErrorBody {
  error: { code: string; details: { field?: string } };
}

let server: TestServer;
const clients: Record<string, ApiClient> = {};
const organisations: Record<string, string> = {};

const MOBILE = {
  nameZh: '移动应用开发',
  nameEn: 'Mobile Application Development',
  posts: ['ito-mobile-app-development', 'ito-industrial-software-development'],
  enrolment: 420,
  employmentRate: 0.97,
  employerRating: 4.7,
};

async function login(persona: string): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  expect((await client.login(`${persona}@demo.zerodock.local`)).status).toBe(200);
  return client;
}

function specialties(organisation: string) {
  return `/api/organisations/${organisations[organisation]}/specialties`;
}

async function listOf(organisation: string): Promise<Specialty[]> {
  const response = await clients['college-admin']!.request<{ items: Specialty[] }>(
    'GET',
    specialties(organisation === 'college-b' ? 'college-a' : organisation),
  );
  if (organisation === 'college-b') {
    return (await clients['college-b-admin']!.request<{ items: Specialty[] }>('GET', specialties('college-b'))).body
      .items;
  }
  return response.body.items;
}

beforeAll(async () => {
  server = await startTestServer({ catalogue: true });
  for (const organisation of server.dataset.organisations) {
    const found = await server.services.store.repositories.organisations.findByNameZh(organisation.nameZh);
    organisations[organisation.key] = found!.id;
  }
  for (const persona of [
    'admin',
    'college-admin',
    'director',
    'teacher',
    'student',
    'college-b-admin',
    'committee',
    'enterprise-admin',
  ]) {
    clients[persona] = await login(persona);
  }
});
afterAll(async () => {
  await server?.close();
});

describe(`college specialties API on ${testBackend()}`, () => {
  it('puts, lists, replaces and deletes a specialty with the posts it serves', async () => {
    const director = clients.director!;
    const created = await director.request<Specialty>('PUT', `${specialties('college-a')}/510213`, MOBILE);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ code: '510213', ...MOBILE });

    // A nationally controlled code is stored without its K; duplicates are dropped; defaults are null.
    const controlled = await director.request<Specialty>('PUT', `${specialties('college-a')}/520101K`, {
      nameZh: '临床医学',
      posts: ['ito-cloud-operations', 'ito-cloud-operations'],
    });
    expect(controlled.status).toBe(200);
    expect(controlled.body).toMatchObject({
      code: '520101',
      nameEn: null,
      posts: ['ito-cloud-operations'],
      enrolment: null,
      employmentRate: null,
      employerRating: null,
    });

    const list = await clients.teacher!.request<{ items: Specialty[] }>('GET', specialties('college-a'));
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.code)).toEqual(['510213', '520101']);

    const replaced = await director.request<Specialty>('PUT', `${specialties('college-a')}/520101`, {
      nameZh: '临床医学',
      posts: [],
    });
    expect(replaced.body.posts).toEqual([]);

    const deleted = await director.request('DELETE', `${specialties('college-a')}/520101`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    const again = await director.request<ErrorBody>('DELETE', `${specialties('college-a')}/520101`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('SPECIALTY_NOT_FOUND');
    expect((await listOf('college-a')).map((item) => item.code)).toEqual(['510213']);
  });

  it('lets readers read and only directors and admins write', async () => {
    expect((await clients.teacher!.request('PUT', `${specialties('college-a')}/510202`, MOBILE)).status).toBe(403);
    expect((await clients.teacher!.request('DELETE', `${specialties('college-a')}/510213`)).status).toBe(403);
    expect((await clients.student!.request('GET', specialties('college-a'))).status).toBe(403);
    expect((await clients['college-admin']!.request('PUT', `${specialties('college-a')}/510202`, MOBILE)).status).toBe(
      200,
    );
    expect((await clients['college-admin']!.request('DELETE', `${specialties('college-a')}/510202`)).status).toBe(204);
    // Writes need the CSRF token.
    const withoutToken = await clients.director!.request<ErrorBody>(
      'PUT',
      `${specialties('college-a')}/510202`,
      MOBILE,
      { csrf: false },
    );
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await listOf('college-a')).map((item) => item.code)).toEqual(['510213']);
  });

  it("keeps each college's specialties to itself", async () => {
    const other = clients['college-b-admin']!;
    expect((await other.request('GET', specialties('college-a'))).status).toBe(403);
    expect((await other.request('PUT', `${specialties('college-a')}/510213`, MOBILE)).status).toBe(403);
    expect((await other.request('DELETE', `${specialties('college-a')}/510213`)).status).toBe(403);
    expect((await other.request('GET', `${specialties('college-a')}/510213/suggestions`)).status).toBe(403);
    expect(await listOf('college-b')).toEqual([]);
    // Its own specialty with the same code is its own row.
    expect((await other.request('PUT', `${specialties('college-b')}/510213`, { ...MOBILE, posts: [] })).status).toBe(
      200,
    );
    expect((await other.request('DELETE', `${specialties('college-b')}/510213`)).status).toBe(204);
    expect((await listOf('college-a'))[0]!.posts).toEqual(MOBILE.posts);
  });

  it('refuses bad input with a 4xx naming the field and writes nothing', async () => {
    const director = clients.director!;
    const before = await listOf('college-a');
    const cases: [string, string, unknown, number, string, string | undefined][] = [
      [
        'unknown post',
        '510213',
        { ...MOBILE, posts: ['ito-mobile-app-development', 'no-such-post'] },
        400,
        'UNKNOWN_REFERENCE',
        'posts.1',
      ],
      ['not a catalogue code', '51021', MOBILE, 400, 'VALIDATION_FAILED', 'code'],
      ['rate above 1', '510213', { ...MOBILE, employmentRate: 1.2 }, 400, 'VALIDATION_FAILED', 'employmentRate'],
      ['rating above 5', '510213', { ...MOBILE, employerRating: 6 }, 400, 'VALIDATION_FAILED', 'employerRating'],
      ['negative enrolment', '510213', { ...MOBILE, enrolment: -1 }, 400, 'VALIDATION_FAILED', 'enrolment'],
      ['no name', '510213', { ...MOBILE, nameZh: '  ' }, 400, 'VALIDATION_FAILED', 'nameZh'],
      ['extra field', '510213', { ...MOBILE, leading: true }, 400, 'VALIDATION_FAILED', 'leading'],
      ['posts missing', '510213', { nameZh: '移动应用开发' }, 400, 'VALIDATION_FAILED', 'posts'],
    ];
    for (const [label, code, body, status, errorCode, field] of cases) {
      const response = await director.request<ErrorBody>('PUT', `${specialties('college-a')}/${code}`, body);
      expect({ label, status: response.status, code: response.body.error.code }).toEqual({
        label,
        status,
        code: errorCode,
      });
      expect({ label, field: response.body.error.details.field }).toEqual({ label, field });
    }
    const malformed = await director.request<ErrorBody>('PUT', `${specialties('college-a')}/510213`, undefined, {
      rawBody: '{"nameZh": "移动',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    // Access is decided from the URL before anything else: no role in "not-a-uuid" is a 403 for the director; a
    // platform admin passes that check and is told the id is malformed.
    const badOrganisation = await director.request<ErrorBody>('GET', '/api/organisations/not-a-uuid/specialties');
    expect(badOrganisation.status).toBe(403);
    const badForAdmin = await clients.admin!.request<ErrorBody>('GET', '/api/organisations/not-a-uuid/specialties');
    expect(badForAdmin.status).toBe(400);
    expect(badForAdmin.body.error.details.field).toBe('organisationId');
    expect(await listOf('college-a')).toEqual(before);
  });

  it('has specialties only for colleges (400 naming organisationId)', async () => {
    // A platform admin passes every organisation's role check, and is told an enterprise is not a college.
    const admin = clients.admin!;
    const read = await admin.request<ErrorBody>('GET', specialties('manufacturer'));
    expect(read.status).toBe(400);
    expect(read.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'organisationId' } });
    // A committee member reads a college's work through the committee's routes only.
    expect((await clients.committee!.request('GET', specialties('manufacturer'))).status).toBe(403);
    const put = await admin.request<ErrorBody>('PUT', `${specialties('manufacturer')}/510213`, MOBILE);
    expect(put.status).toBe(400);
    expect(put.body.error.details.field).toBe('organisationId');
    expect((await admin.request('GET', `${specialties('platform')}/510213/suggestions?name=x`)).status).toBe(400);
    expect(
      (await admin.request('GET', '/api/organisations/00000000-0000-4000-8000-000000000000/specialties')).status,
    ).toBe(404);
    expect((await clients['enterprise-admin']!.request('GET', specialties('manufacturer'))).status).toBe(403);
  });

  it('suggests the posts a specialty serves, best first, with the reason', async () => {
    const own = await clients.teacher!.request<{
      items: { postId: string; titleZh: string; score: number; reasonZh: string; reasonEn: string }[];
    }>('GET', `${specialties('college-a')}/510213/suggestions`);
    expect(own.status).toBe(200);
    expect(own.body.items[0]!.postId).toBe('ito-mobile-app-development');
    expect(own.body.items[0]!.titleZh).toBeTruthy();
    expect(own.body.items[0]!.reasonZh).toBeTruthy();
    const scores = own.body.items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // A code the college does not run (and no catalogue imported): by the name given.
    const unknown = await clients.teacher!.request<ErrorBody>('GET', `${specialties('college-a')}/510203/suggestions`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('SPECIALTY_NOT_FOUND');
    const named = await clients.teacher!.request<{ items: { postId: string }[] }>(
      'GET',
      `${specialties('college-a')}/510203/suggestions?name=${encodeURIComponent('软件技术（软件测试方向）')}`,
    );
    expect(named.status).toBe(200);
    expect(named.body.items.map((item) => item.postId)).toContain('ito-industrial-software-testing');
    const extra = await clients.teacher!.request<ErrorBody>(
      'GET',
      `${specialties('college-a')}/510203/suggestions?name=x&limit=3`,
    );
    expect(extra.status).toBe(400);
  });

  it('checks codes against the national catalogue once one is imported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zerodock-catalogue-'));
    try {
      const path = join(dir, 'catalogue.csv');
      await writeFile(
        path,
        [
          'major_code,major_name,class_code,class_name,category_code,category_name,national_control_K',
          '510201,计算机应用技术,5102,计算机类,51,电子与信息大类,N',
          '510213,移动应用开发,5102,计算机类,51,电子与信息大类,N',
          '510203,软件技术,5102,计算机类,51,电子与信息大类,N',
          '',
        ].join('\n'),
      );
      await importTaxonomySource(server.services, 'specialties', path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const director = clients.director!;
    const outside = await director.request<ErrorBody>('PUT', `${specialties('college-a')}/510299`, MOBILE);
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'code' } });
    expect((await director.request('PUT', `${specialties('college-a')}/510201`, { ...MOBILE, posts: [] })).status).toBe(
      200,
    );
    // The catalogue names the specialty: no ?name= needed.
    const suggested = await director.request<{ items: { postId: string }[] }>(
      'GET',
      `${specialties('college-a')}/510203/suggestions`,
    );
    expect(suggested.status).toBe(200);
    expect(suggested.body.items.length).toBeGreaterThan(0);
    expect((await listOf('college-a')).map((item) => item.code)).toEqual(['510201', '510213']);
  });
});
