import { buildDendrogram, cutDendrogram, relabel, type Merge } from './hierarchical-clustering.js';
import type { PostMatrix } from './post-matrix.js';
import { postSimilarity } from './post-similarity.js';
import { reweightPostMatrix } from './reweight-post-matrix.js';
import { sharedNeighbourSimilarity } from './shared-neighbour-similarity.js';
import { sphericalKMeans } from './spherical-k-means.js';

/**
 * Consensus grouping by evidence accumulation (Fred & Jain 2005): many base partitions of the posts, each from a
 * different view of their knowledge correlation, vote on every pair of posts; the share of partitions that put
 * two posts together is their co-association, and average linkage over it gives the final k groups. A pair that
 * one view splits by accident stays together when the other views agree, which is why it is steadier than any
 * single view (`npm run eval`: never worse than average linkage on the eight ISCO sets, better on most).
 *
 * Base partitions: average linkage over six similarities — the TF-IDF cosine, the smoothed-idf cosine with and
 * without the posts' weights, and the shared-nearest-neighbour similarity of the smoothed one at 5, 10 and 20
 * neighbours — each cut at k, 1.5·k and 2·k groups; plus spherical k-means with 2·k groups from three seeds (21 partitions in all).
 */

export const CONSENSUS_NEIGHBOURS = [5, 10, 20] as const;
export const CONSENSUS_KMEANS_SEEDS = 3;

export interface ConsensusBase {
  /** One dendrogram per similarity view. */
  dendrograms: Merge[][];
  n: number;
}

/** The part of the ensemble that does not depend on k (the views and their dendrograms), built once. */
export function buildConsensusBase(matrix: PostMatrix, similarity: Float32Array, onView?: () => void): ConsensusBase {
  const n = matrix.postIds.length;
  const dendrograms: Merge[][] = [];
  const add = (view: Float32Array) => {
    dendrograms.push(buildDendrogram(view, n, 'average'));
    onView?.();
  };
  add(similarity);
  add(postSimilarity(reweightPostMatrix(matrix, 'smooth-binary')));
  const smooth = postSimilarity(reweightPostMatrix(matrix, 'smooth'));
  add(smooth);
  for (const neighbours of CONSENSUS_NEIGHBOURS) add(sharedNeighbourSimilarity(smooth, n, neighbours));
  return { dendrograms, n };
}

/** The number of base views (dendrograms) `buildConsensusBase` builds: for progress reports. */
export const CONSENSUS_VIEWS = 3 + CONSENSUS_NEIGHBOURS.length;

/** The final k groups (labels 0 … k − 1 in order of first post). */
export function consensusPartition(base: ConsensusBase, matrix: PostMatrix, k: number): Int32Array {
  const { n, dendrograms } = base;
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  if (k <= 1) return new Int32Array(n);
  const levels = [...new Set([k, Math.round(1.5 * k), 2 * k].map((level) => Math.min(n, level)))];
  const partitions: Int32Array[] = [];
  for (const merges of dendrograms) for (const level of levels) partitions.push(cutDendrogram(merges, n, level));
  const kMeansK = Math.min(n, 2 * k);
  for (let seed = 1; seed <= CONSENSUS_KMEANS_SEEDS; seed++) {
    partitions.push(sphericalKMeans(matrix, { k: kMeansK, seed }).labels);
  }
  const coAssociation = new Float32Array(n * n);
  const vote = 1 / partitions.length;
  for (const labels of partitions) {
    const members = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const list = members.get(labels[i]!);
      if (list) list.push(i);
      else members.set(labels[i]!, [i]);
    }
    for (const list of members.values()) {
      for (const a of list) {
        const row = a * n;
        for (const b of list) coAssociation[row + b]! += vote;
      }
    }
  }
  return relabel(cutDendrogram(buildDendrogram(coAssociation, n, 'average'), n, k));
}
