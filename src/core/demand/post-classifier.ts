import type { Post, PostRequirement } from '../taxonomy/taxonomy-bundle.js';

/**
 * Which curated post a posting is for, from the competencies linked to it and its title. Each post is a vector
 * over competencies (requirement weight, halved for optional requirements, times an inverse post frequency, so a
 * competency every post needs decides nothing); a posting scores the cosine-like sum of its linked competencies'
 * scores against each vector, plus a bonus when its title names the post (title or alias). Confidence is the
 * softmax share of the best post against the others and a "none of these" option, so a posting that fits nothing
 * gets no post. Pure.
 */
export interface PostClassifier {
  readonly posts: readonly ClassifiedPost[];
  /** Competency key → (post index, weight). */
  readonly weights: ReadonlyMap<string, readonly { readonly post: number; readonly weight: number }[]>;
  readonly norms: Float64Array;
}

interface ClassifiedPost {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** Normalised titles and aliases (zh and en), longest first. */
  readonly names: readonly string[];
}

export interface PostClassification {
  readonly postId: string;
  readonly confidence: number;
  /** Competency keys that contributed most, strongest first (at most 5). */
  readonly decidedBy: readonly string[];
  /** True when the posting's title names the post. */
  readonly titleMatched: boolean;
}

/** Softmax temperature, the score of "none of these", and the title bonus (tuned by hand on generated data). */
const TEMPERATURE = 0.1;
const NONE_SCORE = 0.15;
const TITLE_BONUS = 0.5;
const MIN_CONFIDENCE = 0.3;

export function normaliseTitle(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function buildPostClassifier(
  posts: readonly Post[],
  requirements: readonly PostRequirement[],
  competencyKey: (competencyId: string) => string,
): PostClassifier {
  const index = new Map(posts.map((post, position) => [post.id, position]));
  const postCount = new Map<string, number>();
  for (const requirement of requirements) {
    postCount.set(requirement.competencyId, (postCount.get(requirement.competencyId) ?? 0) + 1);
  }
  const weights = new Map<string, { post: number; weight: number }[]>();
  const norms = new Float64Array(posts.length);
  for (const requirement of requirements) {
    const post = index.get(requirement.postId);
    if (post === undefined) continue;
    const idf = Math.log(1 + posts.length / postCount.get(requirement.competencyId)!);
    const weight = requirement.weight * (requirement.essential ? 1 : 0.5) * idf;
    if (!(weight > 0)) continue;
    const key = competencyKey(requirement.competencyId);
    const list = weights.get(key) ?? [];
    list.push({ post, weight });
    weights.set(key, list);
    norms[post] = norms[post]! + weight * weight;
  }
  for (let post = 0; post < norms.length; post += 1) norms[post] = Math.sqrt(norms[post]!) || 1;
  return {
    posts: posts.map((post) => ({
      id: post.id,
      titleZh: post.titleZh,
      titleEn: post.titleEn,
      names: [post.titleZh, post.titleEn, ...post.aliasesZh, ...post.aliasesEn]
        .map(normaliseTitle)
        .filter((name) => name.length >= 2)
        .sort((a, b) => b.length - a.length),
    })),
    weights,
    norms,
  };
}

export function classifyPosting(
  classifier: PostClassifier,
  title: string,
  linked: readonly { readonly key: string; readonly score: number }[],
): PostClassification | null {
  const count = classifier.posts.length;
  if (count === 0) return null;
  const scores = new Float64Array(count);
  const contributions = Array.from({ length: count }, () => new Map<string, number>());
  for (const { key, score } of linked) {
    for (const { post, weight } of classifier.weights.get(key) ?? []) {
      const contribution = (weight * score) / classifier.norms[post]!;
      scores[post] = scores[post]! + contribution;
      contributions[post]!.set(key, (contributions[post]!.get(key) ?? 0) + contribution);
    }
  }
  const normalisedTitle = normaliseTitle(title);
  const titleMatched = new Uint8Array(count);
  if (normalisedTitle.length > 0) {
    classifier.posts.forEach((post, position) => {
      if (post.names.some((name) => normalisedTitle.includes(name))) {
        titleMatched[position] = 1;
        scores[position] = scores[position]! + TITLE_BONUS;
      }
    });
  }
  let best = 0;
  for (let post = 1; post < count; post += 1) if (scores[post]! > scores[best]!) best = post;
  const top = scores[best]!;
  let denominator = Math.exp((NONE_SCORE - top) / TEMPERATURE);
  for (let post = 0; post < count; post += 1) denominator += Math.exp((scores[post]! - top) / TEMPERATURE);
  const confidence = 1 / denominator;
  if (top <= NONE_SCORE || confidence < MIN_CONFIDENCE) return null;
  const decidedBy = [...contributions[best]!.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([key]) => key);
  return { postId: classifier.posts[best]!.id, confidence, decidedBy, titleMatched: titleMatched[best] === 1 };
}
