import { sql, type Kysely } from 'kysely';

/**
 * What an approved revision produced (issue 16): applying it builds a new course system version from the revised
 * requirements. The new version names the one it revised (`previous_id`) and the revision that built it
 * (`revision_id`); a version is revised at most once (a unique index: two revisions applied to the same version
 * would fork the group, so the second is refused as a conflict). The revision keeps its result — the new
 * version, the release notes, the requirement changes and the course diff — frozen like the rest of it — and,
 * beside the postings, the demand enterprises declared for the group's posts in the two years (`declared`).
 */
const STATEMENTS = [
  `alter table course_systems add column previous_id uuid references course_systems (id) on delete set null`,
  `alter table course_systems add column revision_id uuid references revisions (id) on delete set null`,
  `create unique index course_systems_revised_once_idx on course_systems (previous_id) where previous_id is not null`,
  `alter table revisions add column result_course_system_id uuid references course_systems (id) on delete set null`,
  `alter table revisions add column result jsonb`,
  `alter table revisions add column declared jsonb not null default '[]'::jsonb`,
  `alter table revisions add column applied_at timestamptz`,
  `alter table revisions add column applied_by uuid references people (id) on delete set null`,
  `alter table revisions add constraint revisions_applied_when_approved check (applied_at is null or status = 'approved')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table revisions drop constraint if exists revisions_applied_when_approved`,
    `alter table revisions drop column if exists applied_by`,
    `alter table revisions drop column if exists applied_at`,
    `alter table revisions drop column if exists result`,
    `alter table revisions drop column if exists declared`,
    `alter table revisions drop column if exists result_course_system_id`,
    `drop index if exists course_systems_revised_once_idx`,
    `alter table course_systems drop column if exists revision_id`,
    `alter table course_systems drop column if exists previous_id`,
  ])
    await sql.raw(statement).execute(db);
}
