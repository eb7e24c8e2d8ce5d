import { sql, type Kysely } from 'kysely';

/**
 * A cast vote is never taken back (issue 15 §4): besides the update guard of 0010, the database refuses to delete a
 * vote row. Only the removal of the whole committee (organisation) takes its votes with it — that delete arrives
 * through the foreign key's cascade, i.e. from inside a trigger (pg_trigger_depth() > 1), never as a statement of
 * its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create function committee_votes_kept() returns trigger language plpgsql as $$
        begin
          if pg_trigger_depth() > 1 then
            return old;
          end if;
          raise exception 'committee votes are kept: a cast vote is never deleted'
            using errcode = 'integrity_constraint_violation', constraint = 'committee_votes_append_only';
        end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger committee_votes_no_delete before delete on committee_votes
        for each row execute function committee_votes_kept()`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop trigger if exists committee_votes_no_delete on committee_votes`).execute(db);
  await sql.raw(`drop function if exists committee_votes_kept()`).execute(db);
}
