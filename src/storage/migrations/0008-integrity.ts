import { sql, type Kysely } from 'kysely';

/**
 * The lifecycle rules of immutable aggregates, enforced by the database as well as by the services (which lock
 * the version row, then check, inside the writing transaction — see core/taxonomy/framework-lifecycle.ts and
 * core/courses/plan-version-lifecycle.ts):
 * - a released framework version's row changes no more (only forgetting a deleted person or a deleted source
 *   version is allowed) and is not deleted; no row of its content (competencies, relations, levels,
 *   occupations and their links, posts, requirements, specialties) is inserted, updated or deleted. The
 *   content check runs once per statement over its transition table and takes the same row lock as the services,
 *   so a write racing a release either commits before it or is refused after it.
 * - an approved training plan version changes no more (as before) and is not deleted (unless its whole plan is),
 *   and a version is always created as a draft.
 * Refusals are raised as integrity violations naming a pseudo-constraint, which storage/database-errors.ts maps to
 * VERSION_RELEASED and PLAN_VERSION_NOT_EDITABLE (409).
 */
const CONTENT_TABLES = [
  'proficiency_levels',
  'competencies',
  'competency_relations',
  'reference_occupations',
  'occupation_competencies',
  'posts',
  'post_requirements',
  'specialties',
] as const;

/** Statement triggers with a transition table each: (suffix, event, transition table). */
const CONTENT_TRIGGERS = [
  ['insert', 'insert', 'new'],
  ['update_old', 'update', 'old'],
  ['update_new', 'update', 'new'],
  ['delete', 'delete', 'old'],
] as const;

const STATEMENTS = [
  `create function framework_versions_guard() returns trigger language plpgsql as $$
    begin
      if old.released then
        if tg_op = 'DELETE' then
          raise exception 'framework version % is released and cannot be deleted', old.id
            using errcode = 'integrity_constraint_violation', constraint = 'framework_version_released';
        end if;
        if (to_jsonb(new) - 'created_by' - 'derived_from') <> (to_jsonb(old) - 'created_by' - 'derived_from') then
          raise exception 'framework version % is released and immutable', old.id
            using errcode = 'integrity_constraint_violation', constraint = 'framework_version_released';
        end if;
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end
  $$`,
  `create trigger framework_versions_no_change before update or delete on framework_versions
    for each row execute function framework_versions_guard()`,
  // Lock first (waits for a release in progress, as the services' lock does), then look: a fresh statement sees
  // what that release committed. Versions deleted in this statement's cascade are gone and pass.
  `create function framework_version_content_guard() returns trigger language plpgsql as $$
    begin
      perform 1 from framework_versions
        where id in (select distinct version_id from changed_rows)
        for no key update;
      if exists (
        select 1 from framework_versions
          where released and id in (select distinct version_id from changed_rows)
      ) then
        raise exception '% of a released framework version are immutable', tg_table_name
          using errcode = 'integrity_constraint_violation', constraint = 'framework_version_released';
      end if;
      return null;
    end
  $$`,
  ...CONTENT_TABLES.flatMap((table) =>
    CONTENT_TRIGGERS.map(
      ([suffix, event, transition]) =>
        `create trigger ${table}_released_${suffix} after ${event} on ${table}
          referencing ${transition} table as changed_rows
          for each statement execute function framework_version_content_guard()`,
    ),
  ),
  `create or replace function training_plan_versions_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        if new.status <> 'draft' then
          raise exception 'a training plan version is created as a draft'
            using errcode = 'integrity_constraint_violation', constraint = 'training_plan_version_approved';
        end if;
        return new;
      end if;
      if old.status = 'approved' then
        if tg_op = 'DELETE' then
          -- Deleting the whole plan (or its organisation) takes its versions along.
          if exists (select 1 from training_plans where id = old.plan_id) then
            raise exception 'an approved training plan version cannot be deleted'
              using errcode = 'integrity_constraint_violation', constraint = 'training_plan_version_approved';
          end if;
          return old;
        end if;
        if (to_jsonb(new) - 'created_by' - 'updated_by' - 'approved_by')
          = (to_jsonb(old) - 'created_by' - 'updated_by' - 'approved_by') then
          return new;
        end if;
        raise exception 'an approved training plan version is immutable'
          using errcode = 'integrity_constraint_violation', constraint = 'training_plan_version_approved';
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end
  $$`,
  `create trigger training_plan_versions_no_insert_approved before insert on training_plan_versions
    for each row execute function training_plan_versions_immutable()`,
  `create trigger training_plan_versions_no_delete before delete on training_plan_versions
    for each row execute function training_plan_versions_immutable()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

/** The function of migration 0005, as it was. */
const PREVIOUS_PLAN_FUNCTION = `create or replace function training_plan_versions_immutable() returns trigger language plpgsql as $$
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
  $$`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop trigger if exists training_plan_versions_no_delete on training_plan_versions').execute(db);
  await sql
    .raw('drop trigger if exists training_plan_versions_no_insert_approved on training_plan_versions')
    .execute(db);
  await sql.raw(PREVIOUS_PLAN_FUNCTION).execute(db);
  for (const table of CONTENT_TABLES) {
    for (const [suffix] of CONTENT_TRIGGERS) {
      await sql.raw(`drop trigger if exists ${table}_released_${suffix} on ${table}`).execute(db);
    }
  }
  await sql.raw('drop function if exists framework_version_content_guard()').execute(db);
  await sql.raw('drop trigger if exists framework_versions_no_change on framework_versions').execute(db);
  await sql.raw('drop function if exists framework_versions_guard()').execute(db);
}
