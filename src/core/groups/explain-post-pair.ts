import type { PostMatrix } from './post-matrix.js';

export interface PairLink {
  competencyId: string;
  /** The two posts' weights for it. */
  weightA: number;
  weightB: number;
  /** Its part of the pair's cosine similarity (the contributions sum to the similarity). */
  contribution: number;
}

export interface PairExplanation {
  a: string;
  b: string;
  similarity: number;
  /** The shared competencies, largest contribution first. */
  links: PairLink[];
}

/** Why two posts (row indexes) are correlated: the competencies they share and what each adds to the cosine. */
export function explainPostPair(matrix: PostMatrix, a: number, b: number): PairExplanation {
  const links: PairLink[] = [];
  let i = matrix.rowStart[a]!;
  let j = matrix.rowStart[b]!;
  const endA = matrix.rowStart[a + 1]!;
  const endB = matrix.rowStart[b + 1]!;
  let similarity = 0;
  while (i < endA && j < endB) {
    const ci = matrix.columns[i]!;
    const cj = matrix.columns[j]!;
    if (ci === cj) {
      const contribution = matrix.values[i]! * matrix.values[j]!;
      similarity += contribution;
      links.push({
        competencyId: matrix.competencyIds[ci]!,
        weightA: matrix.weights[i]!,
        weightB: matrix.weights[j]!,
        contribution,
      });
      i++;
      j++;
    } else if (ci < cj) i++;
    else j++;
  }
  links.sort((x, y) => y.contribution - x.contribution || (x.competencyId < y.competencyId ? -1 : 1));
  return { a: matrix.postIds[a]!, b: matrix.postIds[b]!, similarity: Math.min(1, similarity), links };
}
