import { sql, type Kysely, type Selectable } from 'kysely';
import { courseIdentity } from '../../core/courses/course-identity.js';
import { allCourses, type CourseSystem, type PublicCourse } from '../../core/courses/course-system.js';
import type { SemesterPlan } from '../../core/courses/plan-semesters.js';
import type { Database } from '../database-schema.js';
import { json } from './column-values.js';

/** A post of a course system as the planner read it: weights as the grouping weighed them, levels required. */
export interface CourseSystemPost {
  id: string;
  titleZh: string;
  titleEn: string;
  competencies: { id: string; weight: number; level: number }[];
}

export interface CourseSystemSpecialty {
  code: string;
  nameZh: string;
  nameEn: string | null;
}

/** Plans stored before the per-student load have no `load`/`loadHours`: they are recomputed when shown. */
export interface StoredSemesterPlan extends Omit<SemesterPlan, 'load' | 'loadHours'> {
  load?: number[];
  loadHours?: number[];
  /** Seconds the plan took to compute (synthesis and semesters). */
  seconds: number;
}

export interface CourseSystemSummaryRecord {
  id: string;
  organisationId: string;
  proposalId: string | null;
  /** The proposal's status now (read from the proposal, never a copy); the copy when the proposal is gone. */
  proposalStatus: string;
  /** The proposal's status when the course system was built from it. */
  builtFromStatus: string;
  groupId: string;
  titleZh: string;
  titleEn: string;
  versionId: string;
  semesters: number;
  maxCredits: number;
  maxHours: number | null;
  practical: number[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The version a yearly revision revised into this one, and that revision (null: built from a proposal). */
  previousId: string | null;
  revisionId: string | null;
}

export interface CourseSystemRecord extends CourseSystemSummaryRecord {
  posts: CourseSystemPost[];
  specialties: CourseSystemSpecialty[];
  system: CourseSystem;
  publicCourses: PublicCourse[];
  plan: StoredSemesterPlan;
  /** Ids of the courses teachers renamed (their titles in `system` are the teachers' names). */
  renamedCourses: string[];
}

export type NewCourseSystem = Omit<
  CourseSystemRecord,
  'id' | 'createdAt' | 'updatedAt' | 'renamedCourses' | 'proposalStatus' | 'previousId' | 'revisionId'
> & {
  now: Date;
  previousId?: string | null;
  revisionId?: string | null;
};

/** A teacher's name for one course of a course system, kept under the course's identity. */
export interface CourseTitleOverride {
  courseKey: string;
  titleZh: string;
  titleEn: string;
  renamedBy: string | null;
  renamedAt: Date;
}

const SUMMARY = [
  'id',
  'organisation_id',
  'proposal_id',
  'proposal_status',
  'group_id',
  'title_zh',
  'title_en',
  'version_id',
  'semesters',
  'max_credits',
  'max_hours',
  'practical',
  'created_by',
  'created_at',
  'updated_at',
  'previous_id',
  'revision_id',
] as const;

type SummaryRow = Pick<Selectable<Database['course_systems']>, (typeof SUMMARY)[number]> & {
  live_proposal_status: string | null;
};

/** The proposal's live status, beside the copy kept when the course system was built. */
const LIVE_PROPOSAL_STATUS = sql<
  string | null
>`(select g.status from group_proposals g where g.id = course_systems.proposal_id)`.as('live_proposal_status');

function toSummary(row: SummaryRow): CourseSystemSummaryRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    proposalId: row.proposal_id,
    proposalStatus: row.live_proposal_status ?? row.proposal_status,
    builtFromStatus: row.proposal_status,
    groupId: row.group_id,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    versionId: row.version_id,
    semesters: row.semesters,
    maxCredits: row.max_credits,
    maxHours: row.max_hours,
    practical: json<number[]>(row.practical),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    previousId: row.previous_id,
    revisionId: row.revision_id,
  };
}

