import type { PostMatrix } from './post-matrix.js';

export interface SharedCompetency {
  id: string;
  /** Posts of the group that need it. */
  posts: number;
  /** Sum of its weights over the group's posts divided by the group's size: coverage × weight, 0–1. */
  strength: number;
}

/**
 * The competencies a group's posts have in common: needed by at least half of the posts and by at least two
 * (a one-post group shares all its competencies with itself), strongest first (ties by id).
 */
export function sharedCompetencies(matrix: PostMatrix, members: readonly number[]): SharedCompetency[] {
  const counts = new Map<number, { posts: number; weight: number }>();
  for (const row of members) {
    for (let at = matrix.rowStart[row]!; at < matrix.rowStart[row + 1]!; at++) {
      const column = matrix.columns[at]!;
      const entry = counts.get(column) ?? { posts: 0, weight: 0 };
      entry.posts++;
      entry.weight += matrix.weights[at]!;
      counts.set(column, entry);
    }
  }
  const size = members.length;
  const needed = size === 1 ? 1 : Math.max(2, Math.ceil(size / 2));
  const shared: SharedCompetency[] = [];
  for (const [column, { posts, weight }] of counts) {
    if (posts >= needed) shared.push({ id: matrix.competencyIds[column]!, posts, strength: weight / size });
  }
  return shared.sort(
    (a, b) => b.strength - a.strength || b.posts - a.posts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
