import { checkChoice, planPathway, type PathwayCourse } from '../courses/plan-pathway.js';
import type { MipSolver } from '../courses/mip-solver.js';

/** A student's saved pathway, as it stood on the revised course system version. */
export interface SavedPathway {
  readonly post: string;
  /** Course ids of the revised version. */
  readonly chosen: readonly string[];
  /** Competencies the student already had. */
  readonly have: readonly string[];
}

/** What a student must add after a revision: shown to them (and their teachers) until they save again. */
export interface PathwayNotice {
  /** Essential competencies of the post (new requirements) the carried courses no longer cover. */
  readonly missing: string[];
  /** The fewest-credit courses of the new version that would cover them. */
  readonly add: string[];
  /** Chosen courses with no successor in the new version (retired). */
  readonly retired: string[];
}

export interface RecheckedPathway {
  /** The chosen courses mapped to their successors in the new version. */
  readonly chosen: string[];
  /** Null when the carried pathway still covers the post; otherwise what to add. */
  readonly notice: PathwayNotice | null;
  /** False when the post is not in the new version any more (the pathway is not carried). */
  readonly postKept: boolean;
}

/**
 * Carries a saved pathway across a revision and re-checks it (issue 16): each chosen course becomes its successor
 * (`successor`, from `pairCourses`), retired ones drop out; the post's essential competencies in the NEW version
 * are checked against the carried courses and what the student had; anything uncovered gives a notice naming it
 * and the fewest-credit courses of the new version that cover it (a set cover, exact with a solver). Pure.
 */
export function recheckPathway(
  saved: SavedPathway,
  successor: ReadonlyMap<string, string>,
  newCourses: readonly PathwayCourse[],
  newEssential: ReadonlyMap<string, readonly string[]>,
  solver?: MipSolver,
): RecheckedPathway {
  const target = newEssential.get(saved.post);
  const retired = saved.chosen.filter((id) => !successor.has(id));
  const chosen = [...new Set(saved.chosen.flatMap((id) => (successor.has(id) ? [successor.get(id)!] : [])))];
  if (!target) return { chosen, notice: null, postKept: false };
  const input = { courses: newCourses, target, have: saved.have };
  const { uncovered } = checkChoice(input, chosen);
  const teachable = new Set(newCourses.flatMap((course) => course.competencies));
  const missing = uncovered.filter((id) => teachable.has(id));
  if (missing.length === 0 && retired.length === 0) return { chosen, notice: null, postKept: true };
  if (missing.length === 0) return { chosen, notice: { missing, add: [], retired }, postKept: true };
  const byId = new Map(newCourses.map((course) => [course.id, course]));
  const covered = chosen.flatMap((id) => byId.get(id)?.competencies ?? []);
  const pathway = planPathway({ courses: newCourses, target: missing, have: [...saved.have, ...covered] }, solver);
  const taken = new Set(chosen);
  return {
    chosen,
    notice: { missing, add: pathway.courses.filter((id) => !taken.has(id)), retired },
    postKept: true,
  };
}
