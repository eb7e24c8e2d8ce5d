import { silhouetteValues } from './silhouette.js';

export interface GroupQuality {
  /** Posts in the group. */
  size: number;
  /** Mean cosine similarity between two posts of the group (1 for a single post). */
  cohesion: number;
  /** Mean cosine similarity between a post of the group and a post of the nearest other group. */
  separation: number;
  /** Mean silhouette of the group's posts, −1 … 1. */
  silhouette: number;
}

export interface GroupingQuality {
  groups: GroupQuality[];
  /** Mean silhouette over all posts: the overall quality score, −1 … 1 (higher is better). */
  silhouette: number;
  /** Mean within-group similarity over all pairs of posts that share a group. */
  cohesion: number;
}

/** The quality of any labelling (0 … k − 1 per post) of posts with the given similarity matrix. */
export function measureGrouping(similarity: Float32Array, n: number, labels: Int32Array, k: number): GroupingQuality {
  const silhouettes = silhouetteValues(similarity, n, labels, k);
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]!++;
  const pairSums = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const li = labels[i]!;
    for (let j = i + 1; j < n; j++) pairSums[li * k + labels[j]!]! += similarity[row + j]!;
  }
  const between = (a: number, b: number) =>
    a === b ? pairSums[a * k + a]! : pairSums[a * k + b]! + pairSums[b * k + a]!;
  const silhouetteSums = new Float64Array(k);
  for (let i = 0; i < n; i++) silhouetteSums[labels[i]!]! += silhouettes[i]!;
  let withinPairs = 0;
  let withinSum = 0;
  const groups: GroupQuality[] = [];
  for (let group = 0; group < k; group++) {
    const size = sizes[group]!;
    const pairs = (size * (size - 1)) / 2;
    withinPairs += pairs;
    withinSum += between(group, group);
    let separation = 0;
    for (let other = 0; other < k; other++) {
      if (other === group || sizes[other] === 0 || size === 0) continue;
      separation = Math.max(separation, between(group, other) / (size * sizes[other]!));
    }
    groups.push({
      size,
      cohesion: pairs > 0 ? between(group, group) / pairs : 1,
      separation,
      silhouette: size > 0 ? silhouetteSums[group]! / size : 0,
    });
  }
  let total = 0;
  for (const value of silhouettes) total += value;
  return { groups, silhouette: n > 0 ? total / n : 0, cohesion: withinPairs > 0 ? withinSum / withinPairs : 1 };
}
