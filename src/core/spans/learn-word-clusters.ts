import { normalizeWord } from './extract-token-features.js';
import { seededRandom } from './seeded-random.js';

export interface WordClusterOptions {
  /** words seen fewer times are not clustered */
  minCount: number;
  /** the most frequent words, each at offsets −2, −1, +1, +2, are the context columns */
  contextWords: number;
  /** SVD rank of the word vectors */
  dimensions: number;
  /** depth of the binary cluster tree (bit path length) */
  depth: number;
  seed: number;
}

type Matrix = Float64Array[];

function orthonormalize(columns: Matrix): void {
  columns.forEach((column, index) => {
    for (let earlier = 0; earlier < index; earlier += 1) {
      const other = columns[earlier] as Float64Array;
      let dot = 0;
      for (let row = 0; row < column.length; row += 1) dot += (column[row] as number) * (other[row] as number);
      for (let row = 0; row < column.length; row += 1)
        column[row] = (column[row] as number) - dot * (other[row] as number);
    }
    let norm = 0;
    for (const value of column) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    for (let row = 0; row < column.length; row += 1) column[row] = (column[row] as number) / norm;
  });
}

/** Word vectors: rows of U·Σ (up to rotation) of a rank-`dimensions` randomized SVD of the PPMI word × context matrix. */
function wordVectors(
  sentences: readonly (readonly string[])[],
  options: WordClusterOptions,
): { words: string[]; vectors: Matrix } {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  const byFrequency = [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const words = byFrequency.filter(([, count]) => count >= options.minCount).map(([word]) => word);
  const wordIndex = new Map(words.map((word, index) => [word, index]));
  const contextIndex = new Map(byFrequency.slice(0, options.contextWords).map(([word], index) => [word, index]));
  const offsets = [-2, -1, 1, 2];
  const columns = offsets.length * contextIndex.size;
  const rows = words.map(() => new Map<number, number>());
  const columnTotals = new Float64Array(columns);
  for (const sentence of sentences) {
    sentence.forEach((token, position) => {
      const row = wordIndex.get(token);
      if (row === undefined) return;
      offsets.forEach((offset, slot) => {
        const context = contextIndex.get(sentence[position + offset] ?? (offset < 0 ? '<s>' : '</s>'));
        if (context === undefined) return;
        const column = slot * contextIndex.size + context;
        const cells = rows[row] as Map<number, number>;
        cells.set(column, (cells.get(column) ?? 0) + 1);
        columnTotals[column] = (columnTotals[column] as number) + 1;
      });
    });
  }
  // Context-distribution smoothing (Levy, Goldberg & Dagan 2015) with α = 0.75.
  const smoothed = Float64Array.from(columnTotals, (count) => count ** 0.75);
  const smoothedTotal = smoothed.reduce((sum, value) => sum + value, 0);
  const sparse = rows.map((cells) => {
    let rowTotal = 0;
    for (const count of cells.values()) rowTotal += count;
    const entries: [number, number][] = [];
    for (const [column, count] of [...cells.entries()].sort(([a], [b]) => a - b)) {
      const pmi = Math.log((count * smoothedTotal) / (rowTotal * (smoothed[column] as number)));
      if (pmi > 0) entries.push([column, pmi]);
    }
    return entries;
  });

  const rank = options.dimensions;
  const random = seededRandom(options.seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const multiply = (right: Matrix): Matrix =>
    right.map((vector) =>
      Float64Array.from(sparse, (entries) =>
        entries.reduce((sum, [column, value]) => sum + value * (vector[column] as number), 0),
      ),
    );
  const multiplyTransposed = (left: Matrix): Matrix =>
    left.map((vector) => {
      const out = new Float64Array(columns);
      sparse.forEach((entries, row) => {
        const factor = vector[row] as number;
        if (factor === 0) return;
        for (const [column, value] of entries) out[column] = (out[column] as number) + value * factor;
      });
      return out;
    });
  let q = multiply(Array.from({ length: rank }, () => Float64Array.from({ length: columns }, gaussian)));
  orthonormalize(q);
  for (let iteration = 0; iteration < 3; iteration += 1) {
    const back = multiplyTransposed(q);
    orthonormalize(back);
    q = multiply(back);
    orthonormalize(q);
  }
  // Rows of M·V, with V an orthonormal basis of the top right-singular subspace, are the rows of U·Σ up to a
  // rotation, which leaves the cosine similarities that clustering uses unchanged.
  const basis = multiplyTransposed(q);
  orthonormalize(basis);
  const projected = multiply(basis);
  const vectorsOut = words.map((_, row) => Float64Array.from(projected, (column) => column[row] as number));
  for (const vector of vectorsOut) {
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
    for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] as number) / norm;
  }
  return { words, vectors: vectorsOut };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += (a[index] as number) * (b[index] as number);
  return sum;
}

/** Splits members (indices, most frequent first) in two by spherical 2-means seeded with the first and its farthest. */
function bisect(members: number[], vectors: Matrix): [number[], number[]] {
  const first = vectors[members[0] as number] as Float64Array;
  let farthest = members[1] as number;
  for (const member of members)
    if (dot(vectors[member] as Float64Array, first) < dot(vectors[farthest] as Float64Array, first)) farthest = member;
  let centroids = [Float64Array.from(first), Float64Array.from(vectors[farthest] as Float64Array)];
  let sides: [number[], number[]] = [[], []];
  for (let iteration = 0; iteration < 8; iteration += 1) {
    sides = [[], []];
    for (const member of members) {
      const vector = vectors[member] as Float64Array;
      sides[dot(vector, centroids[0] as Float64Array) >= dot(vector, centroids[1] as Float64Array) ? 0 : 1].push(
        member,
      );
    }
    if (sides[0].length === 0 || sides[1].length === 0) break;
    centroids = sides.map((side) => {
      const centroid = new Float64Array(first.length);
      for (const member of side) {
        const vector = vectors[member] as Float64Array;
        for (let index = 0; index < centroid.length; index += 1)
          centroid[index] = (centroid[index] as number) + (vector[index] as number);
      }
      const norm = Math.sqrt(dot(centroid, centroid)) || 1;
      return centroid.map((value) => value / norm);
    });
  }
  if (sides[0].length === 0 || sides[1].length === 0) {
    const half = Math.ceil(members.length / 2);
    return [members.slice(0, half), members.slice(half)];
  }
  return sides;
}

/**
 * Hierarchical word clusters learned from unlabelled tokenised text: PPMI-weighted ±2 positional contexts, a
 * randomized SVD, then recursive spherical 2-means. Returns {@link normalizeWord} form → bit path (prefixes of a
 * path are coarser clusters, as with Brown clusters). Deterministic for a given input and seed.
 */
export function learnWordClusters(
  sentences: readonly (readonly string[])[],
  options: WordClusterOptions,
): Map<string, string> {
  const normalized = sentences.map((sentence) => sentence.map(normalizeWord));
  const { words, vectors } = wordVectors(normalized, options);
  const paths = new Map<string, string>();
  const split = (members: number[], path: string): void => {
    if (path.length === options.depth || members.length < 2) {
      for (const member of members) paths.set(words[member] as string, path);
      return;
    }
    const [left, right] = bisect(members, vectors);
    split(left, `${path}0`);
    split(right, `${path}1`);
  };
  split(
    words.map((_, index) => index),
    '',
  );
  return paths;
}
