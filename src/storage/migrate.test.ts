import { Migrator, NO_MIGRATIONS } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './create-database.js';
import { migrateToLatest } from './migrate.js';
import { migrationProvider } from './migrations/index.js';
import { openTestDatabase, testBackend } from './test-database.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`migrations on ${testBackend()}`, () => {
  it('are idempotent: a second run applies nothing', async () => {
    const report = await migrateToLatest(database.db);
    expect(report.applied).toEqual([]);
    expect(report.total).toBeGreaterThanOrEqual(1);
  });

  it('go down to nothing and up again', async () => {
    const migrator = new Migrator({ db: database.db, provider: migrationProvider });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const tables = await database.db.introspection.getTables();
    expect(tables.map((table) => table.name).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
    const up = await migrateToLatest(database.db);
    expect(up.applied.length).toBe(up.total);
  });
});
