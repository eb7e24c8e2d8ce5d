import { z } from 'zod';

const count = z.number().int().min(0);

/**
 * Counts of every aggregate (`zerodock stats --json`, `GET /api/stats`). Taxonomy counts (competencies … specialties)
 * are summed over the newest version of each framework (curated, ESCO, O*NET, catalogues); postings count those of
 * complete imports, postingImports every import whatever its status.
 */
export const statsSchema = z.object({
  organisations: count,
  /** Accounts. */
  people: count,
  memberships: count,
  invitations: count,
  sessions: count,
  auditEvents: count,
  /** Frameworks (distinct keys) and all their versions. */
  frameworks: count,
  frameworkVersions: count,
  competencies: count,
  occupations: count,
  occupationCompetencyLinks: count,
  posts: count,
  postRequirements: count,
  /** Specialties of the national catalogue in the taxonomy. */
  specialties: count,
  postingImports: count,
  postings: count,
  demandDeclarations: count,
  /** Specialties a college runs (with their posts, enrolment, employment). */
  collegeSpecialties: count,
  specialtyGroupProposals: count,
  courseSystems: count,
  /** Colleges with a course list, and the courses in all of them. */
  courseLists: count,
  collegeCourses: count,
  trainingPlans: count,
  trainingPlanVersions: count,
  /** Yearly revisions of specialty groups (年度动态调整), any status. */
  revisions: count,
});
export type Stats = z.infer<typeof statsSchema>;
