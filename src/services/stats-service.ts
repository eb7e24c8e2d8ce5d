import type { Stats } from '../contracts/stats.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';

/** Counts of every aggregate; taxonomy counts are summed over the newest version of each framework. */
export async function collectStats(repositories: Repositories): Promise<Stats> {
  const aggregates = await repositories.aggregateCounts.counts();
  const taxonomy = {
    competencies: 0,
    occupations: 0,
    occupationCompetencyLinks: 0,
    posts: 0,
    postRequirements: 0,
    specialties: 0,
  };
  for (const version of await repositories.frameworkVersions.latestPerKey()) {
    const counts = await repositories.frameworkVersions.counts(version.id);
    for (const key of Object.keys(taxonomy) as (keyof typeof taxonomy)[]) taxonomy[key] += counts[key];
  }
  return {
    organisations: aggregates.organisations,
    people: aggregates.people,
    memberships: aggregates.memberships,
    invitations: aggregates.invitations,
    sessions: aggregates.sessions,
    auditEvents: aggregates.auditEvents,
    frameworks: aggregates.frameworks,
    frameworkVersions: aggregates.frameworkVersions,
    ...taxonomy,
    postingImports: aggregates.postingImports,
    postings: aggregates.postings,
    demandDeclarations: aggregates.demandDeclarations,
    collegeSpecialties: aggregates.collegeSpecialties,
    specialtyGroupProposals: aggregates.specialtyGroupProposals,
    courseSystems: aggregates.courseSystems,
    courseLists: aggregates.courseLists,
    collegeCourses: aggregates.collegeCourses,
    trainingPlans: aggregates.trainingPlans,
    trainingPlanVersions: aggregates.trainingPlanVersions,
    revisions: aggregates.revisions,
  };
}
