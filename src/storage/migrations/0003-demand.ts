import { sql, type Kysely } from 'kysely';

/**
 * Demand intelligence: imported posting files (with a checkpoint so a very large import resumes where it
 * stopped), the postings with the competencies linked to them, demand counts kept per import (so the counts of
 * an unfinished import are never visible: readers join on `posting_imports.status = 'complete'`), the
 * enterprises behind each post's demand, and enterprises' declared demand (post × headcount × year).
 */
const STATEMENTS = [
  `create table posting_imports (
    id uuid primary key default gen_random_uuid(),
    file_name text not null,
    checksum text not null unique,
    link_mode text not null check (link_mode in ('exact', 'full')),
    status text not null check (status in ('running', 'complete')),
    records integer not null,
    processed integer not null default 0,
    stored integer not null default 0,
    duplicates integer not null default 0,
    dictionary text not null,
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null default now(),
    finished_at timestamptz
  )`,
  `create table postings (
    id uuid primary key default gen_random_uuid(),
    import_id uuid not null references posting_imports (id) on delete cascade,
    source_id text not null,
    title text not null,
    body text not null,
    enterprise text not null,
    enterprise_key text not null,
    province text,
    city text,
    posted_on date not null,
    year integer not null,
    post_id text,
    post_confidence real,
    fingerprint_hi integer not null,
    fingerprint_lo integer not null,
    links jsonb not null default '[]'
  )`,
  // One index only: bulk imports of millions of postings pay for every index on every row. Lists page by date;
  // filtered lists and counts scan (the demand figures come from demand_counts, not from here).
  `create index postings_posted_idx on postings (posted_on desc, id)`,
  `create table demand_counts (
    import_id uuid not null references posting_imports (id) on delete cascade,
    competency_key text not null,
    post_id text not null,
    province text not null,
    year integer not null,
    postings integer not null,
    primary key (import_id, competency_key, post_id, province, year)
  )`,
  `create table demand_enterprises (
    import_id uuid not null references posting_imports (id) on delete cascade,
    post_id text not null,
    province text not null,
    year integer not null,
    enterprise_key text not null,
    primary key (import_id, post_id, province, year, enterprise_key)
  )`,
  `create table demand_declarations (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    post_id text not null,
    headcount integer not null check (headcount between 1 and 100000),
    year integer not null check (year between 2000 and 2100),
    province text,
    city text,
    note text,
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create index demand_declarations_organisation_idx on demand_declarations (organisation_id, year)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['demand_declarations', 'demand_enterprises', 'demand_counts', 'postings', 'posting_imports']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
