import type { PostMatrix } from './post-matrix.js';

/**
 * The cosine similarity of every pair of posts, as a dense symmetric n × n matrix (row-major, 1 on the
 * diagonal for a post with competencies). Computed sparsely: each competency contributes only to the pairs of
 * posts that both need it, so the cost is the sum over competencies of (posts needing it)², not n² × m.
 */
export function postSimilarity(matrix: PostMatrix): Float32Array {
  const n = matrix.postIds.length;
  const m = matrix.competencyIds.length;
  // Column-major copy (posts per competency) to walk pairs that share a competency.
  const columnStart = new Int32Array(m + 1);
  for (let at = 0; at < matrix.columns.length; at++) columnStart[matrix.columns[at]! + 1]!++;
  for (let column = 0; column < m; column++) columnStart[column + 1]! += columnStart[column]!;
  const fill = columnStart.slice(0, m);
  const rowsOf = new Int32Array(matrix.columns.length);
  const valuesOf = new Float32Array(matrix.columns.length);
  for (let row = 0; row < n; row++) {
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
      const column = matrix.columns[at]!;
      const slot = fill[column]!++;
      rowsOf[slot] = row;
      valuesOf[slot] = matrix.values[at]!;
    }
  }
  const similarity = new Float32Array(n * n);
  const accumulator = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    // Row `row` of the product: for each of its competencies, every post j ≥ row that also needs it.
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
      const column = matrix.columns[at]!;
      const value = matrix.values[at]!;
      if (value === 0) continue;
      for (let slot = columnStart[column]!; slot < columnStart[column + 1]!; slot++) {
        const other = rowsOf[slot]!;
        if (other >= row) accumulator[other]! += value * valuesOf[slot]!;
      }
    }
    for (let other = row; other < n; other++) {
      const value = accumulator[other]!;
      if (value !== 0) {
        const clamped = Math.min(1, value);
        similarity[row * n + other] = clamped;
        similarity[other * n + row] = clamped;
        accumulator[other] = 0;
      }
    }
  }
  return similarity;
}

/**
 * The same matrix by the textbook dense route (n × m dense rows, every dot product in full): the baseline
 * `npm run bench` compares against. `rows` limits it to the first rows (the bench extrapolates).
 */
export function denseSimilarityRows(matrix: PostMatrix, rows: number): Float32Array {
  const n = matrix.postIds.length;
  const m = matrix.competencyIds.length;
  const dense = new Float32Array(n * m);
  for (let row = 0; row < n; row++) {
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
      dense[row * m + matrix.columns[at]!] = matrix.values[at]!;
    }
  }
  const limit = Math.min(rows, n);
  const out = new Float32Array(limit * n);
  for (let row = 0; row < limit; row++) {
    const a = row * m;
    for (let other = 0; other < n; other++) {
      const b = other * m;
      let sum = 0;
      for (let k = 0; k < m; k++) sum += dense[a + k]! * dense[b + k]!;
      out[row * n + other] = sum;
    }
  }
  return out;
}
