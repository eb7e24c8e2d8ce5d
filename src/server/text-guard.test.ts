import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../storage/test-database.js';
import { findUnstorableText } from './text-guard.js';
import { ApiClient, startTestServer, type TestServer } from './test-server.js';

/**
 * Text PostgreSQL cannot store — a NUL character, a lone UTF-16 surrogate — is a 400 naming the field on every
 * route, in path parameters, the query and JSON bodies, never a 500 from the database. Walks every registered
 * route (the route catalogue), signed in as the platform admin so that no access check answers first — except on
 * the routes that need a committee seat (platform admins hold none), which are called as a committee member.
 */
let server: TestServer;
let admin: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.baseUrl);
  expect((await admin.login('admin@demo.zerodock.local')).status).toBe(200);
  member = new ApiClient(server.baseUrl);
  expect((await member.login('committee@demo.zerodock.local')).status).toBe(200);
});

/** As the platform admin, or — where only a committee seat is admitted (403 for the admin) — as a committee member. */
async function call<T>(...args: Parameters<ApiClient['request']>): Promise<{ status: number; body: T }> {
  const answer = await admin.request<T>(...args);
  if (answer.status !== 403) return answer;
  return member.request<T>(...args);
}
afterAll(async () => {
  await server?.close();
});

interface ErrorAnswer {
  error: { code: string; details: { field?: string } };
}

const DOCUMENTATION_PREFIX = '/api/docs';
const NUL = 'a\u0000b';

function routes() {
  return server.app.routeCatalogue.filter(
    (route) => !route.url.startsWith(DOCUMENTATION_PREFIX) && route.method !== 'HEAD' && route.method !== 'OPTIONS',
  );
}

function fill(url: string, value: (name: string) => string): string {
  return url.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(value(name)));
}

function expectRefused(route: string, answer: { status: number; body: unknown }, field: string) {
  expect({ route, status: answer.status, body: answer.body }).toMatchObject({
    route,
    status: 400,
    body: { error: { code: 'VALIDATION_FAILED', details: { field } } },
  });
}

describe(`unstorable text on every route (${testBackend()})`, () => {
  it('finds the first bad string or key anywhere, iteratively', () => {
    expect(findUnstorableText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toMatchObject({ field: 'body.a.1.c' });
    expect(findUnstorableText({ ['k\u0000']: 1 }, 'body')).toMatchObject({ field: 'body.k\\u0000' });
    expect(findUnstorableText({ a: '\ud800' }, 'body')).toMatchObject({ field: 'body.a' });
    expect(findUnstorableText({ a: '\udc00x' }, 'body')).toMatchObject({ field: 'body.a' });
    expect(findUnstorableText({ a: '😀 正常 text' }, 'body')).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    expect(findUnstorableText(deep, 'body')?.reason).toContain('NUL');
  });

  it('a NUL in any path parameter is a 400 naming params.<name>', async () => {
    let checked = 0;
    for (const route of routes()) {
      for (const [, name] of route.url.matchAll(/:([A-Za-z]+)/g)) {
        const path = fill(route.url, (other) => (other === name ? NUL : randomUUID()));
        const answer = await call<ErrorAnswer>(route.method, path, route.method === 'GET' ? undefined : {});
        expectRefused(`${route.method} ${route.url}`, answer, `params.${name}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('a NUL in a query parameter is a 400 naming query.<name>, on every route', async () => {
    for (const route of routes()) {
      const path = `${fill(route.url, () => randomUUID())}?fileName=${encodeURIComponent(NUL)}.csv`;
      const answer = await call<ErrorAnswer>(route.method, path, route.method === 'GET' ? undefined : {});
      expectRefused(`${route.method} ${route.url}`, answer, 'query.fileName');
    }
  });

  it('a NUL or a lone surrogate in a JSON body is a 400 naming body.<path>, on every route taking a body', async () => {
    let checked = 0;
    for (const route of routes().filter((candidate) => candidate.method !== 'GET' && candidate.method !== 'DELETE')) {
      const path = fill(route.url, () => randomUUID());
      const name = `${route.method} ${route.url}`;
      expectRefused(
        name,
        await call(route.method, path, { reason: 'ok', probe: [{ text: NUL }] }),
        'body.probe.0.text',
      );
      // JSON can spell a lone surrogate, which JSON.parse keeps and PostgreSQL refuses.
      expectRefused(name, await call(route.method, path, undefined, { rawBody: '{"probe":"\\ud800"}' }), 'body.probe');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('an upload whose file name holds a NUL is a 400 naming query.fileName, the file unread', async () => {
    const college = server.dataset.organisations.find((organisation) => organisation.kind === 'college')!;
    const id = (
      await admin.request<{ items: { id: string; nameZh: string }[] }>('GET', '/api/organisations')
    ).body.items.find((organisation) => organisation.nameZh === college.nameZh)!.id;
    const answer = await admin.request<ErrorAnswer>(
      'POST',
      `/api/organisations/${id}/courses/import?fileName=${encodeURIComponent('list\u0000.csv')}`,
      undefined,
      { rawBody: 'code,name\nC1,课程\n', headers: { 'content-type': 'text/csv' } },
    );
    expectRefused('course list upload', answer, 'query.fileName');
  });
});
