import { DomainError } from '../errors/domain-error.js';
import { weighPostCompetencies } from '../groups/weigh-post-competencies.js';
import type { TaxonomyBundle } from '../taxonomy/taxonomy-bundle.js';
import type { CompetencyFacts, CoursePost } from './synthesize-course-system.js';

/**
 * The course planner's input from a framework: the posts' requirements weighed as the grouping weighs them
 * (`weight × (essential ? 1 : 0.5)`), and per competency its labels, a packing cluster (its dimension and
 * broader competency) and prerequisites: a skill or ability builds on the knowledge competencies it is related
 * to — the only ordering the catalogue supports, stated as such.
 */
export function courseInputFromBundle(
  bundle: TaxonomyBundle,
  postIds: readonly string[],
): { posts: CoursePost[]; facts: Map<string, CompetencyFacts> } {
  const known = new Map(bundle.posts.map((post) => [post.id, post]));
  const posts = postIds.map((id) => {
    const post = known.get(id);
    if (!post)
      throw new DomainError(
        'POST_NOT_FOUND',
        `post ${id} is not in ${bundle.framework.key}@${bundle.framework.label}`,
        { field: 'posts' },
      );
    const requirements = bundle.requirements.filter((requirement) => requirement.postId === id);
    return {
      id,
      label: post.titleZh || post.titleEn,
      labelEn: post.titleEn || post.titleZh,
      competencies: weighPostCompetencies(requirements, null).map(({ id: competency, weight }) => ({
        id: competency,
        weight,
      })),
    };
  });
  return {
    posts,
    facts: competencyFactsFromBundle(
      bundle,
      posts.flatMap((post) => post.competencies.map(({ id }) => id)),
    ),
  };
}

/**
 * Per competency (and its broader ones): labels, dimension, broader competency, a packing cluster (dimension and
 * broader competency), knowledge prerequisites.
 */
export function competencyFactsFromBundle(bundle: TaxonomyBundle, ids: Iterable<string>): Map<string, CompetencyFacts> {
  const competencies = new Map(bundle.competencies.map((competency) => [competency.id, competency]));
  const broader = new Map<string, string>();
  const requires = new Map<string, string[]>();
  for (const relation of bundle.relations) {
    if (relation.kind === 'broader') broader.set(relation.fromId, relation.toId);
    if (relation.kind !== 'related') continue;
    for (const [a, b] of [
      [relation.fromId, relation.toId],
      [relation.toId, relation.fromId],
    ] as const) {
      const from = competencies.get(a);
      const to = competencies.get(b);
      if (from && to && from.type !== 'knowledge' && to.type === 'knowledge') {
        requires.set(a, [...(requires.get(a) ?? []), b]);
      }
    }
  }
  const facts = new Map<string, CompetencyFacts>();
  // Broader competencies come along (their area and depth place a narrower one), even when no post names them.
  const wanted: string[] = [];
  for (const id of ids) {
    const seen = new Set<string>();
    for (let current: string | undefined = id; current && !seen.has(current); current = broader.get(current)) {
      seen.add(current);
      wanted.push(current);
    }
  }
  for (const id of wanted) {
    const competency = competencies.get(id);
    if (!competency || facts.has(id)) continue;
    facts.set(id, {
      labelZh: competency.labelZh ?? competency.labelEn ?? id,
      labelEn: competency.labelEn ?? competency.labelZh ?? id,
      cluster: `${competency.dimension ?? ''}/${broader.get(id) ?? ''}`,
      requires: requires.get(id) ?? [],
      ...(competency.dimension ? { dimension: competency.dimension } : {}),
      ...(broader.has(id) ? { broader: broader.get(id)! } : {}),
    });
  }
  return facts;
}
