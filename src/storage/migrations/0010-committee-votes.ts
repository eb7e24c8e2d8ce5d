import { sql, type Kysely } from 'kysely';

/**
 * Committee decisions are votes (issue 15 §4): each steering committee keeps its voting rules (quorum, majority;
 * the defaults when no row); every vote cast on a matter before it — a specialty-group proposal or a Talent
 * Training Plan version — is a row of an append-only table (a changed vote is a new row; the newest per member
 * counts). A proposal and a plan version remember the committee they were put before; a plan version remembers
 * when it was submitted and its review round (a rejected version goes back to the director, and the next
 * submission is counted afresh). The trail of a proposal gains a 'voted' step.
 */
const STATEMENTS = [
  `create table committee_rules (
    organisation_id uuid primary key references organisations (id) on delete cascade,
    quorum integer check (quorum is null or quorum >= 2),
    majority text not null default 'simple' check (majority in ('simple', 'two_thirds')),
    updated_at timestamptz not null default now(),
    updated_by uuid references people (id) on delete set null
  )`,
  `create table committee_votes (
    id uuid primary key default gen_random_uuid(),
    seq bigint generated always as identity,
    committee_id uuid not null references organisations (id) on delete cascade,
    matter_kind text not null check (matter_kind in ('proposal', 'plan_version')),
    matter_id uuid not null,
    round integer not null default 1 check (round >= 1),
    voter_person_id uuid references people (id) on delete set null,
    voter_name text not null,
    choice text not null check (choice in ('approve', 'reject', 'abstain')),
    comment text not null default '',
    cast_at timestamptz not null default now()
  )`,
  `create index committee_votes_matter_idx on committee_votes (matter_kind, matter_id, round, seq)`,
  // Append-only: a vote is never edited or taken back (a change is a new row); only a removed person is forgotten.
  `create function committee_votes_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and new.voter_person_id is null
        and (to_jsonb(new) - 'voter_person_id') = (to_jsonb(old) - 'voter_person_id') then
        return new;
      end if;
      raise exception 'committee votes are append-only'
        using errcode = 'integrity_constraint_violation', constraint = 'committee_votes_append_only';
    end $$`,
  `create trigger committee_votes_no_change before update on committee_votes
    for each row execute function committee_votes_append_only()`,
  `alter table group_proposals add column committee_id uuid references organisations (id) on delete set null`,
  // Proposals already before "the" committee: when there is exactly one committee, it is theirs.
  `update group_proposals set committee_id = (select id from organisations where kind = 'committee')
    where status <> 'draft' and (select count(*) from organisations where kind = 'committee') = 1`,
  `alter table group_proposal_events drop constraint if exists group_proposal_events_kind_check`,
  `alter table group_proposal_events add constraint group_proposal_events_kind_check check (kind in ('proposed',
    'moved_post', 'moved_specialty', 'renamed', 'submitted', 'commented', 'voted', 'approved', 'rejected'))`,
  // No foreign key: an approved version is immutable (by trigger), so its committee reference must never be
  // rewritten by a cascade.
  `alter table training_plan_versions add column committee_id uuid`,
  `alter table training_plan_versions add column submitted_at timestamptz`,
  `alter table training_plan_versions add column review_round integer not null default 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table training_plan_versions drop column if exists review_round`,
    `alter table training_plan_versions drop column if exists submitted_at`,
    `alter table training_plan_versions drop column if exists committee_id`,
    `delete from group_proposal_events where kind = 'voted'`,
    `alter table group_proposal_events drop constraint if exists group_proposal_events_kind_check`,
    `alter table group_proposal_events add constraint group_proposal_events_kind_check check (kind in ('proposed',
      'moved_post', 'moved_specialty', 'renamed', 'submitted', 'commented', 'approved', 'rejected'))`,
    `alter table group_proposals drop column if exists committee_id`,
    `drop table if exists committee_votes`,
    `drop function if exists committee_votes_append_only()`,
    `drop table if exists committee_rules`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
