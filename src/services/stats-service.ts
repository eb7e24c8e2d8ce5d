import type { Stats } from '../contracts/stats.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';

/** Counts of the main tables; taxonomy counts are summed over the newest version of each framework. */
export async function collectStats(repositories: Repositories): Promise<Stats> {
  const [organisations, people, memberships, sessions, auditEvents] = await Promise.all([
    repositories.organisations.count(),
    repositories.people.count(),
    repositories.memberships.count(),
    repositories.sessions.count(),
    repositories.auditEvents.count(),
  ]);
  const taxonomy = {
    competencies: 0,
    occupations: 0,
    occupationCompetencyLinks: 0,
    posts: 0,
    postRequirements: 0,
    specialties: 0,
  };
  const versions = await repositories.frameworkVersions.list();
  for (const version of await repositories.frameworkVersions.latestPerKey()) {
    const counts = await repositories.frameworkVersions.counts(version.id);
    for (const key of Object.keys(taxonomy) as (keyof typeof taxonomy)[]) taxonomy[key] += counts[key];
  }
  return { organisations, people, memberships, sessions, auditEvents, frameworkVersions: versions.length, ...taxonomy };
}
