import { sql, type Kysely } from 'kysely';

/**
 * A posting import that fails is kept as `failed` with its reason (its postings and counts are deleted), instead
 * of vanishing or staying `running`. `origin` tells server uploads from CLI imports: a CLI import killed mid-way
 * stays `running` and resumes from its checkpoint, while a server-side one that stopped moving (`updated_at`, the
 * heartbeat, advances with every chunk) is marked failed by the server's periodic sweep.
 */
const UP = [
  `alter table posting_imports drop constraint posting_imports_status_check`,
  `alter table posting_imports add constraint posting_imports_status_check
    check (status in ('running', 'complete', 'failed'))`,
  `alter table posting_imports add column failure text`,
  `alter table posting_imports add column origin text not null default 'cli' check (origin in ('cli', 'server'))`,
  `alter table posting_imports add column updated_at timestamptz not null default now()`,
];

const DOWN = [
  `delete from posting_imports where status = 'failed'`,
  `alter table posting_imports drop column updated_at`,
  `alter table posting_imports drop column origin`,
  `alter table posting_imports drop column failure`,
  `alter table posting_imports drop constraint posting_imports_status_check`,
  `alter table posting_imports add constraint posting_imports_status_check check (status in ('running', 'complete'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
