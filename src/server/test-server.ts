import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argon2PasswordHasher } from '../services/argon2-password-hasher.js';
import { listDemoAccounts, loadDemoDataset, readDemoDataset } from '../services/demo-service.js';
import type { MailTransport } from '../services/mail-transport.js';
import type { ServiceContext } from '../services/service-context.js';
import { pingDatabase, type DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase } from '../storage/test-database.js';
import type { DemoDataset } from '../contracts/demo-dataset.js';
import { buildServer, type BuildServerOptions } from './build-server.js';
import { curatedCatalogueDirOf, demoDatasetPath, findPackageRoot } from './package-root.js';
import { ensureCuratedCatalogue } from '../services/taxonomy-source-import.js';
import type { ZodApp } from './route-dependencies.js';
import { UploadArea } from './upload-file.js';

export const DEMO_PASSWORD = 'zerodock-demo';

export interface TestServer {
  readonly app: ZodApp;
  readonly baseUrl: string;
  readonly database: DatabaseHandle;
  readonly services: ServiceContext;
  readonly dataset: DemoDataset;
  /** The server's uploads, in a folder of its own (tests check that nothing is left in it). */
  readonly uploads: UploadArea;
  /** Moves the server's clock (sessions expire by it). */
  advanceClock(milliseconds: number): void;
  close(): Promise<void>;
}

/**
 * The real server, in-process, on a loopback port, over a fresh test database with the demo dataset: API tests
 * talk to it with real HTTP (fetch), never through injection.
 */
export async function startTestServer(
  options: {
    loginRateLimit?: number;
    catalogue?: boolean;
    cookieSecure?: boolean;
    webRoot?: string;
    requestDeadlineSeconds?: number;
    /** Routes only a test needs (e.g. one made slow on purpose), added before the server listens. */
    extraRoutes?: (app: ZodApp) => void;
    importConcurrency?: number;
    importQueueMs?: number;
    /** ZERODOCK_PUBLIC_URL (default: none, the request's origin). */
    publicUrl?: string;
    /** The server's logger (default: none). */
    logger?: BuildServerOptions['logger'];
    /** Outgoing mail (default: none, so reset codes are shown to the admin). */
    mail?: MailTransport;
  } = {},
): Promise<TestServer> {
  const database = await openTestDatabase();
  const uploadRoot = await mkdtemp(join(tmpdir(), 'zerodock-test-uploads-'));
  const uploads = new UploadArea({
    root: uploadRoot,
    importConcurrency: options.importConcurrency ?? 2,
    importQueueMs: options.importQueueMs ?? 10_000,
  });
  let offset = 0;
  const services: ServiceContext = {
    store: createStore(database.db),
    clock: () => new Date(Date.now() + offset),
    passwords: argon2PasswordHasher,
    mail: options.mail ?? null,
  };
  const dataset = readDemoDataset(demoDatasetPath(findPackageRoot()));
  await loadDemoDataset(services, dataset);
  if (options.catalogue) await ensureCuratedCatalogue(services, curatedCatalogueDirOf(findPackageRoot()));
  const app = await buildServer({
    services,
    backend: database.backend,
    version: 'test',
    demo: await listDemoAccounts(services, dataset),
    loginRateLimit: options.loginRateLimit ?? 1000,
    cookieSecure: options.cookieSecure ?? false,
    publicUrl: options.publicUrl ?? null,
    checkDatabase: () => pingDatabase(database.db),
    uploads,
    logger: options.logger ?? false,
    trustProxy: false,
    webRoot: options.webRoot ?? null,
    ...(options.requestDeadlineSeconds === undefined ? {} : { requestDeadlineSeconds: options.requestDeadlineSeconds }),
  });
  options.extraRoutes?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    services,
    dataset,
    uploads,
    advanceClock: (milliseconds) => {
      offset += milliseconds;
    },
    close: async () => {
      await app.close();
      await database.close();
      await rm(uploadRoot, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on mutations. */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async login(
    email: string,
    password = DEMO_PASSWORD,
  ): Promise<
    ApiResponse<{
      csrfToken: string;
      activeOrganisationId: string | null;
      memberships: { organisationId: string; roles: string[] }[];
    }>
  > {
    const response = await this.request<{
      csrfToken: string;
      activeOrganisationId: string | null;
      memberships: { organisationId: string; roles: string[] }[];
    }>('POST', '/api/auth/login', { email, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if ((options.csrf ?? true) && this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined;
    if (options.rawBody !== undefined) {
      payload = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const match = /zd_session=([^;]*)/.exec(setCookie);
      if (match) this.cookie = match[1] ? `zd_session=${match[1]}` : null;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
