import { sql, type Kysely } from 'kysely';

/**
 * The yearly revision (年度动态调整, issue 16): one specialty group's revision between two years of stored postings.
 * The group is the one a course system was planned for (`course_system_id`: its posts, weights and courses; the
 * proposal and group key are kept beside it for reading). What was computed — the significant changes with their
 * yearly series and the ranked proposals, named in both languages — is frozen in the row, so a revision reads the
 * same after new postings arrive. Decisions on proposals are rows of their own (one per rank; a later decision on
 * a draft replaces the earlier one). At most one revision per group is open (draft or submitted) at a time.
 * A submitted revision is put before a steering committee (`committee_id`) whose members vote on it like on a plan
 * version (one round: rejected is final, the group starts a new revision); votes are `committee_votes` rows of
 * matter kind 'revision'.
 */
const STATEMENTS = [
  `create table revisions (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    course_system_id uuid not null references course_systems (id) on delete cascade,
    proposal_id uuid references group_proposals (id) on delete set null,
    group_key text not null,
    group_name_zh text not null,
    group_name_en text not null,
    before_year integer not null check (before_year between 2000 and 2100),
    after_year integer not null check (after_year between 2000 and 2100),
    status text not null default 'draft'
      check (status in ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')),
    tested integer not null check (tested >= 0),
    postings_before integer not null check (postings_before >= 0),
    postings_after integer not null check (postings_after >= 0),
    changes jsonb not null,
    proposals jsonb not null,
    created_by uuid references people (id) on delete set null,
    created_by_name text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    submitted_at timestamptz,
    committee_id uuid references organisations (id) on delete set null,
    decided_at timestamptz,
    check (before_year < after_year)
  )`,
  `create index revisions_organisation_idx on revisions (organisation_id, course_system_id, created_at desc)`,
  `create unique index revisions_one_open_idx on revisions (course_system_id) where status in ('draft', 'submitted')`,
  `create table revision_decisions (
    revision_id uuid not null references revisions (id) on delete cascade,
    rank integer not null check (rank >= 1),
    decision text not null check (decision in ('accepted', 'rejected', 'amended')),
    comment text not null default '',
    amended_weight double precision check (amended_weight is null or (amended_weight > 0 and amended_weight <= 1)),
    decided_by uuid references people (id) on delete set null,
    decided_by_name text not null,
    decided_at timestamptz not null default now(),
    primary key (revision_id, rank)
  )`,
  `alter table committee_votes drop constraint if exists committee_votes_matter_kind_check`,
  `alter table committee_votes add constraint committee_votes_matter_kind_check
    check (matter_kind in ('proposal', 'plan_version', 'revision'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Votes are kept by trigger (0013): the revision votes leave with that trigger briefly off.
  await sql.raw(`alter table committee_votes disable trigger committee_votes_no_delete`).execute(db);
  await sql.raw(`delete from committee_votes where matter_kind = 'revision'`).execute(db);
  await sql.raw(`alter table committee_votes enable trigger committee_votes_no_delete`).execute(db);
  await sql.raw(`alter table committee_votes drop constraint if exists committee_votes_matter_kind_check`).execute(db);
  await sql
    .raw(
      `alter table committee_votes add constraint committee_votes_matter_kind_check
    check (matter_kind in ('proposal', 'plan_version'))`,
    )
    .execute(db);
  for (const table of ['revision_decisions', 'revisions']) await sql.raw(`drop table if exists ${table}`).execute(db);
}
