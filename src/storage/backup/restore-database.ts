import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { BACKUP_HEADER_BYTES, type BackupManifest } from '../../contracts/backup-file.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { describePostgresUrl, type DatabaseOptions } from '../create-database.js';
import { inspectDataDirectoryLock, lockDataDirectory } from '../data-directory-lock.js';
import { postgresServerMajor } from './backup-database.js';
import { backupPayload, verifyBackupFile } from './backup-file.js';
import { findPostgresTool, toolConnection } from './postgres-tools.js';

export interface RestoreOptions {
  /** Replace a database that already holds data. */
  readonly force: boolean;
  readonly log: (line: string) => void;
}

/**
 * `zerodock restore`: checks the whole backup file first (header, size, SHA-256), then restores it all or
 * nothing into the configured database — never into a data directory a live server holds, and into one that holds
 * data only with `force`. The embedded database is unpacked into a new directory beside the old one, opened, and
 * only then swapped in; PostgreSQL restores in one transaction (`pg_restore --single-transaction`).
 */
export async function restoreDatabase(
  options: DatabaseOptions,
  file: string,
  restore: RestoreOptions,
): Promise<BackupManifest> {
  const manifest = await verifyBackupFile(file);
  restore.log(
    `${file}: backup of ${manifest.backend === 'pglite' ? 'the embedded database' : 'PostgreSQL'} ${manifest.source}, ` +
      `taken ${manifest.createdAt} by Zerodock ${manifest.zerodockVersion}; ${manifest.bytes} bytes, checksum correct.`,
  );
  switch (options.kind) {
    case 'pglite':
      if (manifest.backend !== 'pglite') throw wrongBackend(file, 'PostgreSQL', 'set DATABASE_URL to the target');
      await restorePGlite(options.dataDir, file, restore);
      return manifest;
    case 'postgres':
      if (manifest.backend !== 'postgres') {
        throw wrongBackend(file, 'the embedded database', 'unset DATABASE_URL and set ZERODOCK_DATA_DIR');
      }
      await restorePostgres(options.url, file, manifest, restore);
      return manifest;
    case 'pglite-memory':
      throw new DomainError('DATABASE_UNAVAILABLE', 'Cannot restore into an in-memory database.');
  }
}

function wrongBackend(file: string, kind: string, hint: string): DomainError {
  return new DomainError(
    'BACKUP_INVALID',
    `${file} is a backup of ${kind}: ${hint} to restore it; nothing was restored.`,
    {
      file,
    },
  );
}

async function restorePGlite(dataDir: string, file: string, restore: RestoreOptions): Promise<void> {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DomainError('DATA_DIR_NOT_WRITABLE', `Cannot create ${dataDir}: ${(error as Error).message}`, {
      location: dataDir,
    });
  }
  const state = inspectDataDirectoryLock(dataDir);
  if (state.live) {
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `${dataDir} is in use by a running Zerodock process (${state.pid}): stop it before restoring into it.`,
      { location: dataDir },
    );
  }
  const lock = lockDataDirectory(dataDir);
  const suffix = randomBytes(6).toString('hex');
  const current = path.join(dataDir, 'pgdata');
  const staging = path.join(dataDir, `pgdata.restoring-${suffix}`);
  const replaced = path.join(dataDir, `pgdata.replaced-${suffix}`);
  try {
    const holdsData = fs.existsSync(current) && fs.readdirSync(current).length > 0;
    if (holdsData && !restore.force) {
      throw new DomainError(
        'RESTORE_TARGET_NOT_EMPTY',
        `${dataDir} already holds a database. Restore into an empty ZERODOCK_DATA_DIR, or add --force to replace it ` +
          '(it is kept until the restored one has opened).',
        { location: dataDir },
      );
    }
    restore.log(`Unpacking into ${staging}…`);
    const payload = fs.readFileSync(file).subarray(BACKUP_HEADER_BYTES);
    const pglite = await PGlite.create(staging, { loadDataDir: new Blob([payload]) });
    try {
      await pglite.query('select count(*) from kysely_migration');
    } catch (error) {
      throw new DomainError(
        'BACKUP_INVALID',
        `${file} does not hold a Zerodock database (${(error as Error).message}).`,
        {
          file,
        },
      );
    } finally {
      await pglite.close();
    }
    if (fs.existsSync(current)) fs.renameSync(current, replaced);
    try {
      fs.renameSync(staging, current);
    } catch (error) {
      if (fs.existsSync(replaced)) fs.renameSync(replaced, current);
      throw error;
    }
    fs.rmSync(replaced, { recursive: true, force: true });
    restore.log(`Restored into ${dataDir}${holdsData ? ' (the previous database was replaced)' : ''}.`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}

async function restorePostgres(
  url: string,
  file: string,
  manifest: BackupManifest,
  restore: RestoreOptions,
): Promise<void> {
  const location = describePostgresUrl(url);
  const serverMajor = await postgresServerMajor(url);
  const tables = await countTables(url);
  if (tables > 0 && !restore.force) {
    throw new DomainError(
      'RESTORE_TARGET_NOT_EMPTY',
      `The database ${location} already holds ${tables} tables. Restore into an empty database, or add --force to ` +
        'replace the objects the backup holds (in one transaction: on any error nothing changes).',
      { location },
    );
  }
  const tool = await findPostgresTool('pg_restore', Math.max(serverMajor, manifest.toolMajor ?? 0));
  restore.log(`Restoring into PostgreSQL ${serverMajor} at ${location} with ${tool.path} (${tool.version})…`);
  const connection = toolConnection(url);
  const args = [
    `--dbname=${connection.dbname}`,
    '--no-password',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    ...(tables > 0 ? ['--clean', '--if-exists'] : []),
  ];
  const child = spawn(tool.path, args, { env: connection.env, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const input = backupPayload(file);
  input.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  const code = await exited;
  input.destroy();
  if (code !== 0) {
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `pg_restore failed (exit ${code}); it ran in one transaction, so ${location} is unchanged: ${stderr.trim()}`,
      { location },
    );
  }
  restore.log(`Restored into ${location}.`);
}

async function countTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(`select count(*)::int as n from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`);
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}
