import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DomainError } from '../core/errors/domain-error.js';
import type { Database } from './database-schema.js';
import { lockDataDirectory, type LockOwner } from './data-directory-lock.js';
import { GuardedDialect } from './guarded-dialect.js';
import { PGliteDialect } from './pglite-dialect.js';

export type StorageBackend = 'pglite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly backend: StorageBackend;
  /** Where the data lives, without credentials: a directory, `memory`, or host:port/database. */
  readonly location: string;
  /** An embedded database in a data directory: its lock, and a consistent dump for `zerodock backup`. */
  readonly dataDirectory?: {
    readonly path: string;
    readonly lock: LockOwner;
    /** The data directory as a gzipped tarball, taken while no statement runs (after a checkpoint). */
    dump(): Promise<Blob>;
  };
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'pglite-memory' };

/**
 * The one place that picks the storage adapter: PostgreSQL when a URL is given, embedded PGlite
 * otherwise. Both run the same SQL and the same migrations.
 */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  switch (options.kind) {
    case 'postgres':
      return openPostgres(options.url);
    case 'pglite':
      return openPGlite(options.dataDir);
    case 'pglite-memory':
      return openPGliteInMemory();
  }
}

/** Chooses from the environment: `DATABASE_URL`, else `ZERODOCK_DATA_DIR`, else `./.zerodock`. */
export function databaseOptionsFromEnvironment(env: NodeJS.ProcessEnv, cwd: string): DatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: path.resolve(cwd, env.ZERODOCK_DATA_DIR?.trim() || '.zerodock') };
}

const INT8_OID = 20;

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const location = describePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DomainError('DATABASE_UNAVAILABLE', `Cannot connect to PostgreSQL at ${location}: ${reasonOf(error)}`, {
      location,
    });
  }
  const db = new Kysely<Database>({
    dialect: new GuardedDialect(new PostgresDialect({ pool }), { statementTimeouts: true }),
  });
  return { db, backend: 'postgres', location, close: () => db.destroy() };
}

async function openPGlite(dataDir: string): Promise<DatabaseHandle> {
  assertWritableDirectory(dataDir);
  const lock = lockDataDirectory(dataDir);
  const releaseLock = () => lock.release();
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(path.join(dataDir, 'pgdata'));
  } catch (error) {
    releaseLock();
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `Cannot open the embedded database in ${dataDir}: ${reasonOf(error)}`,
      {
        location: dataDir,
      },
    );
  }
  const db = new Kysely<Database>({
    dialect: new GuardedDialect(new PGliteDialect(pglite), { statementTimeouts: false }),
  });
  return {
    db,
    backend: 'pglite',
    location: dataDir,
    dataDirectory: {
      path: dataDir,
      lock: lock.owner,
      // Holding the dialect's one connection: no statement or transaction of ours runs during the dump.
      dump: () =>
        db.connection().execute(async () => {
          await pglite.query('checkpoint');
          return pglite.dumpDataDir('gzip');
        }),
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
      releaseLock();
    },
  };
}

async function openPGliteInMemory(): Promise<DatabaseHandle> {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({
    dialect: new GuardedDialect(new PGliteDialect(pglite), { statementTimeouts: false }),
  });
  return {
    db,
    backend: 'pglite',
    location: 'memory',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

function assertWritableDirectory(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    throw new DomainError(
      'DATA_DIR_NOT_WRITABLE',
      `The data directory ${dataDir} is not writable (${reasonOf(error)}). Set ZERODOCK_DATA_DIR to a writable directory.`,
      { location: dataDir },
    );
  }
}

/** host:port/database of a PostgreSQL URL, never its password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the DATABASE_URL server (unparseable URL)';
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** A cheap round trip, for health checks. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
