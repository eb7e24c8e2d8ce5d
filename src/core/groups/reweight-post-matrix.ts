import type { PostMatrix } from './post-matrix.js';

/**
 * Alternative term weightings of the same post matrix, the "views" the consensus grouping combines:
 * - `smooth`: weight × (idf + 1), the smoothed idf (a universal competency still counts a little);
 * - `smooth-binary`: idf + 1 alone (the posts' own weights ignored: essential and optional alike).
 * Rows are normalised to unit length again; everything but `values` is shared with the input.
 */
export type MatrixView = 'smooth' | 'smooth-binary';

export function reweightPostMatrix(matrix: PostMatrix, view: MatrixView): PostMatrix {
  const n = matrix.postIds.length;
  const values = new Float32Array(matrix.values.length);
  for (let row = 0; row < n; row++) {
    let norm = 0;
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
      const idf = matrix.idf[matrix.columns[at]!]! + 1;
      const value = view === 'smooth' ? matrix.weights[at]! * idf : idf;
      values[at] = value;
      norm += value * value;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) values[at]! *= scale;
  }
  return { ...matrix, values };
}
