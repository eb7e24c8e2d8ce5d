import { sql, type Kysely } from 'kysely';

/**
 * Specialty groups (专业群): a college's specialties (national catalogue codes) with the curated posts they serve
 * and their strength figures; proposals of groups (what the system proposed, what is current after the
 * director's and the committee's moves, the input the grouping was computed from, so a proposal is reproducible
 * after the demand data or the framework moves on); and the append-only trail of every step and decision.
 */
const STATEMENTS = [
  `create table college_specialties (
    organisation_id uuid not null references organisations (id) on delete cascade,
    code text not null check (code ~ '^[0-9]{6}$'),
    name_zh text not null,
    name_en text,
    posts text[] not null default '{}',
    enrolment integer check (enrolment is null or enrolment >= 0),
    employment_rate double precision check (employment_rate is null or (employment_rate >= 0 and employment_rate <= 1)),
    employer_rating double precision check (employer_rating is null or (employer_rating >= 0 and employer_rating <= 5)),
    updated_at timestamptz not null default now(),
    updated_by uuid references people (id) on delete set null,
    primary key (organisation_id, code)
  )`,
  // posts: the grouping input (post id, label, weighted competencies) as computed at creation.
  // proposed_assignment / assignment: post id → group id ("g1", …); specialty_overrides: code → group id.
  // specialties: the college's specialties frozen when the proposal is submitted (null while a draft: live).
  `create table group_proposals (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    title_zh text not null,
    title_en text not null default '',
    version_id uuid not null references framework_versions (id),
    method text not null check (method in ('consensus', 'average', 'shared-neighbour', 'k-means')),
    scope text not null check (scope in ('served', 'all')),
    k integer not null check (k >= 1),
    automatic boolean not null,
    status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'rejected')),
    posts jsonb not null,
    demand_postings integer not null default 0,
    proposed_assignment jsonb not null,
    assignment jsonb not null,
    specialty_overrides jsonb not null default '{}',
    group_names jsonb not null default '{}',
    last_group integer not null,
    candidates jsonb not null default '[]',
    specialties jsonb,
    proposed_quality double precision not null,
    quality double precision not null,
    created_by uuid references people (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    decided_at timestamptz
  )`,
  `create index group_proposals_organisation_idx on group_proposals (organisation_id, created_at desc)`,
  `create index group_proposals_status_idx on group_proposals (status, updated_at desc)`,
  `create table group_proposal_events (
    id uuid primary key default gen_random_uuid(),
    seq bigint generated always as identity,
    proposal_id uuid not null references group_proposals (id) on delete cascade,
    kind text not null check (kind in ('proposed', 'moved_post', 'moved_specialty', 'renamed', 'submitted',
      'commented', 'approved', 'rejected')),
    actor_person_id uuid references people (id) on delete set null,
    actor_name text not null,
    actor_organisation text,
    reason text not null default '',
    item text,
    from_group text,
    to_group text,
    quality_before double precision,
    quality_after double precision,
    created_at timestamptz not null default now()
  )`,
  `create index group_proposal_events_proposal_idx on group_proposal_events (proposal_id, seq)`,
  // The trail is append-only: rows leave only with their proposal (or organisation), never change, except
  // that a removed person is forgotten (the foreign key's on delete set null; the name stays in actor_name).
  `create function group_proposal_events_append_only() returns trigger language plpgsql as $$
    begin
      if new.actor_person_id is null
        and (to_jsonb(new) - 'actor_person_id') = (to_jsonb(old) - 'actor_person_id') then
        return new;
      end if;
      raise exception 'group_proposal_events is append-only';
    end
  $$`,
  `create trigger group_proposal_events_no_update before update on group_proposal_events
    for each row execute function group_proposal_events_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['group_proposal_events', 'group_proposals', 'college_specialties']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
  await sql.raw('drop function if exists group_proposal_events_append_only()').execute(db);
}
