/**
 * Silhouette of every post under a labelling, with distance 1 − cosine similarity: (b − a) / max(a, b), where a
 * is the mean distance to the other posts of its group and b the mean distance to the nearest other group. A post
 * alone in its group scores 0 (Rousseeuw's convention). O(n²).
 */
export function silhouetteValues(similarity: Float32Array, n: number, labels: Int32Array, k: number): Float64Array {
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]!++;
  const values = new Float64Array(n);
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const row = i * n;
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]!]! += 1 - similarity[row + j]!;
    const own = labels[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let cluster = 0; cluster < k; cluster++) {
      if (cluster !== own && sizes[cluster]! > 0) b = Math.min(b, sums[cluster]! / sizes[cluster]!);
    }
    if (b === Infinity) continue;
    const denominator = Math.max(a, b);
    values[i] = denominator === 0 ? 0 : (b - a) / denominator;
  }
  return values;
}
