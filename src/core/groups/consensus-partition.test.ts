import { describe, expect, it } from 'vitest';
import { buildConsensusBase, consensusPartition } from './consensus-partition.js';
import { groupPosts } from './group-posts.js';
import { normalizedMutualInformation } from './normalized-mutual-information.js';
import { buildPostMatrix, type GroupingPost } from './post-matrix.js';
import { postSimilarity } from './post-similarity.js';
import { reweightPostMatrix } from './reweight-post-matrix.js';

/** A deterministic generator for the planted partitions (mulberry32). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `groups` planted groups of `size` posts: each post draws 6 of its group's 10 core competencies and 3 of 60
 * shared noise competencies, so no two posts of a group have the same list and groups overlap through the noise.
 */
function planted(groups: number, size: number, seed: number): { posts: GroupingPost[]; truth: number[] } {
  const random = generator(seed);
  const posts: GroupingPost[] = [];
  const truth: number[] = [];
  for (let group = 0; group < groups; group++) {
    for (let i = 0; i < size; i++) {
      const core = new Set<number>();
      while (core.size < 6) core.add(Math.floor(random() * 10));
      const noise = new Set<number>();
      while (noise.size < 3) noise.add(Math.floor(random() * 60));
      posts.push({
        id: `p${group}-${i}`,
        label: `post ${group}-${i}`,
        competencies: [
          ...[...core].map((c) => ({ id: `core-${group}-${c}`, weight: random() < 0.5 ? 1 : 0.5 })),
          ...[...noise].map((c) => ({ id: `noise-${c}`, weight: 0.5 })),
        ],
      });
      truth.push(group);
    }
  }
  return { posts, truth };
}

describe('consensusPartition', () => {
  it('recovers planted groups exactly, with exactly k groups', () => {
    for (const seed of [1, 2, 3]) {
      const { posts, truth } = planted(5, 12, seed);
      const matrix = buildPostMatrix(posts);
      const labels = consensusPartition(buildConsensusBase(matrix, postSimilarity(matrix)), matrix, 5);
      expect(new Set(labels).size).toBe(5);
      expect(normalizedMutualInformation(truth, [...labels])).toBeCloseTo(1, 10);
    }
  });

  it('is deterministic and labels 0 … k − 1 in order of first post', () => {
    const { posts } = planted(4, 9, 7);
    const matrix = buildPostMatrix(posts);
    const base = buildConsensusBase(matrix, postSimilarity(matrix));
    const first = consensusPartition(base, matrix, 6);
    expect([...consensusPartition(base, matrix, 6)]).toEqual([...first]);
    const seen: number[] = [];
    for (const label of first) if (!seen.includes(label)) seen.push(label);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('handles k = 1 and k = n', () => {
    const { posts } = planted(2, 3, 4);
    const matrix = buildPostMatrix(posts);
    const base = buildConsensusBase(matrix, postSimilarity(matrix));
    expect([...consensusPartition(base, matrix, 1)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...consensusPartition(base, matrix, 6)]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('is the default method of groupPosts, for a given k and for an automatic one', () => {
    const { posts, truth } = planted(4, 10, 11);
    const fixed = groupPosts(posts, { k: 4 });
    expect(fixed.method).toBe('consensus');
    expect(fixed.groups).toHaveLength(4);
    expect(normalizedMutualInformation(truth, [...fixed.labels])).toBeCloseTo(1, 10);
    const steps: string[] = [];
    const automatic = groupPosts(posts, { onProgress: (_done, _total, step) => steps.push(step) });
    expect(automatic.automatic).toBe(true);
    expect(automatic.k).toBe(4);
    expect(steps).toContain('consensus views');
    expect(steps.at(-1)).toBe('groups');
  });
});

describe('reweightPostMatrix', () => {
  it('keeps rows unit length and ignores the weights in the binary view', () => {
    const posts: GroupingPost[] = [
      {
        id: 'a',
        label: 'a',
        competencies: [
          { id: 'x', weight: 1 },
          { id: 'y', weight: 0.5 },
        ],
      },
      {
        id: 'b',
        label: 'b',
        competencies: [
          { id: 'x', weight: 0.5 },
          { id: 'y', weight: 1 },
        ],
      },
      { id: 'c', label: 'c', competencies: [{ id: 'z', weight: 1 }] },
    ];
    const matrix = buildPostMatrix(posts);
    for (const view of ['smooth', 'smooth-binary'] as const) {
      const reweighted = reweightPostMatrix(matrix, view);
      for (let row = 0; row < 3; row++) {
        let norm = 0;
        for (let at = reweighted.rowStart[row]!; at < reweighted.rowStart[row + 1]!; at++)
          norm += reweighted.values[at]! ** 2;
        expect(norm).toBeCloseTo(1, 6);
      }
    }
    // Binary: a and b need the same competencies, so they are identical whatever their weights.
    const binary = postSimilarity(reweightPostMatrix(matrix, 'smooth-binary'));
    expect(binary[0 * 3 + 1]).toBeCloseTo(1, 6);
    expect(postSimilarity(reweightPostMatrix(matrix, 'smooth'))[0 * 3 + 1]).toBeLessThan(0.99);
  });
});
