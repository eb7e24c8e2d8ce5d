import { DomainError } from '../errors/domain-error.js';
import { MipBuilder, type MipSolver } from './mip-solver.js';
import { topologicalOrder } from './prerequisite-graph.js';

export interface PathwayCourse {
  id: string;
  credits: number;
  competencies: readonly string[];
  prerequisites: readonly string[];
}

export interface PathwayInput {
  courses: readonly PathwayCourse[];
  /** The target post's essential competencies. */
  target: readonly string[];
  /** Competencies the student already has. */
  have: readonly string[];
  /** Where each course sits in the plan (0-based semester), to list the pathway in teaching order. */
  semesterOf?: ReadonlyMap<string, number>;
}

export interface Pathway {
  /** Courses to take, in a valid order (prerequisites first, then by semester). */
  courses: string[];
  credits: number;
  /** Target competencies no course of the plan teaches (the plan's gap, not the student's choice). */
  uncovered: string[];
  method: 'mip' | 'greedy';
  /** Prerequisites waived because the student already has everything they teach. */
  waived: string[];
}

/**
 * The fewest credits that cover what the student still needs for the target post: a set cover with
 * prerequisite closure (a chosen course brings its prerequisites, unless the student already has all they
 * teach). Exact with a solver (HiGHS), greedy (most new competencies per credit) otherwise.
 */
export function planPathway(input: PathwayInput, solver?: MipSolver, timeLimitSeconds = 10): Pathway {
  const have = new Set(input.have);
  const byId = new Map(input.courses.map((course) => [course.id, course]));
  const waived = input.courses
    .filter((course) => course.competencies.length > 0 && course.competencies.every((id) => have.has(id)))
    .map((course) => course.id);
  const waivedSet = new Set(waived);
  const needed = [...new Set(input.target)].filter((id) => !have.has(id));
  const teachable = new Set(input.courses.flatMap((course) => course.competencies));
  const uncovered = needed.filter((id) => !teachable.has(id));
  const goals = needed.filter((id) => teachable.has(id));
  // Courses that teach nothing new are only ever taken as prerequisites.
  const requiredBefore = (course: PathwayCourse) =>
    course.prerequisites.filter((id) => byId.has(id) && !waivedSet.has(id));

  let chosen: Set<string> | null = null;
  let method: Pathway['method'] = 'greedy';
  if (solver && goals.length > 0) {
    const builder = new MipBuilder();
    const column = new Map(input.courses.map((course) => [course.id, builder.binary(course.credits)]));
    for (const goal of goals) {
      const terms = input.courses
        .filter((course) => course.competencies.includes(goal))
        .map((course) => [column.get(course.id)!, 1] as const);
      builder.row(terms, 1, Infinity);
    }
    for (const course of input.courses) {
      for (const before of requiredBefore(course)) {
        builder.row(
          [
            [column.get(before)!, 1],
            [column.get(course.id)!, -1],
          ],
          0,
          Infinity,
        );
      }
    }
    const solution = solver.solve(builder.model(), { timeLimitSeconds });
    if (solution.status === 'optimal' || solution.status === 'feasible') {
      chosen = new Set(
        input.courses.filter((course) => (solution.values[column.get(course.id)!] ?? 0) > 0.5).map((c) => c.id),
      );
      method = 'mip';
    }
  }
  chosen ??= greedyCover(input.courses, goals, requiredBefore);

  const order = topologicalOrder(
    input.courses
      .filter((course) => chosen.has(course.id))
      .map((course) => ({
        id: course.id,
        prerequisites: course.prerequisites.filter((id) => chosen.has(id)),
      })),
  );
  const semester = (id: string) => input.semesterOf?.get(id) ?? 0;
  const position = new Map(order.map((id, index) => [id, index]));
  // Semester order is itself valid (prerequisites are earlier); the topological index breaks ties.
  const courses = [...chosen].sort(
    (a, b) => semester(a) - semester(b) || (position.get(a) ?? 0) - (position.get(b) ?? 0),
  );
  const credits = courses.reduce((sum, id) => sum + (byId.get(id)?.credits ?? 0), 0);
  return { courses, credits: Math.round(credits * 100) / 100, uncovered, method, waived };
}

function greedyCover(
  courses: readonly PathwayCourse[],
  goals: readonly string[],
  requiredBefore: (course: PathwayCourse) => string[],
): Set<string> {
  const byId = new Map(courses.map((course) => [course.id, course]));
  const chosen = new Set<string>();
  const left = new Set(goals);
  const closure = (course: PathwayCourse): string[] => {
    const out: string[] = [];
    const stack = [course.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (chosen.has(id) || out.includes(id)) continue;
      out.push(id);
      for (const before of requiredBefore(byId.get(id)!)) stack.push(before);
    }
    return out;
  };
  while (left.size > 0) {
    let best: { ids: string[]; ratio: number } | undefined;
    for (const course of courses) {
      if (chosen.has(course.id) || !course.competencies.some((id) => left.has(id))) continue;
      const ids = closure(course);
      const gained = new Set(ids.flatMap((id) => byId.get(id)!.competencies).filter((id) => left.has(id))).size;
      const cost = ids.reduce((sum, id) => sum + byId.get(id)!.credits, 0);
      const ratio = gained / Math.max(cost, 1e-9);
      if (!best || ratio > best.ratio) best = { ids, ratio };
    }
    if (!best) break;
    for (const id of best.ids) {
      chosen.add(id);
      for (const competency of byId.get(id)!.competencies) left.delete(competency);
    }
  }
  return chosen;
}

/** What a student's own choice of courses leaves uncovered for the target post, and prerequisites it skips. */
export function checkChoice(
  input: PathwayInput,
  chosen: readonly string[],
): { uncovered: string[]; missingPrerequisites: { course: string; requires: string }[] } {
  const have = new Set(input.have);
  const byId = new Map(input.courses.map((course) => [course.id, course]));
  for (const id of chosen) {
    if (!byId.has(id))
      throw new DomainError('VALIDATION_FAILED', `course ${id} is not in the plan`, { field: 'courses' });
  }
  const taught = new Set(chosen.flatMap((id) => byId.get(id)!.competencies));
  const uncovered = [...new Set(input.target)].filter((id) => !have.has(id) && !taught.has(id));
  const picked = new Set(chosen);
  const missingPrerequisites = chosen.flatMap((id) =>
    byId
      .get(id)!
      .prerequisites.filter(
        (before) => !picked.has(before) && !byId.get(before)?.competencies.every((c) => have.has(c)),
      )
      .map((before) => ({ course: id, requires: before })),
  );
  return { uncovered, missingPrerequisites };
}
