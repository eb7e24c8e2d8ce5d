import { DomainError } from '../errors/domain-error.js';
import { buildConsensusBase, CONSENSUS_VIEWS, consensusPartition } from './consensus-partition.js';
import { buildDendrogram, cutDendrogram, relabel, type Merge } from './hierarchical-clustering.js';
import { measureGrouping, type GroupingQuality } from './measure-grouping.js';
import { buildPostMatrix, type GroupingPost, type PostMatrix } from './post-matrix.js';
import { postSimilarity } from './post-similarity.js';
import { sharedNeighbourSimilarity } from './shared-neighbour-similarity.js';
import { sharedCompetencies, type SharedCompetency } from './shared-competencies.js';
import { sphericalKMeans } from './spherical-k-means.js';

/**
 * `consensus` (the default): evidence accumulation over 21 base partitions from six similarity views and
 * k-means (see `consensus-partition.ts`); with k chosen automatically, k is the best-silhouette cut of average
 * linkage and the consensus then forms that many groups. Best mean NMI in `npm run eval` and never worse than
 * `average` on any of the eight ISCO sets, at several times the cost.
 * `average`: average linkage over the TF-IDF cosine (idf 0 for a competency every post needs): the fast one.
 * `shared-neighbour`: average linkage over the shared-nearest-neighbour similarity.
 * `k-means`: spherical k-means, best of five k-means++ starts (clearly worse on ESCO: unequal group sizes).
 */
export const GROUPING_METHODS = ['consensus', 'average', 'shared-neighbour', 'k-means'] as const;
export type GroupingMethod = (typeof GROUPING_METHODS)[number];

export interface GroupPostsOptions {
  /** Exactly this many groups; chosen by the best silhouette when absent. */
  k?: number;
  method?: GroupingMethod;
  /** Largest k tried when choosing automatically (default: about 1.5·√n, at most 40). */
  maxK?: number;
  /** Neighbours kept per post by the shared-neighbour similarity (default 10). */
  neighbours?: number;
  /** Told after each step: similarity, clustering, then each k tried. */
  onProgress?: (done: number, total: number, step: string) => void;
}

export interface PostGroup {
  /** `g1`, `g2`, … largest group first. */
  id: string;
  /** Indexes into the input posts, in input order. */
  members: number[];
  posts: string[];
  shared: SharedCompetency[];
}

export interface KCandidate {
  k: number;
  silhouette: number;
}

export interface Grouping {
  method: GroupingMethod;
  k: number;
  /** True when k was chosen by silhouette; the candidates tried are listed. */
  automatic: boolean;
  candidates: KCandidate[];
  groups: PostGroup[];
  /** Group index per input post (the index of `groups`). */
  labels: Int32Array;
  quality: GroupingQuality;
  matrix: PostMatrix;
  /** Cosine similarity of the TF-IDF rows, n × n: what explanations and quality scores use. */
  similarity: Float32Array;
}

export const MAX_GROUPING_POSTS = 20_000;

/** Throws `VALIDATION_FAILED` naming the post and field for input the grouping cannot use. */
export function assertGroupable(posts: readonly GroupingPost[], k?: number): void {
  const fail = (field: string, message: string): never => {
    throw new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { field });
  };
  if (posts.length === 0) fail('posts', 'there are no posts to group');
  if (posts.length > MAX_GROUPING_POSTS) fail('posts', `at most ${MAX_GROUPING_POSTS} posts can be grouped at once`);
  const seen = new Map<string, number>();
  posts.forEach((post, index) => {
    if (post.id.trim() === '') fail(`posts[${index}].id`, 'the id is empty');
    const first = seen.get(post.id);
    if (first !== undefined) fail(`posts[${index}].id`, `duplicate post id "${post.id}" (also posts[${first}])`);
    seen.set(post.id, index);
    if (post.competencies.length === 0) fail(`posts[${index}].competencies`, `post "${post.id}" has no competencies`);
    post.competencies.forEach((competency, at) => {
      const { weight } = competency;
      if (!Number.isFinite(weight) || weight <= 0 || weight > 1) {
        fail(`posts[${index}].competencies[${at}].weight`, `weight ${weight} is outside (0, 1]`);
      }
    });
  });
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < 1) fail('k', `k must be a whole number ≥ 1, got ${k}`);
    if (k > posts.length) fail('k', `k = ${k} is larger than the number of posts (${posts.length})`);
  }
}

/**
 * Partitions posts into groups by the knowledge correlation of their competencies: every post in exactly one
 * group, each group with the competencies its posts share (strongest first) and quality scores.
 */
