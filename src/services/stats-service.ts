import type { Stats } from '../contracts/stats.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';

/** Counts of the main tables. */
export async function collectStats(repositories: Repositories): Promise<Stats> {
  const [organisations, people, memberships, sessions, auditEvents] = await Promise.all([
    repositories.organisations.count(),
    repositories.people.count(),
    repositories.memberships.count(),
    repositories.sessions.count(),
    repositories.auditEvents.count(),
  ]);
  return { organisations, people, memberships, sessions, auditEvents };
}
