import { sql, type Kysely } from 'kysely';
import type { CollegeCourse, CollegeCourseType } from '../../core/courses/college-course.js';
import type { Database } from '../database-schema.js';
import { lockAggregate } from './aggregate-lock.js';
import { json } from './column-values.js';

export type { CollegeCourse, CollegeCourseType };

export type CourseLinkStatus = 'suggested' | 'confirmed' | 'rejected';
export type CourseLinkEvidence = 'exact' | 'implicit' | 'teacher';

export interface CourseLink {
  courseCode: string;
  competencyId: string;
  score: number;
  evidence: CourseLinkEvidence;
  spans: [number, number][];
  status: CourseLinkStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface CollegeCourseRecord extends CollegeCourse {
  importedAt: string;
  links: CourseLink[];
}

/** A college's current course list and the competencies each course teaches. */
export class CollegeCourseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Replaces the college's course list (call inside a transaction). Links a teacher decided (confirmed, rejected
   * or added) survive for a course whose code and description are unchanged; every other link is the linker's
   * new suggestion. Concurrent replacements of one college's list take turns (the last one wins whole).
   */
  async replaceAll(
    organisationId: string,
    courses: readonly CollegeCourse[],
    suggestions: readonly Omit<CourseLink, 'status' | 'decidedBy' | 'decidedAt'>[],
    importedBy: string | null,
    now: Date,
  ): Promise<{ kept: number }> {
    await lockAggregate(this.db, 'college-courses', organisationId);
    const previous = await this.db
      .selectFrom('college_courses')
      .select(['code', 'description'])
      .where('organisation_id', '=', organisationId)
      .execute();
    const unchanged = new Set(
      courses
        .filter((course) => previous.some((row) => row.code === course.code && row.description === course.description))
        .map((course) => course.code),
    );
    const decided = (
      await this.db
        .selectFrom('college_course_links')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('status', '!=', 'suggested')
        .execute()
    ).filter((row) => unchanged.has(row.course_code));
    await this.db.deleteFrom('college_courses').where('organisation_id', '=', organisationId).execute();
    for (let start = 0; start < courses.length; start += 500) {
      await this.db
        .insertInto('college_courses')
        .values(
          courses.slice(start, start + 500).map((course) => ({
            organisation_id: organisationId,
            code: course.code,
            name_zh: course.nameZh,
            name_en: course.nameEn,
            credits: course.credits,
            hours: course.hours,
            description: course.description,
            type: course.type,
            source_file: course.sourceFile,
            source_line: course.sourceLine,
            imported_at: now,
            imported_by: importedBy,
          })),
        )
        .execute();
    }
    const decidedKeys = new Set(decided.map((row) => `${row.course_code}\u0000${row.competency_id}`));
    const rows = [
      ...decided.map((row) => ({ ...row, spans: JSON.stringify(json(row.spans)) })),
      ...suggestions
        .filter((link) => !decidedKeys.has(`${link.courseCode}\u0000${link.competencyId}`))
        .map((link) => ({
          organisation_id: organisationId,
          course_code: link.courseCode,
          competency_id: link.competencyId,
          score: link.score,
          evidence: link.evidence,
          spans: JSON.stringify(link.spans),
          status: 'suggested',
          decided_by: null,
          decided_at: null,
        })),
    ];
    for (let start = 0; start < rows.length; start += 500) {
      await this.db
        .insertInto('college_course_links')
        .values(rows.slice(start, start + 500))
        .execute();
    }
    return { kept: decided.length };
  }

  async list(organisationId: string): Promise<CollegeCourseRecord[]> {
    const courses = await this.db
      .selectFrom('college_courses')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('source_line')
      .orderBy('code')
      .execute();
    const links = await this.db
      .selectFrom('college_course_links')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('course_code')
      .orderBy('score', 'desc')
      .orderBy('competency_id')
      .execute();
    const byCourse = new Map<string, CourseLink[]>();
    for (const row of links) {
      const list = byCourse.get(row.course_code) ?? [];
      list.push({
        courseCode: row.course_code,
        competencyId: row.competency_id,
        score: row.score,
        evidence: row.evidence as CourseLinkEvidence,
        spans: json<[number, number][]>(row.spans),
        status: row.status as CourseLinkStatus,
        decidedBy: row.decided_by,
        decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
      });
      byCourse.set(row.course_code, list);
    }
    return courses.map((row) => ({
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      credits: row.credits,
      hours: row.hours,
      description: row.description,
      type: row.type as CollegeCourseType,
      sourceFile: row.source_file,
      sourceLine: row.source_line,
      importedAt: new Date(row.imported_at).toISOString(),
      links: byCourse.get(row.code) ?? [],
    }));
  }

  async exists(organisationId: string, code: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('college_courses')
      .select('code')
      .where('organisation_id', '=', organisationId)
      .where('code', '=', code)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A teacher's decision on a link; a competency the linker did not suggest is added as the teacher's own. */
  async decide(
    organisationId: string,
    code: string,
    competencyId: string,
    status: 'confirmed' | 'rejected',
    by: string | null,
    now: Date,
  ): Promise<void> {
    await this.db
      .insertInto('college_course_links')
      .values({
        organisation_id: organisationId,
        course_code: code,
        competency_id: competencyId,
        score: 1,
        evidence: 'teacher',
        spans: '[]',
        status,
        decided_by: by,
        decided_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['organisation_id', 'course_code', 'competency_id']).doUpdateSet({
          status,
          decided_by: by,
          decided_at: now,
        }),
      )
      .execute();
  }

  async count(organisationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('college_courses')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return row.n;
  }
}
