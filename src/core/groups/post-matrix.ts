/**
 * The post × competency matrix behind the knowledge correlation: sparse rows (compressed sparse row), each
 * competency weighted by how rare it is among the posts (a competency every post needs says little), rows
 * normalised to unit length so that the dot product of two rows is their cosine similarity.
 */

/** One requirement of a post as the grouping sees it: a competency and its weight in (0, 1]. */
export interface GroupingCompetency {
  id: string;
  weight: number;
}

/** A post to group: its id, a label for explanations, and its weighted competencies. */
export interface GroupingPost {
  id: string;
  label: string;
  competencies: GroupingCompetency[];
}

export interface PostMatrix {
  postIds: string[];
  labels: string[];
  /** Column index → competency id. */
  competencyIds: string[];
  /** Row i holds entries rowStart[i] … rowStart[i + 1] − 1 of `columns`, `weights` and `values`. */
  rowStart: Int32Array;
  /** Column indexes, ascending within a row. */
  columns: Int32Array;
  /** The weight the post gave the competency (0–1). */
  weights: Float32Array;
  /** weight × idf, the row normalised to unit length. */
  values: Float32Array;
  /** Posts that need each competency. */
  documentFrequency: Int32Array;
  /** ln((1 + n) / (1 + df)): 0 for a competency every post needs. */
  idf: Float64Array;
}

/**
 * Builds the matrix. Duplicate competencies within a post keep the highest weight. The inverse document
 * frequency is `ln((1 + n) / (1 + df))`, so a competency that every post needs weighs nothing; when that leaves
 * a post with no weight at all (all its competencies are universal) its row falls back to the plain weights, so
 * the post still resembles the others.
 */
export function buildPostMatrix(posts: readonly GroupingPost[]): PostMatrix {
  const columnOf = new Map<string, number>();
  const competencyIds: string[] = [];
  const rows: Array<Map<number, number>> = posts.map((post) => {
    const row = new Map<number, number>();
    for (const { id, weight } of post.competencies) {
      let column = columnOf.get(id);
      if (column === undefined) {
        column = competencyIds.length;
        columnOf.set(id, column);
        competencyIds.push(id);
      }
      row.set(column, Math.max(row.get(column) ?? 0, weight));
    }
    return row;
  });
  const documentFrequency = new Int32Array(competencyIds.length);
  for (const row of rows) for (const column of row.keys()) documentFrequency[column]!++;
  const n = posts.length;
  const idf = new Float64Array(competencyIds.length);
  for (let column = 0; column < idf.length; column++)
    idf[column] = Math.log((1 + n) / (1 + documentFrequency[column]!));

  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i]! + rows[i]!.size;
  const total = rowStart[n]!;
  const columns = new Int32Array(total);
  const weights = new Float32Array(total);
  const values = new Float32Array(total);
  for (let i = 0; i < n; i++) {
    const entries = [...rows[i]!.entries()].sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [column, weight] of entries) norm += (weight * idf[column]!) ** 2;
    const fallback = norm === 0;
    if (fallback) for (const [, weight] of entries) norm += weight * weight;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    let at = rowStart[i]!;
    for (const [column, weight] of entries) {
      columns[at] = column;
      weights[at] = weight;
      values[at] = (fallback ? weight : weight * idf[column]!) * scale;
      at++;
    }
  }
  return {
    postIds: posts.map((post) => post.id),
    labels: posts.map((post) => post.label),
    competencyIds,
    rowStart,
    columns,
    weights,
    values,
    documentFrequency,
    idf,
  };
}