export function groupPosts(posts: readonly GroupingPost[], options: GroupPostsOptions = {}): Grouping {
  assertGroupable(posts, options.k);
  const method = options.method ?? 'consensus';
  const n = posts.length;
  const automatic = options.k === undefined && n > 2;
  const maxK = automatic
    ? Math.min(n - 1, options.maxK ?? Math.min(40, Math.max(2, Math.round(1.5 * Math.sqrt(n)))))
    : 0;
  const consensusSteps = method === 'consensus' && n > 2 ? CONSENSUS_VIEWS + 1 : 0;
  const steps = 2 + Math.max(0, maxK - 1) + consensusSteps;
  const progress = options.onProgress ?? (() => undefined);
  const matrix = buildPostMatrix(posts);
  const similarity = postSimilarity(matrix);
  progress(1, steps, 'similarity');
  // The consensus picks k as average linkage does (one ensemble per candidate k would cost 40 ensembles).
  const partition = partitioner(
    method === 'consensus' ? 'average' : method,
    matrix,
    similarity,
    options.neighbours ?? 10,
  );
  let k: number;
  const candidates: KCandidate[] = [];
  let labels: Int32Array;
  if (options.k !== undefined) {
    k = options.k;
    labels = partition(k);
  } else if (!automatic) {
    k = 1;
    labels = new Int32Array(n);
  } else {
    let best: { k: number; labels: Int32Array; silhouette: number } | null = null;
    for (let candidate = 2; candidate <= maxK; candidate++) {
      const candidateLabels = partition(candidate);
      const silhouette = measureGrouping(similarity, n, candidateLabels, candidate).silhouette;
      candidates.push({ k: candidate, silhouette });
      if (!best || silhouette > best.silhouette + 1e-9) best = { k: candidate, labels: candidateLabels, silhouette };
      progress(candidate, steps, `k = ${candidate}`);
    }
    k = best!.k;
    labels = best!.labels;
  }
  if (method === 'consensus' && n > 2 && k > 1) {
    let views = 0;
    const base = buildConsensusBase(matrix, similarity, () =>
      progress(steps - consensusSteps + ++views, steps, 'consensus views'),
    );
    labels = consensusPartition(base, matrix, k);
  }
  progress(steps, steps, 'groups');
  return assembleGrouping(posts, matrix, similarity, labels, k, method, automatic, candidates);
}

/** Builds the result for a given labelling (also used after a committee moves a post). */
export function assembleGrouping(
  posts: readonly GroupingPost[],
  matrix: PostMatrix,
  similarity: Float32Array,
  rawLabels: Int32Array,
  k: number,
  method: GroupingMethod,
  automatic: boolean,
  candidates: KCandidate[],
): Grouping {
  const n = posts.length;
  // Largest group first, ties by first post: stable ids g1, g2, …
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[rawLabels[i]!]!.push(i);
  const order = members
    .map((list, group) => ({ list, group }))
    .filter(({ list }) => list.length > 0)
    .sort((a, b) => b.list.length - a.list.length || a.list[0]! - b.list[0]!);
  const labels = new Int32Array(n);
  order.forEach(({ list }, index) => {
    for (const i of list) labels[i] = index;
  });
  const groups: PostGroup[] = order.map(({ list }, index) => ({
    id: `g${index + 1}`,
    members: list,
    posts: list.map((i) => posts[i]!.id),
    shared: sharedCompetencies(matrix, list),
  }));
  return {
    method,
    k: groups.length,
    automatic,
    candidates,
    groups,
    labels,
    quality: measureGrouping(similarity, n, labels, groups.length),
    matrix,
    similarity,
  };
}

function partitioner(
  method: GroupingMethod,
  matrix: PostMatrix,
  similarity: Float32Array,
  neighbours: number,
): (k: number) => Int32Array {
  const n = matrix.postIds.length;
  if (method === 'k-means') {
    return (k) => {
      let best: { labels: Int32Array; cohesion: number } | null = null;
      for (let seed = 1; seed <= 5; seed++) {
        const result = sphericalKMeans(matrix, { k, seed });
        if (!best || result.cohesion > best.cohesion) best = result;
      }
      return relabel(best!.labels);
    };
  }
  let merges: Merge[] | null = null;
  return (k) => {
    merges ??= buildDendrogram(
      method === 'shared-neighbour' ? sharedNeighbourSimilarity(similarity, n, neighbours) : similarity,
      n,
      'average',
    );
    return cutDendrogram(merges, n, k);
  };
}
