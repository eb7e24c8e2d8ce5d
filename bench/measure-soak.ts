import { mulberry32 } from '../src/interchange/postings/generate-postings.js';
import type { ZerodockProcess } from './start-zerodock-process.js';

const PASSWORD = 'zerodock-demo';
const COLLEGE_DIRECTOR = 'director@demo.zerodock.local';
const STUDENT = 'student@demo.zerodock.local';
const PLATFORM_ADMIN = 'admin@demo.zerodock.local';
const ENTERPRISE_ADMIN = 'ito-admin@demo.zerodock.local';
const SEARCHES = ['测试', '数据分析', '运维工程师', '供应链', 'software testing', 'quality', 'Python', '物流 仓储'];
const COMPETENCY_SEARCHES = ['测试', '数据', 'test', 'communication', '质量', 'sql'];

export interface SoakSettings {
  readonly seconds: number;
  readonly connections: number;
  readonly seed?: number;
}

export interface SoakRouteFigure {
  readonly name: string;
  readonly requests: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface SoakFigures {
  readonly backend: 'pglite' | 'postgres';
  readonly seconds: number;
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Responses outside 2xx (by status; `error` = no response at all). */
  readonly errors: number;
  readonly errorsByStatus: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly routes: readonly SoakRouteFigure[];
  /** Resident set size of the server process, MB: at the start of the run, the highest sampled, at the end. */
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  readonly rssEndMb: number;
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly organisations: ReadonlyMap<string, string>;
}

interface Operation {
  readonly name: string;
  readonly weight: number;
  run(random: () => number): Promise<number>;
}

/**
 * A soak: `connections` signed-in clients (demo accounts, CSRF token from the session) loop for `seconds` over a
 * weighted mix of reads (dashboard, lists, competency search, postings search, a course-system read, the demand
 * overview) and writes that keep the database the same size (a training-plan draft edit, a demand declaration
 * added and removed again), against a real `zerodock serve` process. Latencies of every request; the server's
 * RSS sampled every second.
 */
export async function measureSoak(server: ZerodockProcess, settings: SoakSettings): Promise<SoakFigures> {
  const base = server.baseUrl;
  const call = async (
    method: string,
    path: string,
    session: Session | null,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> => {
    const headers: Record<string, string> = {};
    if (session) headers.cookie = session.cookie;
    if (session && method !== 'GET') headers['x-csrf-token'] = session.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, json };
  };
  const signIn = async (email: string): Promise<Session> => {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const body = (await response.json()) as {
      csrfToken: string;
      memberships: { organisationId: string; organisationNameEn: string; organisationKind: string }[];
    };
    if (response.status !== 200) throw new Error(`soak: sign-in as ${email} answered ${response.status}`);
    const cookie = (response.headers.getSetCookie().find((header) => header.startsWith('zd_session=')) ?? '').split(
      ';',
    )[0]!;
    return {
      cookie,
      csrf: body.csrfToken,
      organisations: new Map(
        body.memberships.map((membership) => [membership.organisationKind, membership.organisationId]),
      ),
    };
  };

  const admin = await signIn(PLATFORM_ADMIN);
  const director = await signIn(COLLEGE_DIRECTOR);
  const student = await signIn(STUDENT);
  const enterprise = await signIn(ENTERPRISE_ADMIN);
  const college = director.organisations.get('college')!;
  const provider = enterprise.organisations.get('enterprise')!;
  const need = async <T>(path: string, session: Session, pick: (json: never) => T | undefined): Promise<T> => {
    const { status, json } = await call('GET', path, session);
    const value = status === 200 ? pick(json as never) : undefined;
    if (value === undefined) throw new Error(`soak: GET ${path} answered ${status}; the demo data is needed`);
    return value;
  };
  const framework = await need('/api/frameworks', admin, (json: { items: { id: string; key: string }[] }) =>
    json.items.find((item) => item.key === 'zerodock'),
  );
  const courseSystem = await need(
    `/api/organisations/${college}/course-systems`,
    director,
    (json: { items: { id: string }[] }) => json.items[0],
  );
  const plan = await need(
    `/api/organisations/${college}/training-plans`,
    director,
    (json: { items: { id: string; latest: { status: string } }[] }) =>
      json.items.find((item) => item.latest.status === 'draft'),
  );
  const postId = await need(
    `/api/frameworks/${framework.id}/posts`,
    admin,
    (json: { items: { id: string }[] }) => json.items[0]?.id,
  );

  const declarations: string[] = [];
  let edits = 0;
  const get = (session: Session, path: string) => async () => (await call('GET', path, session)).status;
  const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const operations: Operation[] = [
    { name: 'GET /api/dashboard', weight: 14, run: get(student, '/api/dashboard') },
    { name: 'GET /api/organisations', weight: 8, run: get(admin, '/api/organisations?limit=20') },
    {
      name: 'GET /api/organisations/:id/members',
      weight: 6,
      run: get(director, `/api/organisations/${college}/members?limit=20`),
    },
    {
      name: 'GET /api/frameworks/:id/competencies?q=',
      weight: 12,
      run: async (random) =>
        (
          await call(
            'GET',
            `/api/frameworks/${framework.id}/competencies?limit=20&q=${encodeURIComponent(pick(random, COMPETENCY_SEARCHES))}`,
            student,
          )
        ).status,
    },
    {
      name: 'GET /api/demand/postings?q=',
      weight: 12,
      run: async (random) =>
        (
          await call(
            'GET',
            `/api/demand/postings?limit=20&offset=${20 * Math.floor(random() * 3)}&q=${encodeURIComponent(pick(random, SEARCHES))}`,
            student,
          )
        ).status,
    },
    { name: 'GET /api/demand/postings', weight: 6, run: get(student, '/api/demand/postings?limit=20') },
    { name: 'GET /api/demand/overview', weight: 6, run: get(student, '/api/demand/overview') },
    {
      name: 'GET /api/organisations/:id/course-systems/:id',
      weight: 10,
      run: get(director, `/api/organisations/${college}/course-systems/${courseSystem.id}`),
    },
    {
      name: 'PUT /api/organisations/:id/training-plans/:id/draft',
      weight: 4,
      run: async () =>
        (
          await call('PUT', `/api/organisations/${college}/training-plans/${plan.id}/draft`, director, {
            sections: [{ key: 'admission', text: `高中阶段教育毕业生或具有同等学力者（第 ${(edits += 1)} 次编辑）` }],
          })
        ).status,
    },
    {
      name: 'POST|DELETE /api/organisations/:id/demand-declarations',
      weight: 6,
      run: async () => {
        const path = `/api/organisations/${provider}/demand-declarations`;
        if (declarations.length >= 10) {
          const id = declarations.shift()!;
          return (await call('DELETE', `${path}/${id}`, enterprise)).status;
        }
        const created = await call('POST', path, enterprise, { postId, headcount: 3, year: 2026 });
        const id = (created.json as { id?: string } | null)?.id;
        if (id) declarations.push(id);
        return created.status;
      },
    },
  ];
  // Every operation must work before it is measured: a route answering 4xx from the start would flatter the run.
  for (const operation of operations) {
    const status = await operation.run(mulberry32(1));
    if (status < 200 || status > 299) throw new Error(`soak: ${operation.name} answered ${status} before the run`);
  }

  const totalWeight = operations.reduce((sum, operation) => sum + operation.weight, 0);
  const latencies = operations.map(() => [] as number[]);
  const errors = operations.map(() => 0);
  const errorsByStatus: Record<string, number> = {};
  let rssPeak = server.rssBytes();
  const rssStart = rssPeak;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssBytes())), 1000);
  const started = performance.now();
  const deadline = started + settings.seconds * 1000;
  const client = async (index: number) => {
    const random = mulberry32((settings.seed ?? 2026) + index);
    while (performance.now() < deadline) {
      let draw = random() * totalWeight;
      let chosen = 0;
      while (draw >= operations[chosen]!.weight) draw -= operations[chosen++]!.weight;
      const begin = performance.now();
      let status: string;
      try {
        status = String(await operations[chosen]!.run(random));
      } catch {
        status = 'error';
      }
      latencies[chosen]!.push(performance.now() - begin);
      if (!/^2\d\d$/.test(status)) {
        errors[chosen]! += 1;
        errorsByStatus[status] = (errorsByStatus[status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: settings.connections }, (_, index) => client(index)));
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssEnd = server.rssBytes();
  rssPeak = Math.max(rssPeak, rssEnd);

  const all = latencies.flat().sort((a, b) => a - b);
  return {
    backend: server.backend,
    seconds: elapsed,
    connections: settings.connections,
    requests: all.length,
    requestsPerSecond: all.length / elapsed,
    errors: errors.reduce((sum, count) => sum + count, 0),
    errorsByStatus,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    maxMs: all[all.length - 1] ?? Number.NaN,
    routes: operations.map((operation, index) => {
      const sorted = latencies[index]!.sort((a, b) => a - b);
      return {
        name: operation.name,
        requests: sorted.length,
        errors: errors[index]!,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
      };
    }),
    rssStartMb: rssStart / 2 ** 20,
    rssPeakMb: rssPeak / 2 ** 20,
    rssEndMb: rssEnd / 2 ** 20,
  };
}

function percentile(sorted: readonly number[], rank: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1))]!;
}
