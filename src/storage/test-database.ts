import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from './create-database.js';
import { migrateToLatest } from './migrate.js';

/**
 * A fresh, migrated database for one test file, on the backend the run asks for:
 * ZERODOCK_TEST_BACKEND=postgres (with TEST_DATABASE_URL pointing at a server where the user may create
 * databases) creates and later drops a database of its own; anything else uses in-memory PGlite.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testBackend() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('ZERODOCK_TEST_BACKEND=postgres needs TEST_DATABASE_URL');
    const name = `zd_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await createDatabase({ kind: 'postgres', url: url.toString() });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const handle = await createDatabase({ kind: 'pglite-memory' });
  await migrateToLatest(handle.db);
  return handle;
}

export function testBackend(): 'pglite' | 'postgres' {
  return process.env.ZERODOCK_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}
