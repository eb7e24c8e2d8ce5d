import { sql, type Kysely } from 'kysely';

/**
 * People at a college's scale (issue 17).
 *
 * - Accounts without an e-mail are normal: students sign in with their 学号, teachers and engineers with their 工号.
 *   `people.login_id` is that number, unique on the whole platform (case-insensitive), so one sign-in form serves
 *   every college; a roster that brings a number already held by a person of another organisation is refused.
 * - `must_change_password`: a password set by someone else (an import, an admin's reset) is changed at first use.
 * - Departments (二级学院) form a tree inside an organisation; classes (班级) belong to a specialty and a cohort (年级,
 *   the entry year); roster entries record what the college's student information system (or the enterprise's HR
 *   system) says about each person, keyed by 学号/工号 inside the organisation. A person who left (graduated,
 *   dropped out, left the company) keeps the entry with `status = 'left'` (alumni: read-only, records kept).
 * - Password reset codes are single-use and expire; only their hash is stored.
 * - Sessions gain an id (listed to their owner and revoked one by one, without exposing the token hash).
 * - Identity providers (CAS 2.0/3.0, OpenID Connect) per organisation; sign-in attempts keep the OIDC state,
 *   nonce and PKCE verifier (single use); CAS tickets validated once are remembered so a replay is refused.
 */
const STATEMENTS = [
  `alter table people alter column email drop not null`,
  `alter table people add column login_id text`,
  `create unique index people_login_id_unique on people (lower(login_id)) where login_id is not null`,
  `alter table people add column must_change_password boolean not null default false`,
  `alter table people add constraint people_email_or_login check (email is not null or login_id is not null)`,
  `alter table sessions add column id uuid not null default gen_random_uuid()`,
  `create unique index sessions_id_unique on sessions (id)`,
  `alter table sessions add column method text`,
  `create table departments (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    parent_id uuid references departments (id) on delete restrict,
    name_zh text not null,
    name_en text not null default '',
    created_at timestamptz not null default now(),
    unique (organisation_id, name_zh)
  )`,
  `create table classes (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    name text not null,
    specialty_code text not null check (length(specialty_code) > 0),
    specialty_name text not null,
    cohort_year integer not null check (cohort_year between 1950 and 2200),
    duration_years integer not null check (duration_years between 1 and 8),
    department_id uuid references departments (id) on delete set null,
    created_at timestamptz not null default now(),
    unique (organisation_id, name)
  )`,
  `create table roster_entries (
    organisation_id uuid not null references organisations (id) on delete cascade,
    external_id text not null,
    kind text not null check (kind in ('student', 'teacher', 'engineer')),
    person_id uuid not null references people (id) on delete cascade,
    name text not null,
    gender text check (gender in ('male', 'female')),
    class_id uuid references classes (id) on delete set null,
    department_id uuid references departments (id) on delete set null,
    title text,
    double_qualified boolean,
    phone text,
    email text,
    status text not null default 'active' check (status in ('active', 'left')),
    left_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (organisation_id, external_id),
    unique (organisation_id, person_id),
    check ((kind = 'student') = (class_id is not null) or status = 'left'),
    check ((status = 'left') = (left_at is not null))
  )`,
  `create index roster_entries_class_idx on roster_entries (class_id)`,
  `create index roster_entries_person_idx on roster_entries (person_id)`,
  `create table roster_imports (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    kind text not null check (kind in ('student', 'teacher', 'engineer')),
    file_name text not null,
    status text not null check (status in ('previewed', 'applied', 'discarded')),
    diff jsonb not null,
    rows jsonb not null,
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null,
    applied_at timestamptz
  )`,
  `create table password_resets (
    code_hash text primary key,
    person_id uuid not null references people (id) on delete cascade,
    issued_by uuid references people (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
  )`,
  `create index password_resets_person_idx on password_resets (person_id)`,
  `create table identity_providers (
    organisation_id uuid primary key references organisations (id) on delete cascade,
    protocol text not null check (protocol in ('cas', 'oidc')),
    display_name text not null,
    config jsonb not null,
    match_by text not null check (match_by in ('login_id', 'email')),
    enabled boolean not null default true,
    updated_by uuid references people (id) on delete set null,
    updated_at timestamptz not null
  )`,
  `create table sso_attempts (
    state text primary key,
    organisation_id uuid not null references organisations (id) on delete cascade,
    nonce text not null,
    code_verifier text not null,
    return_to text not null,
    test_only boolean not null default false,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
  )`,
  `create table sso_used_tickets (
    ticket_hash text primary key,
    organisation_id uuid not null references organisations (id) on delete cascade,
    used_at timestamptz not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop table if exists sso_used_tickets`,
    `drop table if exists sso_attempts`,
    `drop table if exists identity_providers`,
    `drop table if exists password_resets`,
    `drop table if exists roster_imports`,
    `drop table if exists roster_entries`,
    `drop table if exists classes`,
    `drop table if exists departments`,
    `drop index if exists sessions_id_unique`,
    `alter table sessions drop column if exists method`,
    `alter table sessions drop column if exists id`,
    `alter table people drop constraint if exists people_email_or_login`,
    `alter table people drop column if exists must_change_password`,
    `drop index if exists people_login_id_unique`,
    `alter table people drop column if exists login_id`,
    `delete from people where email is null`,
    `alter table people alter column email set not null`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
