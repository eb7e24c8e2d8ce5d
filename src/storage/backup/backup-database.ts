import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import pg from 'pg';
import type { BackupManifest } from '../../contracts/backup-file.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { createDatabase, describePostgresUrl, type DatabaseOptions } from '../create-database.js';
import { inspectDataDirectoryLock } from '../data-directory-lock.js';
import { writeBackupFile } from './backup-file.js';
import { requestDump } from './control-socket.js';
import { findPostgresTool, toolConnection } from './postgres-tools.js';

export interface BackupContext {
  readonly zerodockVersion: string;
  /** Progress lines ("taking the dump…"). */
  readonly log: (line: string) => void;
  readonly clock?: () => Date;
}

/**
 * `zerodock backup`: the configured database into one file (see `contracts/backup-file.ts`), while the server
 * keeps running. PostgreSQL: `pg_dump --format=custom` (a consistent snapshot). The embedded database: asked of
 * the running server over its control socket (it dumps the data directory between two statements), or opened
 * here when no server holds it.
 */
export async function backupDatabase(
  options: DatabaseOptions,
  out: string,
  context: BackupContext,
): Promise<BackupManifest> {
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target))) {
    throw new DomainError('DATA_DIR_NOT_WRITABLE', `The folder of ${out} does not exist.`, { file: out });
  }
  switch (options.kind) {
    case 'postgres':
      return backupPostgres(options.url, target, context);
    case 'pglite':
      return backupPGlite(options.dataDir, target, context);
    case 'pglite-memory':
      throw new DomainError('DATABASE_UNAVAILABLE', 'An in-memory database has nothing to back up.');
  }
}

async function backupPGlite(dataDir: string, out: string, context: BackupContext): Promise<BackupManifest> {
  if (!fs.existsSync(path.join(dataDir, 'pgdata'))) {
    throw new DomainError('DATABASE_UNAVAILABLE', `There is no embedded database in ${dataDir}.`, {
      location: dataDir,
    });
  }
  const manifest = {
    format: 1 as const,
    backend: 'pglite' as const,
    payload: 'pglite-datadir-tar-gzip' as const,
    createdAt: (context.clock ?? (() => new Date()))().toISOString(),
    zerodockVersion: context.zerodockVersion,
    source: dataDir,
    serverMajor: null,
    toolMajor: null,
  };
  const lock = inspectDataDirectoryLock(dataDir);
  if (lock.live && lock.owner?.socketPath) {
    context.log(`Asking the running server (process ${lock.owner.pid}) for a dump of ${dataDir}…`);
    try {
      return await writeBackupFile(out, manifest, requestDump(lock.owner.socketPath, lock.owner.token));
    } catch (error) {
      if (error instanceof DomainError && error.message.startsWith('Cannot reach')) {
        throw new DomainError(
          'DATABASE_UNAVAILABLE',
          `${dataDir} is held by process ${lock.owner.pid}, which does not answer backup requests (only \`zerodock serve\` does). Try again when it has finished.`,
          { location: dataDir, pid: lock.owner.pid },
        );
      }
      throw error;
    }
  }
  context.log(`No server holds ${dataDir}: opening it to take the dump…`);
  const database = await createDatabase({ kind: 'pglite', dataDir });
  try {
    const dump = await database.dataDirectory!.dump();
    return await writeBackupFile(out, manifest, Readable.fromWeb(dump.stream() as WebReadableStream<Uint8Array>));
  } finally {
    await database.close();
  }
}

async function backupPostgres(url: string, out: string, context: BackupContext): Promise<BackupManifest> {
  const location = describePostgresUrl(url);
  const serverMajor = await postgresServerMajor(url);
  const tool = await findPostgresTool('pg_dump', serverMajor);
  context.log(`Dumping PostgreSQL ${serverMajor} at ${location} with ${tool.path} (${tool.version})…`);
  const connection = toolConnection(url);
  const child = spawn(tool.path, ['--format=custom', '--no-password', `--dbname=${connection.dbname}`], {
    env: connection.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  async function* payload(): AsyncGenerator<Buffer> {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) yield chunk;
    const code = await exited;
    if (code !== 0) {
      throw new DomainError('DATABASE_UNAVAILABLE', `pg_dump failed (exit ${code}): ${stderr.trim()}`, { location });
    }
  }
  try {
    return await writeBackupFile(
      out,
      {
        format: 1,
        backend: 'postgres',
        payload: 'pg_dump-custom',
        createdAt: (context.clock ?? (() => new Date()))().toISOString(),
        zerodockVersion: context.zerodockVersion,
        source: location,
        serverMajor,
        toolMajor: tool.major,
      },
      payload(),
    );
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

/** The major version of the PostgreSQL server at `url` (15 for 15.18). */
export async function postgresServerMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const result = await client.query<{ server_version_num: string }>('show server_version_num');
    return Math.floor(Number(result.rows[0]?.server_version_num ?? 0) / 10_000);
  } catch (error) {
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `Cannot connect to PostgreSQL at ${describePostgresUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
      { location: describePostgresUrl(url) },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
