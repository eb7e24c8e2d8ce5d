import { sql, type Kysely } from 'kysely';

/**
 * Course systems (课程体系) built from one group of a specialty-group proposal: the group's posts as the course
 * planner read them (frozen, so a course system is reproducible after the proposal or the framework moves on),
 * the synthesised courses, the public courses the college declares and the semester plan. The college's
 * existing course list with its competency links (suggested by the linker, confirmed or rejected by teachers).
 * Talent Training Plans (人才培养方案) with numbered versions; an approved version never changes again.
 */
const STATEMENTS = [
  `create table course_systems (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    proposal_id uuid references group_proposals (id) on delete set null,
    proposal_status text not null,
    group_id text not null,
    title_zh text not null,
    title_en text not null default '',
    version_id uuid not null references framework_versions (id),
    semesters integer not null check (semesters between 1 and 20),
    max_credits double precision not null check (max_credits > 0),
    max_hours double precision check (max_hours is null or max_hours > 0),
    practical jsonb not null default '[]',
    posts jsonb not null,
    specialties jsonb not null default '[]',
    system jsonb not null,
    public_courses jsonb not null default '[]',
    plan jsonb not null,
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index course_systems_organisation_idx on course_systems (organisation_id, created_at desc)`,
  `create table college_courses (
    organisation_id uuid not null references organisations (id) on delete cascade,
    code text not null check (length(code) between 1 and 40),
    name_zh text not null,
    name_en text,
    credits double precision not null check (credits > 0 and credits <= 60),
    hours integer not null check (hours >= 0 and hours <= 2000),
    description text not null default '',
    type text not null check (type in ('public', 'platform', 'core', 'elective', 'practice', 'other')),
    source_file text not null,
    source_line integer not null,
    imported_at timestamptz not null default now(),
    imported_by uuid references people (id) on delete set null,
    primary key (organisation_id, code)
  )`,
  `create table college_course_links (
    organisation_id uuid not null,
    course_code text not null,
    competency_id text not null,
    score double precision not null,
    evidence text not null check (evidence in ('exact', 'implicit', 'teacher')),
    spans jsonb not null default '[]',
    status text not null default 'suggested' check (status in ('suggested', 'confirmed', 'rejected')),
    decided_by uuid references people (id) on delete set null,
    decided_at timestamptz,
    primary key (organisation_id, course_code, competency_id),
    foreign key (organisation_id, course_code) references college_courses (organisation_id, code) on delete cascade
  )`,
  `create table training_plans (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    course_system_id uuid not null references course_systems (id) on delete cascade,
    specialty_code text,
    title_zh text not null,
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create unique index training_plans_subject_idx on training_plans (course_system_id, coalesce(specialty_code, ''))`,
  `create table training_plan_versions (
    id uuid primary key default gen_random_uuid(),
    plan_id uuid not null references training_plans (id) on delete cascade,
    number integer not null check (number >= 1),
    status text not null default 'draft' check (status in ('draft', 'approved')),
    sections jsonb not null,
    note text not null default '',
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_by uuid references people (id) on delete set null,
    updated_at timestamptz not null default now(),
    approved_by uuid references people (id) on delete set null,
    approved_by_name text,
    approved_at timestamptz,
    unique (plan_id, number)
  )`,
  // At most one draft per plan: a new version is started from the newest approved one.
  `create unique index training_plan_versions_one_draft_idx on training_plan_versions (plan_id) where status = 'draft'`,
  // An approved version is immutable: only a removed person may be forgotten (on delete set null).
  `create function training_plan_versions_immutable() returns trigger language plpgsql as $$
    begin
      if old.status = 'approved' then
        if (to_jsonb(new) - 'created_by' - 'updated_by' - 'approved_by')
          = (to_jsonb(old) - 'created_by' - 'updated_by' - 'approved_by') then
          return new;
        end if;
        raise exception 'an approved training plan version is immutable';
      end if;
      return new;
    end
  $$`,
  `create trigger training_plan_versions_no_change before update on training_plan_versions
    for each row execute function training_plan_versions_immutable()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'training_plan_versions',
    'training_plans',
    'college_course_links',
    'college_courses',
    'course_systems',
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
  await sql.raw('drop function if exists training_plan_versions_immutable()').execute(db);
}
