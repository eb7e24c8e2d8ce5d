import type { PostMatrix } from './post-matrix.js';

export interface SphericalKMeansOptions {
  k: number;
  /** Start from this labelling (0 … k − 1 per post) instead of k-means++ seeding. */
  initial?: Int32Array;
  /** Seed of the deterministic generator used by k-means++ (the core draws no real randomness). */
  seed?: number;
  maxIterations?: number;
}

export interface KMeansResult {
  labels: Int32Array;
  /** Sum over posts of the cosine to their cluster's mean direction (higher is tighter). */
  cohesion: number;
  iterations: number;
}

/**
 * Spherical k-means (Dhillon & Modha 2001): k mean directions on the unit sphere, each post assigned to the
 * direction of highest cosine. Rows are the sparse unit rows of the post matrix; centroids are dense. An
 * emptied cluster is re-seeded with the post worst served by its own cluster.
 */
export function sphericalKMeans(matrix: PostMatrix, options: SphericalKMeansOptions): KMeansResult {
  const n = matrix.postIds.length;
  const m = matrix.competencyIds.length;
  const k = Math.min(options.k, n);
  const labels = options.initial ? Int32Array.from(options.initial) : seedPlusPlus(matrix, k, options.seed ?? 1);
  const centroids = new Float64Array(k * m);
  const maxIterations = options.maxIterations ?? 50;
  let iterations = 0;
  let cohesion = 0;
  for (; iterations < maxIterations; iterations++) {
    computeCentroids(matrix, labels, k, centroids);
    let changed = 0;
    cohesion = 0;
    const best = new Float64Array(n);
    const scores = new Float64Array(k);
    for (let row = 0; row < n; row++) {
      // All k cosines in one pass over the row (centroids are stored competency-major, clusters contiguous).
      scores.fill(0);
      for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
        const value = matrix.values[at]!;
        const base = matrix.columns[at]! * k;
        for (let cluster = 0; cluster < k; cluster++) scores[cluster]! += value * centroids[base + cluster]!;
      }
      let bestLabel = labels[row]!;
      let bestScore = scores[bestLabel]!;
      for (let cluster = 0; cluster < k; cluster++) {
        if (cluster === bestLabel) continue;
        const score = scores[cluster]!;
        if (score > bestScore + 1e-12) {
          bestScore = score;
          bestLabel = cluster;
        }
      }
      if (bestLabel !== labels[row]) {
        labels[row] = bestLabel;
        changed++;
      }
      best[row] = bestScore;
      cohesion += bestScore;
    }
    reseedEmpty(labels, k, best);
    if (changed === 0) break;
  }
  return { labels, cohesion, iterations };
}

/** Mean directions, stored competency-major: entry `column × k + cluster`. */
function computeCentroids(matrix: PostMatrix, labels: Int32Array, k: number, centroids: Float64Array): void {
  const m = matrix.competencyIds.length;
  centroids.fill(0);
  for (let row = 0; row < labels.length; row++) {
    const cluster = labels[row]!;
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
      centroids[matrix.columns[at]! * k + cluster]! += matrix.values[at]!;
    }
  }
  const norms = new Float64Array(k);
  for (let c = 0; c < m * k; c++) norms[c % k]! += centroids[c]! ** 2;
  for (let cluster = 0; cluster < k; cluster++)
    norms[cluster] = norms[cluster]! > 0 ? 1 / Math.sqrt(norms[cluster]!) : 0;
  for (let c = 0; c < m * k; c++) centroids[c]! *= norms[c % k]!;
}

function reseedEmpty(labels: Int32Array, k: number, best: Float64Array): void {
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]!++;
  for (let cluster = 0; cluster < k; cluster++) {
    if (sizes[cluster]! > 0) continue;
    let worst = -1;
    for (let row = 0; row < labels.length; row++) {
      if (sizes[labels[row]!]! > 1 && (worst < 0 || best[row]! < best[worst]!)) worst = row;
    }
    if (worst < 0) return;
    sizes[labels[worst]!]!--;
    labels[worst] = cluster;
    sizes[cluster] = 1;
    best[worst] = 1;
  }
}

/** k-means++ seeding over cosine distance with a seeded mulberry32 generator; returns the initial labelling. */
function seedPlusPlus(matrix: PostMatrix, k: number, seed: number): Int32Array {
  const n = matrix.postIds.length;
  // mulberry32: well mixed even for small consecutive seeds.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const centres = [Math.floor(random() * n)];
  const nearest = new Float64Array(n).fill(Infinity);
  const labels = new Int32Array(n);
  while (true) {
    const centre = centres[centres.length - 1]!;
    const index = centres.length - 1;
    for (let row = 0; row < n; row++) {
      const distance = 1 - rowDot(matrix, row, centre);
      if (distance < nearest[row]!) {
        nearest[row] = distance;
        labels[row] = index;
      }
    }
    if (centres.length === k) break;
    let total = 0;
    for (let row = 0; row < n; row++) total += Math.max(0, nearest[row]!) ** 2;
    let pick = 0;
    if (total > 0) {
      let target = random() * total;
      for (pick = 0; pick < n - 1; pick++) {
        target -= Math.max(0, nearest[pick]!) ** 2;
        if (target <= 0) break;
      }
    } else {
      pick = centres.length;
    }
    centres.push(pick);
  }
  return labels;
}

function rowDot(matrix: PostMatrix, a: number, b: number): number {
  let i = matrix.rowStart[a]!;
  let j = matrix.rowStart[b]!;
  const endA = matrix.rowStart[a + 1]!;
  const endB = matrix.rowStart[b + 1]!;
  let sum = 0;
  while (i < endA && j < endB) {
    const ci = matrix.columns[i]!;
    const cj = matrix.columns[j]!;
    if (ci === cj) sum += matrix.values[i++]! * matrix.values[j++]!;
    else if (ci < cj) i++;
    else j++;
  }
  return sum;
}