/** Course systems of the colleges: what was synthesised and planned, stored whole. */
export class CourseSystemRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(value: NewCourseSystem): Promise<string> {
    const row = await this.db
      .insertInto('course_systems')
      .values({
        organisation_id: value.organisationId,
        proposal_id: value.proposalId,
        proposal_status: value.builtFromStatus,
        group_id: value.groupId,
        title_zh: value.titleZh,
        title_en: value.titleEn,
        version_id: value.versionId,
        semesters: value.semesters,
        max_credits: value.maxCredits,
        max_hours: value.maxHours,
        practical: JSON.stringify(value.practical),
        posts: JSON.stringify(value.posts),
        specialties: JSON.stringify(value.specialties),
        system: JSON.stringify(value.system),
        public_courses: JSON.stringify(value.publicCourses),
        plan: JSON.stringify(value.plan),
        created_by: value.createdBy,
        created_at: value.now,
        updated_at: value.now,
        previous_id: value.previousId ?? null,
        revision_id: value.revisionId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async list(organisationId: string): Promise<CourseSystemSummaryRecord[]> {
    const rows = await this.db
      .selectFrom('course_systems')
      .select([...SUMMARY, LIVE_PROPOSAL_STATUS])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toSummary);
  }

  async find(id: string): Promise<CourseSystemRecord | null> {
    const row = await this.db
      .selectFrom('course_systems')
      .select([...SUMMARY, LIVE_PROPOSAL_STATUS, 'posts', 'specialties', 'system', 'public_courses', 'plan'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    // Teachers' names replace the derived titles wherever the course system is read (board, plans, exports).
    const system = json<CourseSystem>(row.system);
    const overrides = new Map((await this.titleOverrides(id)).map((entry) => [entry.courseKey, entry]));
    const renamedCourses: string[] = [];
    for (const course of allCourses(system)) {
      const override = overrides.get(courseIdentity(course));
      if (!override) continue;
      course.titleZh = override.titleZh;
      course.titleEn = override.titleEn;
      renamedCourses.push(course.id);
    }
    return {
      ...toSummary(row),
      posts: json<CourseSystemPost[]>(row.posts),
      specialties: json<CourseSystemSpecialty[]>(row.specialties),
      system,
      publicCourses: json<PublicCourse[]>(row.public_courses),
      plan: json<StoredSemesterPlan>(row.plan),
      renamedCourses,
    };
  }

  async lock(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('course_systems')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A new semester plan (other options or public courses); the courses themselves never change. */
  async updatePlan(
    id: string,
    value: Pick<CourseSystemRecord, 'semesters' | 'maxCredits' | 'maxHours' | 'practical' | 'publicCourses' | 'plan'>,
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('course_systems')
      .set({
        semesters: value.semesters,
        max_credits: value.maxCredits,
        max_hours: value.maxHours,
        practical: JSON.stringify(value.practical),
        public_courses: JSON.stringify(value.publicCourses),
        plan: JSON.stringify(value.plan),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Teachers' names for the courses of a course system. */
  async titleOverrides(courseSystemId: string): Promise<CourseTitleOverride[]> {
    const rows = await this.db
      .selectFrom('course_title_overrides')
      .select(['course_key', 'title_zh', 'title_en', 'renamed_by', 'renamed_at'])
      .where('course_system_id', '=', courseSystemId)
      .orderBy('course_key')
      .execute();
    return rows.map((row) => ({
      courseKey: row.course_key,
      titleZh: row.title_zh,
      titleEn: row.title_en,
      renamedBy: row.renamed_by,
      renamedAt: new Date(row.renamed_at),
    }));
  }

  /** The version a revision built from this one (null: not revised). */
  async successorOf(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('course_systems')
      .select('id')
      .where('previous_id', '=', id)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Teachers' names for courses follow a course system into its next version (same course identity). */
  async copyTitleOverrides(fromId: string, toId: string): Promise<void> {
    await sql`insert into course_title_overrides (course_system_id, course_key, title_zh, title_en, renamed_by, renamed_at)
      select ${toId}, course_key, title_zh, title_en, renamed_by, renamed_at
      from course_title_overrides where course_system_id = ${fromId}`.execute(this.db);
  }

  /** Names a course (by its identity); a second name replaces the first. */
  async setTitleOverride(
    courseSystemId: string,
    value: { courseKey: string; titleZh: string; titleEn: string; renamedBy: string | null },
    now: Date,
  ): Promise<void> {
    await this.db
      .insertInto('course_title_overrides')
      .values({
        course_system_id: courseSystemId,
        course_key: value.courseKey,
        title_zh: value.titleZh,
        title_en: value.titleEn,
        renamed_by: value.renamedBy,
        renamed_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['course_system_id', 'course_key']).doUpdateSet({
          title_zh: value.titleZh,
          title_en: value.titleEn,
          renamed_by: value.renamedBy,
          renamed_at: now,
        }),
      )
      .execute();
  }

  /** Gives a course its derived title back; false when it had no name of a teacher's. */
  async clearTitleOverride(courseSystemId: string, courseKey: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('course_title_overrides')
      .where('course_system_id', '=', courseSystemId)
      .where('course_key', '=', courseKey)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('course_systems').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
