/**
 * Specialty-group validation with ESCO as the external truth (issue 5): ESCO occupations from several ISCO-08
 * minor groups (3-digit codes) become posts whose competencies are their essential (weight 1.0) and optional
 * (0.5) skills; each method groups them with k = the number of minor groups, scored by normalised mutual
 * information against the ISCO grouping. Eight sets of 10 minor groups (380–520 occupations each) are drawn with a
 * fixed seed, so the figures are reproducible; the baseline is the issue's: TF-IDF cosine (scikit-learn's
 * smoothed idf + 1) with average linkage.
 */
import { buildDendrogram, cutDendrogram } from '../src/core/groups/hierarchical-clustering.js';
import { groupPosts, GROUPING_METHODS, type GroupingMethod } from '../src/core/groups/group-posts.js';
import { normalizedMutualInformation } from '../src/core/groups/normalized-mutual-information.js';
import { buildPostMatrix, type GroupingPost } from '../src/core/groups/post-matrix.js';
import { postSimilarity } from '../src/core/groups/post-similarity.js';
import { readEscoRelease } from '../src/interchange/esco/read-esco-release.js';
import { sharedDataPath } from '../src/interchange/shared-data.js';

export interface OccupationPost extends GroupingPost {
  /** ISCO-08 minor group (3 digits). */
  minor: string;
}

export interface GroupSetFigures {
  occupations: number;
  minorGroups: string[];
  nmi: Record<string, number>;
}

export interface GroupsFigures {
  sets: GroupSetFigures[];
  /** Mean NMI per method over the sets. */
  mean: Record<string, number>;
  kept: GroupingMethod;
  baseline: string;
}

export const BASELINE = 'tfidf-average (baseline)';

/** Every ESCO occupation with skills as a post (3,007 in v1.1.1), with its ISCO minor group. */
export async function readEscoOccupationPosts(dir: string): Promise<OccupationPost[]> {
  const bundle = await readEscoRelease(dir);
  const skills = new Map<string, { id: string; weight: number }[]>();
  for (const link of bundle.occupationLinks) {
    let list = skills.get(link.occupationId);
    if (!list) skills.set(link.occupationId, (list = []));
    list.push({ id: link.competencyId, weight: link.relation === 'essential' ? 1 : 0.5 });
  }
  return bundle.occupations
    .filter((occupation) => occupation.scheme === 'esco' && occupation.iscoCode && skills.has(occupation.id))
    .map((occupation) => ({
      id: occupation.id,
      label: occupation.titleEn ?? occupation.id,
      minor: occupation.iscoCode!.slice(0, 3),
      competencies: skills.get(occupation.id)!,
    }));
}

/** Sets of `groups` minor groups holding `min`–`max` occupations, drawn with a fixed seed. */
export function drawMinorGroupSets(
  posts: readonly OccupationPost[],
  count = 8,
  groups = 10,
  min = 380,
  max = 520,
  seed = 7,
): string[][] {
  const sizes = new Map<string, number>();
  for (const post of posts) sizes.set(post.minor, (sizes.get(post.minor) ?? 0) + 1);
  const minors = [...sizes.keys()].sort();
  let state = seed;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const sets: string[][] = [];
  for (let attempt = 0; sets.length < count && attempt < 100_000; attempt++) {
    const shuffled = minors.map((minor) => ({ minor, key: random() })).sort((a, b) => a.key - b.key);
    const pick = shuffled.slice(0, groups).map((entry) => entry.minor);
    const total = pick.reduce((sum, minor) => sum + sizes.get(minor)!, 0);
    if (total >= min && total <= max) sets.push(pick.sort());
  }
  return sets;
}

/** The baseline: TF-IDF with scikit-learn's smoothed idf (+1), cosine, average linkage, cut at k. */
export function baselineLabels(posts: readonly GroupingPost[], k: number): Int32Array {
  const matrix = buildPostMatrix(posts);
  for (let row = 0; row < posts.length; row++) {
    let norm = 0;
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
      matrix.values[at] = matrix.weights[at]! * (matrix.idf[matrix.columns[at]!]! + 1);
      norm += matrix.values[at]! ** 2;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) matrix.values[at]! *= scale;
  }
  return cutDendrogram(buildDendrogram(postSimilarity(matrix), posts.length, 'average'), posts.length, k);
}

export function scoreSet(posts: readonly OccupationPost[], minors: readonly string[]): GroupSetFigures {
  const wanted = new Set(minors);
  const chosen = posts.filter((post) => wanted.has(post.minor));
  const truth = chosen.map((post) => post.minor);
  const k = minors.length;
  const nmi: Record<string, number> = { [BASELINE]: normalizedMutualInformation(truth, baselineLabels(chosen, k)) };
  for (const method of GROUPING_METHODS) {
    nmi[method] = normalizedMutualInformation(truth, groupPosts(chosen, { k, method }).labels);
  }
  return { occupations: chosen.length, minorGroups: [...minors], nmi };
}

export async function measureGroups(): Promise<GroupsFigures | null> {
  const dir = sharedDataPath('esco-v1.1.1-en');
  if (!dir) return null;
  const posts = await readEscoOccupationPosts(dir);
  const sets = drawMinorGroupSets(posts).map((minors) => scoreSet(posts, minors));
  const mean: Record<string, number> = {};
  for (const name of Object.keys(sets[0]!.nmi)) {
    mean[name] = sets.reduce((sum, set) => sum + set.nmi[name]!, 0) / sets.length;
  }
  const kept = [...GROUPING_METHODS].sort((a, b) => mean[b]! - mean[a]!)[0]!;
  return { sets, mean, kept, baseline: BASELINE };
}

export function printGroups(figures: GroupsFigures | null): void {
  if (!figures) {
    console.log('skipped: ../shared/data/esco-v1.1.1-en is absent');
    return;
  }
  const names = Object.keys(figures.mean);
  console.log(['set', 'occupations', ...names].join('\t'));
  figures.sets.forEach((set, index) => {
    console.log([`#${index + 1}`, set.occupations, ...names.map((name) => set.nmi[name]!.toFixed(3))].join('\t'));
  });
  console.log(['mean', '', ...names.map((name) => figures.mean[name]!.toFixed(3))].join('\t'));
  console.log(`kept method (best mean NMI): ${figures.kept}`);
}
