import { DomainError } from '../core/errors/domain-error.js';
import type { GroupingPost } from '../core/groups/post-matrix.js';
import { DEMAND_MIN_POSTINGS, weighPostCompetencies } from '../core/groups/weigh-post-competencies.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import { requireCuratedVersion } from './college-specialty-service.js';
import { CURATED_FRAMEWORK_KEY } from './linker-cache.js';

export interface GroupingInput {
  versionId: string;
  posts: GroupingPost[];
  demandPostings: number;
}

/** The posts to group (newest released curated framework; `served`: those the college's specialties serve). */
export async function loadGroupingInput(
  repositories: Repositories,
  organisationId: string,
  scope: 'served' | 'all',
): Promise<GroupingInput> {
  const version = await requireCuratedVersion(repositories);
  const posts = await repositories.taxonomy.posts(version.id);
  let chosen = posts;
  if (scope === 'served') {
    const served = new Set((await repositories.collegeSpecialties.list(organisationId)).flatMap((s) => s.posts));
    if (served.size > 0) chosen = posts.filter((post) => served.has(post.id));
  }
  if (chosen.length === 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `None of the posts the college’s specialties serve is in ${version.titleEn} ${version.label}; map them again or use scope "all".`,
      {
        field: 'scope',
        reason: 'no-served-posts',
        frameworkZh: `${version.titleZh} ${version.label}`,
        frameworkEn: `${version.titleEn} ${version.label}`,
      },
    );
  }
  const requirements = await repositories.taxonomy.allRequirements(version.id);
  const known = new Set((await repositories.taxonomy.competencyTerms(version.id)).map((term) => term.id));
  const counts = await repositories.demand.postCompetencyCounts(chosen.map((post) => post.id));
  const demandOf = new Map<string, { postings: number; competencies: Map<string, number> }>();
  const prefix = `${CURATED_FRAMEWORK_KEY}:`;
  for (const row of counts) {
    const entry = demandOf.get(row.postId) ?? { postings: 0, competencies: new Map<string, number>() };
    if (row.key === '') entry.postings += row.count;
    // Only curated competencies: every column of the matrix then has a label in the framework the posts come from.
    else if (row.key.startsWith(prefix) && known.has(row.key.slice(prefix.length)))
      entry.competencies.set(row.key.slice(prefix.length), row.count);
    demandOf.set(row.postId, entry);
  }
  let demandPostings = 0;
  const grouped = chosen.map((post) => {
    const demand = demandOf.get(post.id) ?? null;
    if (demand && demand.postings >= DEMAND_MIN_POSTINGS) demandPostings += demand.postings;
    return {
      id: post.id,
      label: post.titleZh,
      competencies: weighPostCompetencies(
        requirements.filter((requirement) => requirement.postId === post.id),
        demand,
      ),
    };
  });
  const empty = grouped.find((post) => post.competencies.length === 0);
  if (empty) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Post "${empty.id}" has no requirements in ${version.key}@${version.label}; the committee must add them before it can be grouped.`,
      { field: 'posts', postId: empty.id },
    );
  }
  return { versionId: version.id, posts: grouped, demandPostings };
}
