import { DomainError } from '../core/errors/domain-error.js';
import { DEMO_COLLEGE, requirePerson } from './demo-groups.js';
import { createRevision } from './revision-service.js';
import type { ServiceContext } from './service-context.js';

/**
 * Seeds a draft yearly revision of the demo college's course-system group between the first and the last year of
 * the stored postings, so the revision pages have something to show. Not the last two years: the generated
 * postings draw every year's competencies from one distribution (only the posts' volumes trend), so two adjacent
 * years of ~250 of the group's postings hold no significant change at all; four years apart the volume trends
 * show. Returns null (and writes nothing) when the group already has a revision, when there are fewer than two
 * years of postings, or when one of those years holds no posting of the group's posts.
 */
export async function loadDemoRevision(
  context: ServiceContext,
): Promise<{ beforeYear: number; afterYear: number; changes: number; proposals: number } | null> {
  const repositories = context.store.repositories;
  const college = await repositories.organisations.findByNameZh(DEMO_COLLEGE);
  if (!college) return null;
  const system = (await repositories.courseSystems.list(college.id)).at(-1);
  if (!system) return null;
  if ((await repositories.revisions.listForGroup(college.id, system.id)).length > 0) return null;
  const years = (await repositories.demand.countsBy('year', {}))
    .map((row) => Number(row.key))
    .filter((year) => isPlausibleYear(year))
    .sort((a, b) => a - b);
  if (years.length < 2) return null;
  const [beforeYear, afterYear] = [years[0]!, years.at(-1)!];
  const director = await requirePerson(repositories, 'director@demo.zerodock.local');
  try {
    const revision = await createRevision(context, director, college.id, system.id, { beforeYear, afterYear });
    return { beforeYear, afterYear, changes: revision.changes.length, proposals: revision.proposals.length };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'REVISION_NO_DEMAND') return null;
    throw error;
  }
}

function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2000 && year <= 2100;
}
