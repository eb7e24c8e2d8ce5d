import { describe, expect, it } from 'vitest';
import { buildDendrogram, cutDendrogram, type Linkage } from './hierarchical-clustering.js';
import { normalizedMutualInformation } from './normalized-mutual-information.js';
import { buildPostMatrix, type GroupingPost } from './post-matrix.js';
import { denseSimilarityRows, postSimilarity } from './post-similarity.js';
import { sharedNeighbourSimilarity } from './shared-neighbour-similarity.js';
import { silhouetteValues } from './silhouette.js';

function xorshift(seed: number) {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function randomPosts(seed: number, n: number, m: number): GroupingPost[] {
  const random = xorshift(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    label: `p${i}`,
    competencies: Array.from({ length: 1 + Math.floor(random() * 8) }, () => ({
      id: `c${Math.floor(random() * m)}`,
      weight: random() < 0.5 ? 1 : 0.5,
    })),
  }));
}

/** The textbook O(n³) agglomeration: merge the closest pair, recompute by the linkage's definition. */
function naiveCut(similarity: Float32Array, n: number, k: number, linkage: Linkage): number[][] {
  let clusters = Array.from({ length: n }, (_, i) => [i]);
  const d = (a: number[], b: number[]) => {
    if (linkage === 'average') {
      let sum = 0;
      for (const i of a) for (const j of b) sum += 1 - similarity[i * n + j]!;
      return sum / (a.length * b.length);
    }
    // Ward: increase in within-cluster sum of squares, with squared distance 2 − 2·cos between unit vectors.
    const within = (c: number[]) => {
      let sum = 0;
      for (const i of c) for (const j of c) sum += Math.max(0, 2 - 2 * similarity[i * n + j]!);
      return sum / (2 * c.length);
    };
    return 2 * (within([...a, ...b]) - within(a) - within(b));
  };
  while (clusters.length > k) {
    let best = [0, 1];
    let bestDistance = Infinity;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const value = d(clusters[a]!, clusters[b]!);
        if (value < bestDistance - 1e-9) {
          bestDistance = value;
          best = [a, b];
        }
      }
    }
    const [a, b] = best as [number, number];
    clusters = [...clusters.filter((_, i) => i !== a && i !== b), [...clusters[a]!, ...clusters[b]!]];
  }
  return clusters.map((c) => c.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

describe('postSimilarity', () => {
  it('equals the dense dot products of the unit rows', () => {
    const matrix = buildPostMatrix(randomPosts(3, 40, 25));
    const sparse = postSimilarity(matrix);
    const dense = denseSimilarityRows(matrix, 40);
    for (let at = 0; at < sparse.length; at++) expect(sparse[at]).toBeCloseTo(Math.min(1, dense[at]!), 5);
  });
});

describe('buildDendrogram (nearest-neighbour chain)', () => {
  it.each(['average', 'ward'] as const)('cuts like the naive O(n³) %s linkage', (linkage) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const matrix = buildPostMatrix(randomPosts(seed, 24, 30));
      const similarity = postSimilarity(matrix);
      for (const k of [2, 4, 7]) {
        const labels = cutDendrogram(buildDendrogram(similarity, 24, linkage), 24, k);
        const clusters = new Map<number, number[]>();
        labels.forEach((label, i) => clusters.set(label, [...(clusters.get(label) ?? []), i]));
        const ours = [...clusters.values()].sort((x, y) => x[0]! - y[0]!);
        expect(ours).toEqual(naiveCut(similarity, 24, k, linkage));
      }
    }
  });
});

describe('sharedNeighbourSimilarity', () => {
  it('is symmetric, 1 on the diagonal and within [0, 1]', () => {
    const similarity = postSimilarity(buildPostMatrix(randomPosts(9, 30, 20)));
    const second = sharedNeighbourSimilarity(similarity, 30, 5);
    for (let i = 0; i < 30; i++) {
      expect(second[i * 30 + i]).toBeCloseTo(1, 6);
      for (let j = 0; j < 30; j++) {
        expect(second[i * 30 + j]).toBe(second[j * 30 + i]);
        expect(second[i * 30 + j]).toBeGreaterThanOrEqual(0);
        expect(second[i * 30 + j]).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('silhouetteValues', () => {
  it('matches a hand computation', () => {
    // Posts 0,1 close (0.9), post 2 far from both (0.1); labels {0,1} and {2}.
    const similarity = Float32Array.from([1, 0.9, 0.1, 0.9, 1, 0.1, 0.1, 0.1, 1]);
    const values = silhouetteValues(similarity, 3, Int32Array.from([0, 0, 1]), 2);
    // a = 0.1, b = 0.9 → (0.9 − 0.1) / 0.9; the singleton scores 0.
    expect(values[0]).toBeCloseTo(0.8 / 0.9, 5);
    expect(values[2]).toBe(0);
  });
});

describe('normalizedMutualInformation', () => {
  it('is 1 for the same partition under other names and 0 for independent ones', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], ['b', 'b', 'a', 'a'])).toBeCloseTo(1, 10);
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 10);
    expect(normalizedMutualInformation([0, 0, 0], [1, 1, 1])).toBe(1);
  });

  it('agrees with scikit-learn on a worked example', () => {
    // sklearn.metrics.normalized_mutual_info_score([0,0,0,1,1,1],[0,0,1,1,2,2]) = 0.5158037429793889
    expect(normalizedMutualInformation([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.5158037429793889, 10);
  });
});
