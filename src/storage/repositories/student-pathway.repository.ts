import type { Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

export interface PathwayNoticeRecord {
  revisionId: string;
  missing: string[];
  add: string[];
  retired: string[];
}

export interface StudentPathwayRecord {
  personId: string;
  organisationId: string;
  courseSystemId: string;
  post: string;
  chosen: string[];
  have: string[];
  notice: PathwayNoticeRecord | null;
  carriedFrom: string | null;
  savedAt: string;
}

/** Students' saved pathways, one per person and course system version. */
export class StudentPathwayRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Saves (or replaces) a pathway; saving clears any notice a revision left. */
  async save(
    pathway: Omit<StudentPathwayRecord, 'savedAt' | 'notice' | 'carriedFrom'> & {
      notice?: PathwayNoticeRecord | null;
      carriedFrom?: string | null;
    },
    now: Date,
  ): Promise<void> {
    const values = {
      person_id: pathway.personId,
      organisation_id: pathway.organisationId,
      course_system_id: pathway.courseSystemId,
      post_id: pathway.post,
      chosen: JSON.stringify(pathway.chosen),
      have: JSON.stringify(pathway.have),
      notice: pathway.notice ? JSON.stringify(pathway.notice) : null,
      carried_from: pathway.carriedFrom ?? null,
      saved_at: now,
    };
    await this.db
      .insertInto('student_pathways')
      .values(values)
      .onConflict((conflict) =>
        conflict.columns(['person_id', 'course_system_id']).doUpdateSet({
          post_id: values.post_id,
          chosen: values.chosen,
          have: values.have,
          notice: values.notice,
          carried_from: values.carried_from,
          saved_at: values.saved_at,
        }),
      )
      .execute();
  }

  async find(personId: string, courseSystemId: string): Promise<StudentPathwayRecord | undefined> {
    const row = await this.db
      .selectFrom('student_pathways')
      .selectAll()
      .where('person_id', '=', personId)
      .where('course_system_id', '=', courseSystemId)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async listForCourseSystem(courseSystemId: string): Promise<StudentPathwayRecord[]> {
    const rows = await this.db
      .selectFrom('student_pathways')
      .selectAll()
      .where('course_system_id', '=', courseSystemId)
      .orderBy('person_id')
      .execute();
    return rows.map(toRecord);
  }

  /** A student's pathways that carry a notice from a revision (what they must add), newest first. */
  async listNoticesFor(personId: string, organisationId: string): Promise<StudentPathwayRecord[]> {
    const rows = await this.db
      .selectFrom('student_pathways')
      .selectAll()
      .where('person_id', '=', personId)
      .where('organisation_id', '=', organisationId)
      .where('notice', 'is not', null)
      .orderBy('saved_at', 'desc')
      .execute();
    return rows.map(toRecord);
  }
}

function toRecord(row: {
  person_id: string;
  organisation_id: string;
  course_system_id: string;
  post_id: string;
  chosen: unknown;
  have: unknown;
  notice: unknown;
  carried_from: string | null;
  saved_at: Date;
}): StudentPathwayRecord {
  return {
    personId: row.person_id,
    organisationId: row.organisation_id,
    courseSystemId: row.course_system_id,
    post: row.post_id,
    chosen: row.chosen as string[],
    have: row.have as string[],
    notice: (row.notice as PathwayNoticeRecord | null) ?? null,
    carriedFrom: row.carried_from,
    savedAt: new Date(row.saved_at).toISOString(),
  };
}
