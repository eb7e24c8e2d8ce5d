import type { PostRequirement } from '../taxonomy/taxonomy-bundle.js';
import type { GroupingCompetency } from './post-matrix.js';

export const DEMAND_MIN_POSTINGS = 20;
export const DEMAND_MIN_SHARE = 0.05;
export const DEMAND_MAX_WEIGHT = 0.5;
const MIN_WEIGHT = 0.01;

/** How often a post's classified postings mention each curated competency. */
export interface PostDemand {
  postings: number;
  /** Curated competency id → postings of the post linked to it. */
  competencies: ReadonlyMap<string, number>;
}

/**
 * A post's competencies as the grouping weighs them. From the post's requirements: `weight × (essential ? 1 :
 * 0.5)`, kept within (0, 1] (at least 0.01). When at least {@link DEMAND_MIN_POSTINGS} postings have been
 * classified to the post, its demand profile is blended in: a curated competency linked to at least
 * {@link DEMAND_MIN_SHARE} (5 %) of those postings gets `max(weight, 0.5 × share / maxShare)`, where maxShare is
 * the share of the post's most demanded competency. So the labour market can raise a competency (or add one the
 * requirements lack) to at most half the weight of an essential requirement, never lower what the post's
 * requirements say; too few postings (noise) change nothing. Sorted by competency id.
 */
export function weighPostCompetencies(
  requirements: readonly PostRequirement[],
  demand: PostDemand | null,
): GroupingCompetency[] {
  const weights = new Map<string, number>();
  for (const requirement of requirements) {
    const weight = Math.min(1, Math.max(MIN_WEIGHT, requirement.weight * (requirement.essential ? 1 : 0.5)));
    weights.set(requirement.competencyId, Math.max(weights.get(requirement.competencyId) ?? 0, weight));
  }
  if (demand && demand.postings >= DEMAND_MIN_POSTINGS) {
    const maxCount = Math.max(0, ...demand.competencies.values());
    for (const [id, count] of demand.competencies) {
      const share = count / demand.postings;
      if (share < DEMAND_MIN_SHARE || maxCount === 0) continue;
      const blended = Math.min(1, DEMAND_MAX_WEIGHT * (count / maxCount));
      weights.set(id, Math.max(weights.get(id) ?? 0, blended));
    }
  }
  return [...weights.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([id, weight]) => ({ id, weight }));
}
