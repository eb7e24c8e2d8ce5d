import { sql, type Kysely } from 'kysely';

/** Organisations, people, memberships (role per organisation), sessions and the security audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (column) =>
      column.notNull().check(sql`kind in ('platform', 'college', 'enterprise', 'city_office')`),
    )
    .addColumn('name_zh', 'text', (column) => column.notNull())
    .addColumn('name_en', 'text', (column) => column.notNull())
    .addColumn('province', 'text', (column) => column.notNull())
    .addColumn('city', 'text', (column) => column.notNull())
    .addColumn('enterprise_type', 'text', (column) =>
      column.check(sql`enterprise_type is null or enterprise_type in ('manufacturer', 'service_provider')`),
    )
    .addColumn('is_demo', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'organisations_enterprise_type_matches_kind',
      sql`(kind = 'enterprise') = (enterprise_type is not null)`,
    )
    .execute();
  await db.schema.createIndex('organisations_name_zh_unique').on('organisations').column('name_zh').unique().execute();
  await db.schema.createIndex('organisations_kind_idx').on('organisations').column('kind').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text', (column) =>
      column
        .notNull()
        .defaultTo('zh-CN')
        .check(sql`locale in ('zh-CN', 'en')`),
    )
    .addColumn('is_demo', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('people_email_unique')
    .on('people')
    .expression(sql`lower(email)`)
    .unique()
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('person_id', 'uuid', (column) => column.notNull().references('people.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (column) =>
      column.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (column) =>
      column
        .notNull()
        .check(
          sql`role in ('platform_admin', 'college_admin', 'group_director', 'teacher', 'enterprise_admin', 'enterprise_engineer', 'student', 'city_officer', 'committee_member')`,
        ),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pk', ['person_id', 'organisation_id', 'role'])
    .execute();
  await db.schema
    .createIndex('memberships_organisation_idx')
    .on('memberships')
    .columns(['organisation_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('person_id', 'uuid', (column) => column.notNull().references('people.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('active_organisation_id', 'uuid', (column) => column.references('organisations.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('last_seen_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_person_idx').on('sessions').column('person_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('actor_person_id', 'uuid', (column) => column.references('people.id').onDelete('set null'))
    .addColumn('actor_email', 'text')
    .addColumn('organisation_id', 'uuid', (column) => column.references('organisations.id').onDelete('set null'))
    .addColumn('ip', 'text')
    .addColumn('details', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('audit_events_organisation_idx')
    .on('audit_events')
    .columns(['organisation_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_events', 'sessions', 'memberships', 'people', 'organisations']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
