/**
 * Second-order ("shared nearest neighbour") similarity: each post keeps only its `neighbours` most similar
 * posts (symmetrised, itself included with weight 1), and two posts are as similar as the cosine of those
 * neighbour profiles. Two posts that resemble the same posts end up close even when their own competency lists
 * overlap little, and one generic post no longer chains unrelated groups together. Sparse: about n × (2·neighbours)²
 * operations, not n³.
 */
export function sharedNeighbourSimilarity(similarity: Float32Array, n: number, neighbours = 10): Float32Array {
  const keep = Math.max(1, Math.min(neighbours, n - 1));
  const lists: Array<Map<number, number>> = Array.from({ length: n }, (_, i) => new Map([[i, 1]]));
  const topIndex = new Int32Array(keep);
  const topValue = new Float64Array(keep);
  for (let i = 0; i < n; i++) {
    let count = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const value = similarity[row + j]!;
      if (j === i || value <= 0) continue;
      if (count < keep) count++;
      else if (value <= topValue[count - 1]!) continue;
      // Insertion into the short descending list.
      let at = count - 1;
      while (at > 0 && topValue[at - 1]! < value) {
        topValue[at] = topValue[at - 1]!;
        topIndex[at] = topIndex[at - 1]!;
        at--;
      }
      topValue[at] = value;
      topIndex[at] = j;
    }
    for (let at = 0; at < count; at++) {
      const j = topIndex[at]!;
      const value = topValue[at]!;
      lists[i]!.set(j, Math.max(lists[i]!.get(j) ?? 0, value));
      lists[j]!.set(i, Math.max(lists[j]!.get(i) ?? 0, value));
    }
  }
  const norms = lists.map((list) => {
    let sum = 0;
    for (const value of list.values()) sum += value * value;
    return Math.sqrt(sum);
  });
  const out = new Float32Array(n * n);
  const accumulator = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [x, a] of lists[i]!) {
      // The profile is symmetric, so the posts whose profile holds x are x's own list.
      for (const [j, b] of lists[x]!) {
        if (j < i) continue;
        if (accumulator[j] === 0) touched.push(j);
        accumulator[j]! += a * b;
      }
    }
    for (const j of touched) {
      const value = Math.min(1, accumulator[j]! / (norms[i]! * norms[j]!));
      out[i * n + j] = value;
      out[j * n + i] = value;
      accumulator[j] = 0;
    }
    touched.length = 0;
  }
  return out;
}
