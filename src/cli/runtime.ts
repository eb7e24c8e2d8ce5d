import { startHeartbeat } from './heartbeat.js';
import { argon2PasswordHasher } from '../services/argon2-password-hasher.js';
import { createSmtpMailTransport } from '../services/mail-transport.js';
import type { ServiceContext } from '../services/service-context.js';
import { createDatabase, type DatabaseHandle } from '../storage/create-database.js';
import { EXPENSIVE_QUERY_CONCURRENCY } from '../storage/expensive-query-gate.js';
import { migrateToLatest, type MigrationReport } from '../storage/migrate.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { loadConfig, type ServerConfig } from '../server/config.js';
import { findPackageRoot } from '../server/package-root.js';

export interface Runtime {
  readonly config: ServerConfig;
  readonly database: DatabaseHandle;
  readonly services: ServiceContext;
  readonly migrations: MigrationReport;
  readonly packageRoot: string;
  close(): Promise<void>;
}

/** Lines a person reads while the runtime opens (`zerodock serve`); other commands stay quiet. */
export interface RuntimeProgress {
  readonly line: (text: string) => void;
}

/** Opens the configured database, applies pending migrations and wires the services. */
export async function openRuntime(env: NodeJS.ProcessEnv = process.env, progress?: RuntimeProgress): Promise<Runtime> {
  const config = loadConfig(env, process.cwd());
  progress?.line(
    config.database.kind === 'postgres'
      ? 'Connecting to PostgreSQL…'
      : `Opening the embedded database${config.database.kind === 'pglite' ? ` in ${config.database.dataDir}` : ''} (a first start creates it: a few seconds)…`,
  );
  const database = await stillWorking(createDatabase(config.database), progress, 'opening the database');
  try {
    const migrations = await migrateToLatest(
      database.db,
      progress ? (name) => progress.line(`  applying migration ${name}`) : undefined,
    );
    const services: ServiceContext = {
      store: createStore(database.db, {
        sessionCacheSeconds: config.sessionCacheSeconds,
        expensiveQueryConcurrency: EXPENSIVE_QUERY_CONCURRENCY[database.backend],
      }),
      clock: () => new Date(),
      passwords: argon2PasswordHasher,
      mail: config.mail ? createSmtpMailTransport(config.mail) : null,
    };
    return { config, database, services, migrations, packageRoot: findPackageRoot(), close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** While `work` runs, a line every 5 s that it still runs (from a worker thread: PGlite blocks this one). */
async function stillWorking<T>(work: Promise<T>, progress: RuntimeProgress | undefined, what: string): Promise<T> {
  if (!progress) return work;
  const stop = startHeartbeat(what);
  try {
    return await work;
  } finally {
    await stop();
  }
}
