/**
 * Agglomerative clustering by the nearest-neighbour chain algorithm (O(n²) time and memory) with the
 * Lance–Williams update, for the two reducible linkages we use: average linkage over cosine distance and Ward's
 * criterion over squared Euclidean distance between unit vectors (2 − 2·cosine).
 */

export const LINKAGES = ['average', 'ward'] as const;
export type Linkage = (typeof LINKAGES)[number];

/** One merge of the dendrogram: two clusters, each named by one of its posts, joined at `height`. */
export interface Merge {
  a: number;
  b: number;
  height: number;
  size: number;
}

/** The full dendrogram of n posts: n − 1 merges in the order the chain found them (cut with `cutDendrogram`). */
export function buildDendrogram(similarity: Float32Array, n: number, linkage: Linkage): Merge[] {
  const distance = new Float32Array(n * n);
  for (let at = 0; at < distance.length; at++) {
    const cosine = similarity[at]!;
    distance[at] = linkage === 'ward' ? Math.max(0, 2 - 2 * cosine) : Math.max(0, 1 - cosine);
  }
  const active = new Uint8Array(n).fill(1);
  const size = new Int32Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  let nextStart = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[nextStart]) nextStart++;
      chain.push(nextStart);
    }
    const a = chain[chain.length - 1]!;
    const previous = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    // Nearest active neighbour of a; on a tie the previous chain element wins, so the chain always ends.
    let best = previous;
    let bestDistance = previous >= 0 ? distance[a * n + previous]! : Infinity;
    const row = a * n;
    for (let x = 0; x < n; x++) {
      if (x === a || !active[x]) continue;
      const d = distance[row + x]!;
      if (d < bestDistance) {
        bestDistance = d;
        best = x;
      }
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.pop();
    chain.pop();
    const b = previous;
    const sizeA = size[a]!;
    const sizeB = size[b]!;
    const dAB = distance[a * n + b]!;
    // The merged cluster lives in slot a; slot b retires.
    for (let x = 0; x < n; x++) {
      if (!active[x] || x === a || x === b) continue;
      const dAX = distance[a * n + x]!;
      const dBX = distance[b * n + x]!;
      let merged: number;
      if (linkage === 'average') {
        merged = (sizeA * dAX + sizeB * dBX) / (sizeA + sizeB);
      } else {
        const sizeX = size[x]!;
        merged = ((sizeA + sizeX) * dAX + (sizeB + sizeX) * dBX - sizeX * dAB) / (sizeA + sizeB + sizeX);
      }
      distance[a * n + x] = merged;
      distance[x * n + a] = merged;
    }
    active[b] = 0;
    size[a] = sizeA + sizeB;
    remaining--;
    merges.push({ a, b, height: dAB, size: sizeA + sizeB });
  }
  return merges;
}

/**
 * Cuts a dendrogram into exactly k clusters (1 ≤ k ≤ n): applies the n − k lowest merges. Returns a cluster
 * index per post, numbered 0 … k − 1 in order of each cluster's first post.
 */
export function cutDendrogram(merges: readonly Merge[], n: number, k: number): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const order = merges.map((merge, index) => index).sort((x, y) => merges[x]!.height - merges[y]!.height || x - y);
  for (let step = 0; step < n - k; step++) {
    const merge = merges[order[step]!]!;
    const rootA = find(merge.a);
    const rootB = find(merge.b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
  return relabel(Int32Array.from({ length: n }, (_, i) => find(i)));
}

/** Renumbers cluster labels 0 … k − 1 in order of first appearance. */
export function relabel(labels: Int32Array): Int32Array {
  const next = new Map<number, number>();
  return labels.map((label) => {
    let value = next.get(label);
    if (value === undefined) {
      value = next.size;
      next.set(label, value);
    }
    return value;
  });
}
