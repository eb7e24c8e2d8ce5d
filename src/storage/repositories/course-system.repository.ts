import { sql, type Kysely, type Selectable } from 'kysely';
import type { CourseSystem, PublicCourse } from '../../core/courses/course-system.js';
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

export interface StoredSemesterPlan extends SemesterPlan {
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
}

export interface CourseSystemRecord extends CourseSystemSummaryRecord {
  posts: CourseSystemPost[];
  specialties: CourseSystemSpecialty[];
  system: CourseSystem;
  publicCourses: PublicCourse[];
  plan: StoredSemesterPlan;
}

export type NewCourseSystem = Omit<CourseSystemRecord, 'id' | 'createdAt' | 'updatedAt' | 'proposalStatus'> & {
  now: Date;
};

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
    return {
      ...toSummary(row),
      posts: json<CourseSystemPost[]>(row.posts),
      specialties: json<CourseSystemSpecialty[]>(row.specialties),
      system: json<CourseSystem>(row.system),
      publicCourses: json<PublicCourse[]>(row.public_courses),
      plan: json<StoredSemesterPlan>(row.plan),
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

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('course_systems').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
