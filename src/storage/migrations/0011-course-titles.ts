import { sql, type Kysely } from 'kysely';

/**
 * Teachers' names for the courses of a course system (issue 15 §2): one row per renamed course, keyed by the
 * course's identity (its library code or its competencies, with its kind and post — see
 * `core/courses/course-identity.ts`), not by its plan position, so a name survives every re-plan and a re-built
 * course system that keeps the course.
 */
const STATEMENTS = [
  `create table course_title_overrides (
    course_system_id uuid not null references course_systems (id) on delete cascade,
    course_key text not null check (length(course_key) between 1 and 4000),
    title_zh text not null check (length(title_zh) between 1 and 80),
    title_en text not null default '' check (length(title_en) <= 160),
    renamed_by uuid references people (id) on delete set null,
    renamed_at timestamptz not null default now(),
    primary key (course_system_id, course_key)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists course_title_overrides').execute(db);
}
