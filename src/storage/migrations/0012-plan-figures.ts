import { sql, type Kysely } from 'kysely';

/**
 * The figures a Talent Training Plan version prints (every course with credits, hours, theory and practice hours,
 * semester; the 岗位实习; the minimum elective credits), stored with the version so the rules of 教职成〔2019〕13号
 * are checked against what that version says. Null for versions drafted before: their rules are shown once a
 * refreshed version is started.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table training_plan_versions add column figures jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table training_plan_versions drop column if exists figures`.execute(db);
}
