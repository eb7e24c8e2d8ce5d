import { sql, type Kysely } from 'kysely';

/**
 * Students keep their pathway (issue 16, "students' pathways are re-checked"): the target post, the courses they
 * chose and what they already had, per course system version. When a revision is applied, each pathway on the
 * revised version is carried to the new one with its courses mapped to their successors, and re-checked against
 * the new requirements: what it no longer covers and the fewest courses that would cover it are kept as the
 * student's notice (`notice`, null when nothing is missing) until the student saves the pathway again.
 */
const STATEMENTS = [
  `create table student_pathways (
    person_id uuid not null references people (id) on delete cascade,
    organisation_id uuid not null references organisations (id) on delete cascade,
    course_system_id uuid not null references course_systems (id) on delete cascade,
    post_id text not null,
    chosen jsonb not null,
    have jsonb not null,
    notice jsonb,
    carried_from uuid references course_systems (id) on delete set null,
    saved_at timestamptz not null,
    primary key (person_id, course_system_id)
  )`,
  `create index student_pathways_course_system_idx on student_pathways (course_system_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table if exists student_pathways`).execute(db);
}
