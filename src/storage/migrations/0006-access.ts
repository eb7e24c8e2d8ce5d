import { sql, type Kysely } from 'kysely';

/**
 * Roles belong to organisation kinds, and the database says so too (issue: a college admin could hand itself a
 * committee seat). The steering committee becomes an organisation of its own kind (`committee`); the platform
 * gains curators (who edit the shared framework and import postings); committee seats held elsewhere are revoked
 * (recorded in the audit log) — the platform re-appoints members in a committee organisation. Adding someone to an
 * organisation becomes an invitation they accept. Posting imports remember the organisation that made them, which
 * alone (with the platform) may delete them.
 */
const STATEMENTS = [
  `alter table organisations drop constraint organisations_kind_check`,
  `alter table organisations add constraint organisations_kind_check
    check (kind in ('platform', 'college', 'enterprise', 'city_office', 'committee'))`,
  `alter table memberships drop constraint memberships_role_check`,
  `alter table memberships add constraint memberships_role_check check (role in ('platform_admin',
    'platform_curator', 'college_admin', 'group_director', 'teacher', 'enterprise_admin', 'enterprise_engineer',
    'student', 'city_officer', 'committee_member'))`,
  `insert into audit_events (occurred_at, action, actor_person_id, actor_email, organisation_id, details)
    select now(), 'member.roles_changed', null, null, m.organisation_id,
      jsonb_build_object('personId', m.person_id, 'removed', jsonb_build_array(m.role), 'added', '[]'::jsonb,
        'reason', 'committee seats now belong to a steering-committee organisation (migration 0006-access)')
    from memberships m join organisations o on o.id = m.organisation_id
    where m.role = 'committee_member' and o.kind <> 'committee'`,
  `delete from memberships m using organisations o
    where o.id = m.organisation_id and m.role = 'committee_member' and o.kind <> 'committee'`,
  // The kinds' roles as of this migration (core/access/roles.ts ROLES_BY_ORGANISATION_KIND; a test compares them).
  `create function membership_role_fits_kind() returns trigger language plpgsql as $$
    declare
      organisation_kind text;
    begin
      select kind into organisation_kind from organisations where id = new.organisation_id;
      if (organisation_kind = 'platform' and new.role in ('platform_admin', 'platform_curator'))
        or (organisation_kind = 'college' and new.role in ('college_admin', 'group_director', 'teacher', 'student'))
        or (organisation_kind = 'enterprise' and new.role in ('enterprise_admin', 'enterprise_engineer'))
        or (organisation_kind = 'city_office' and new.role = 'city_officer')
        or (organisation_kind = 'committee' and new.role = 'committee_member') then
        return new;
      end if;
      raise exception 'role % cannot be held in an organisation of kind %', new.role, organisation_kind
        using errcode = 'check_violation', constraint = 'membership_role_fits_kind';
    end
  $$`,
  `create trigger memberships_role_fits_kind before insert or update on memberships
    for each row execute function membership_role_fits_kind()`,
  `create table invitations (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations (id) on delete cascade,
    email text not null,
    display_name text not null,
    roles jsonb not null,
    code_hash text not null unique,
    status text not null check (status in ('pending', 'accepted', 'declined', 'revoked')),
    invited_by uuid references people (id) on delete set null,
    accepted_by uuid references people (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    decided_at timestamptz
  )`,
  `create unique index invitations_one_pending_idx on invitations (organisation_id, lower(email))
    where status = 'pending'`,
  `create index invitations_email_idx on invitations (lower(email), status)`,
  `alter table posting_imports add column organisation_id uuid references organisations (id) on delete set null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table posting_imports drop column if exists organisation_id`,
    `drop table if exists invitations`,
    `drop trigger if exists memberships_role_fits_kind on memberships`,
    `drop function if exists membership_role_fits_kind()`,
    `delete from memberships where role = 'platform_curator'`,
    `alter table memberships drop constraint memberships_role_check`,
    `alter table memberships add constraint memberships_role_check check (role in ('platform_admin',
      'college_admin', 'group_director', 'teacher', 'enterprise_admin', 'enterprise_engineer', 'student',
      'city_officer', 'committee_member'))`,
    `delete from organisations where kind = 'committee'`,
    `alter table organisations drop constraint organisations_kind_check`,
    `alter table organisations add constraint organisations_kind_check
      check (kind in ('platform', 'college', 'enterprise', 'city_office'))`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
