import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

/** Rows of every aggregate outside the taxonomy versions, counted in one statement. */
export interface AggregateCounts {
  readonly organisations: number;
  readonly people: number;
  readonly memberships: number;
  readonly invitations: number;
  readonly sessions: number;
  readonly auditEvents: number;
  readonly frameworks: number;
  readonly frameworkVersions: number;
  readonly postingImports: number;
  readonly postings: number;
  readonly demandDeclarations: number;
  readonly collegeSpecialties: number;
  readonly specialtyGroupProposals: number;
  readonly courseSystems: number;
  readonly courseLists: number;
  readonly collegeCourses: number;
  readonly trainingPlans: number;
  readonly trainingPlanVersions: number;
  readonly revisions: number;
}

/**
 * Counts for `zerodock stats` and `GET /api/stats`: one scalar subquery per aggregate, so the figures are of one
 * moment. Postings count only those of complete imports (what every page shows); imports count every status.
 */
export class AggregateCountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async counts(): Promise<AggregateCounts> {
    const row = await sql<Record<keyof AggregateCounts, number>>`
      select
        (select count(*)::int from organisations) as "organisations",
        (select count(*)::int from people) as "people",
        (select count(*)::int from memberships) as "memberships",
        (select count(*)::int from invitations) as "invitations",
        (select count(*)::int from sessions) as "sessions",
        (select count(*)::int from audit_events) as "auditEvents",
        (select count(distinct framework_key)::int from framework_versions) as "frameworks",
        (select count(*)::int from framework_versions) as "frameworkVersions",
        (select count(*)::int from posting_imports) as "postingImports",
        (select count(*)::int from postings p
           join posting_imports i on i.id = p.import_id and i.status = 'complete') as "postings",
        (select count(*)::int from demand_declarations) as "demandDeclarations",
        (select count(*)::int from college_specialties) as "collegeSpecialties",
        (select count(*)::int from group_proposals) as "specialtyGroupProposals",
        (select count(*)::int from course_systems) as "courseSystems",
        (select count(distinct organisation_id)::int from college_courses) as "courseLists",
        (select count(*)::int from college_courses) as "collegeCourses",
        (select count(*)::int from training_plans) as "trainingPlans",
        (select count(*)::int from training_plan_versions) as "trainingPlanVersions",
        (select count(*)::int from revisions) as "revisions"
    `.execute(this.db);
    const counts = row.rows[0];
    if (!counts) throw new Error('count query returned no row');
    return counts;
  }
}
