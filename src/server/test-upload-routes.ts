import { readdir } from 'node:fs/promises';
import { sql } from 'kysely';
import { ApiClient, type TestServer } from './test-server.js';

/** An upload route as the API tests drive it. */
export interface UploadRoute {
  readonly name: string;
  /** The URL for a file of this name (query included). */
  url(fileName: string): string;
  /** Extensions it reads (`.json` = a CASE package). */
  readonly extensions: readonly string[];
}

/**
 * Every route that takes a file as its body, with the platform admin (who passes every access check) as the
 * uploader, so the tests exercise the upload and the readers whatever the role model says.
 */
export async function uploadRoutes(server: TestServer): Promise<{ admin: ApiClient; routes: UploadRoute[] }> {
  const admin = new ApiClient(server.baseUrl);
  await admin.login('admin@demo.zerodock.local');
  const idOf = async (key: string) => {
    const organisation = server.dataset.organisations.find((candidate) => candidate.key === key)!;
    return (await server.services.store.repositories.organisations.findByNameZh(organisation.nameZh))!.id;
  };
  const enterprise = await idOf('manufacturer');
  const college = await idOf('college-a');
  const named = (path: string) => (fileName: string) => `${path}fileName=${encodeURIComponent(fileName)}`;
  return {
    admin,
    routes: [
      { name: 'postings', url: named('/api/demand/imports?'), extensions: ['.csv', '.xlsx', '.jsonl'] },
      {
        name: 'declarations',
        url: named(`/api/organisations/${enterprise}/demand-declarations/import?`),
        extensions: ['.csv', '.xlsx'],
      },
      {
        name: 'course list',
        url: named(`/api/organisations/${college}/courses/import?`),
        extensions: ['.csv', '.xlsx'],
      },
      {
        name: 'roster',
        url: named(`/api/organisations/${college}/rosters/student/preview?`),
        extensions: ['.csv', '.xlsx'],
      },
      {
        name: 'framework',
        url: (fileName) =>
          `/api/frameworks/import?format=${fileName.endsWith('.json') ? 'case' : 'xlsx'}&fileName=${encodeURIComponent(fileName)}`,
        extensions: ['.xlsx', '.json'],
      },
    ],
  };
}

/** POSTs `body` as the raw file body of an upload. */
export function uploadFile(server: TestServer, client: ApiClient, url: string, body: Uint8Array | string) {
  return fetch(`${server.baseUrl}${url}`, {
    method: 'POST',
    headers: {
      cookie: client.cookie!,
      'x-csrf-token': client.csrfToken!,
      'content-type': 'application/octet-stream',
    },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
}

/**
 * What imports store, as one comparable string: visible posting imports, postings, demand counts, declarations,
 * course-list rows, framework versions and roster entries; plus the imports still running (which must be none between requests).
 */
export async function storedCounts(server: TestServer): Promise<{ stored: string; running: number }> {
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(server.database.db)).rows[0]!.n);
  const stored = [
    await count(sql<{ n: number }>`select count(*)::int as n from posting_imports where status = 'complete'`),
    await count(sql<{ n: number }>`select count(*)::int as n from postings`),
    await count(sql<{ n: number }>`select count(*)::int as n from demand_counts`),
    await count(sql<{ n: number }>`select count(*)::int as n from demand_declarations`),
    await count(sql<{ n: number }>`select count(*)::int as n from college_courses`),
    await count(sql<{ n: number }>`select count(*)::int as n from framework_versions`),
    await count(sql<{ n: number }>`select count(*)::int as n from roster_entries`),
  ].join(',');
  const running = await count(
    sql<{ n: number }>`select count(*)::int as n from posting_imports where status = 'running'`,
  );
  return { stored, running };
}

/** The files left in the server's upload folder (must be none once requests have been answered). */
export async function leftoverUploads(server: TestServer): Promise<string[]> {
  try {
    return await readdir(server.uploads.options.root);
  } catch {
    return [];
  }
}
