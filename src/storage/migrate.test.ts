import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
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

describe(`migration 0006-access on ${testBackend()}`, () => {
  it('revokes committee seats held outside a committee organisation, and records it', async () => {
    const migrator = new Migrator({ db: database.db, provider: migrationProvider });
    expect((await migrator.migrateTo('0005-courses')).error).toBeUndefined();
    const college = await sql<{ id: string }>`insert into organisations (kind, name_zh, name_en, province, city)
      values ('college', '迁移测试学院', 'Migration college', '江苏省', '苏州市') returning id`.execute(database.db);
    const person = await sql<{ id: string }>`insert into people (email, display_name)
      values ('seat@migration.test', '迁移测试') returning id`.execute(database.db);
    const collegeId = college.rows[0]!.id;
    const personId = person.rows[0]!.id;
    await sql`insert into memberships (person_id, organisation_id, role)
      values (${personId}, ${collegeId}, 'teacher'), (${personId}, ${collegeId}, 'committee_member')`.execute(
      database.db,
    );

    expect((await migrateToLatest(database.db)).applied).toContain('0006-access');
    const roles = await sql<{ role: string }>`select role from memberships where person_id = ${personId}`.execute(
      database.db,
    );
    expect(roles.rows.map((row) => row.role)).toEqual(['teacher']);
    const audit = await sql<{ details: { personId: string; removed: string[] } }>`select details from audit_events
      where action = 'member.roles_changed' and organisation_id = ${collegeId}`.execute(database.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.details).toMatchObject({ personId, removed: ['committee_member'] });
  });
});
