import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors/domain-error.js';
import { testBackend } from '../storage/test-database.js';
import { LONG_DEADLINE_SECONDS } from './route-deadline.js';
import { ApiClient, startTestServer, type TestServer } from './test-server.js';

/**
 * Every route answers within its deadline: a handler made slow on purpose answers 503 DEADLINE_EXCEEDED, its
 * abandoned work is stopped at its next database statement (PostgreSQL also cancels a running one), and the
 * server goes on answering. No wall-clock assertion beyond "it answered 503".
 */
let server: TestServer;
const outcomes = new Map<string, string>();
let release: () => void = () => undefined;

/** Records how the work ends, and hands it back to the handler unchanged. */
function settle(name: string, work: Promise<unknown>): Promise<unknown> {
  work.then(
    () => outcomes.set(name, 'finished'),
    (error: unknown) => outcomes.set(name, isDomainError(error) ? error.code : String(error)),
  );
  return work;
}

async function eventually(name: string): Promise<string> {
  for (;;) {
    const outcome = outcomes.get(name);
    if (outcome) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  server = await startTestServer({
    extraRoutes: (app) => {
      const config = { access: { kind: 'public' }, deadlineSeconds: 0.3 } as const;
      app.get('/api/test/never', { config }, async () => new Promise(() => undefined));
      app.get('/api/test/held', { config }, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { late: true };
      });
      // Keeps querying until the storage layer refuses to start another statement for it.
      app.get('/api/test/busy', { config }, async () =>
        settle(
          'busy',
          (async () => {
            for (;;) await sql`select 1`.execute(server.database.db);
          })(),
        ),
      );
      // A transaction holding the connection with a statement that runs far past the deadline (PostgreSQL).
      app.get('/api/test/sleep', { config }, async () =>
        settle(
          'sleep',
          server.database.db.transaction().execute(async (transaction) => {
            await sql`select pg_sleep(30)`.execute(transaction);
          }),
        ),
      );
      app.get('/api/test/quick', { config: { access: { kind: 'public' } } }, async () => ({ ok: true }));
    },
  });
});
afterAll(async () => {
  release();
  await server?.close();
});

describe(`route deadlines (${testBackend()})`, () => {
  it('a handler that never answers is a 503 DEADLINE_EXCEEDED, and the server goes on answering', async () => {
    const client = new ApiClient(server.baseUrl);
    const answer = await client.request<{ error: { code: string } }>('GET', '/api/test/never');
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('DEADLINE_EXCEEDED');
    expect((await client.request('GET', '/api/test/quick')).status).toBe(200);
    expect((await client.request('GET', '/api/health')).status).toBe(200);
  });

  it('a handler finishing after its deadline cannot answer twice', async () => {
    const client = new ApiClient(server.baseUrl);
    const answer = await client.request<{ error: { code: string } }>('GET', '/api/test/held');
    expect(answer.status).toBe(503);
    release();
    expect((await client.request('GET', '/api/test/quick')).status).toBe(200);
  });

  it('the abandoned work starts no further database statement', async () => {
    const answer = await new ApiClient(server.baseUrl).request('GET', '/api/test/busy');
    expect(answer.status).toBe(503);
    expect(await eventually('busy')).toBe('DEADLINE_EXCEEDED');
    expect((await new ApiClient(server.baseUrl).request('GET', '/api/health')).status).toBe(200);
  });

  it.runIf(testBackend() === 'postgres')(
    'a running PostgreSQL statement is cancelled by the transaction’s statement_timeout',
    async () => {
      const answer = await new ApiClient(server.baseUrl).request('GET', '/api/test/sleep');
      expect(answer.status).toBe(503);
      expect(await eventually('sleep')).toBe('DEADLINE_EXCEEDED');
    },
  );

  it('imports, uploads and exports declare longer deadlines in the route catalogue', () => {
    const deadlines = new Map(
      server.app.routeCatalogue.map((route) => [`${route.method} ${route.url}`, route.deadlineSeconds]),
    );
    for (const route of [
      'POST /api/frameworks/import',
      'POST /api/demand/imports',
      'POST /api/organisations/:organisationId/demand-declarations/import',
      'POST /api/organisations/:organisationId/courses/import',
      'POST /api/organisations/:organisationId/rosters/:kind/preview',
      'POST /api/organisations/:organisationId/roster-imports/:importId/apply',
      'GET /api/organisations/:organisationId/roster/export',
      'GET /api/frameworks/:versionId/export',
      'GET /api/organisations/:organisationId/training-plans/:planId/versions/:number/export',
    ]) {
      expect([route, deadlines.get(route)]).toEqual([route, expect.any(Number)]);
      expect(deadlines.get(route)!).toBeGreaterThanOrEqual(LONG_DEADLINE_SECONDS.export);
    }
    expect(deadlines.get('GET /api/health')).toBeNull();
  });
});
