import { DomainError } from '../errors/domain-error.js';
import { MipBuilder, type MipSolver, type MipStatus } from './mip-solver.js';
import { assertAcyclic, chainLengths, longestChain } from './prerequisite-graph.js';

export interface SemesterCourse {
  id: string;
  credits: number;
  hours: number;
  prerequisites: readonly string[];
  /** Platform courses are pulled early, modules next; electives have no preference. */
  kind?: 'platform' | 'module' | 'elective';
}

export interface SemesterOptions {
  semesters: number;
  maxCredits: number;
  maxHours?: number;
  /** Semesters (1-based) kept for placements (岗位实习): no courses there. */
  practical?: readonly number[];
  timeLimitSeconds?: number;
}

export type BindingConstraint =
  | { kind: 'credit-cap'; semesters: number[]; limit: number }
  | { kind: 'hour-cap'; semesters: number[]; limit: number }
  | { kind: 'prerequisite-chain'; chain: string[] };

export interface SemesterPlan {
  /** One list per semester (practical ones empty), each course exactly once. */
  semesters: string[][];
  credits: number[];
  hours: number[];
  method: 'mip' | 'heuristic';
  solver: string | null;
  status: MipStatus | 'heuristic';
  /** HiGHS's relative optimality gap (0 = proven optimal); null for the heuristic. */
  gap: number | null;
  /** Credits of the busiest semester (what the plan minimises) and the lower bound total / semesters. */
  busiest: number;
  average: number;
  binding: BindingConstraint[];
}

const RANK = { platform: 1, module: 0.5, elective: 0 } as const;

/**
 * Places every course in one semester: prerequisites strictly earlier, at most `maxCredits` (and `maxHours`)
 * per semester, none in practical semesters; the busiest semester as light as possible, foundations early.
 * Solved exactly as an integer programme when a solver is given (HiGHS), otherwise — or when the solver finds
 * nothing in time — by list scheduling. Impossible inputs are refused up front with the constraint that breaks.
 */
export function planSemesters(
  courses: readonly SemesterCourse[],
  options: SemesterOptions,
  solver?: MipSolver,
): SemesterPlan {
  const { semesters, maxCredits } = options;
  if (!Number.isInteger(semesters) || semesters < 1 || semesters > 20) {
    throw new DomainError('VALIDATION_FAILED', `semesters must be a whole number from 1 to 20, not ${semesters}`, {
      field: 'semesters',
      reason: 'semesters-range',
    });
  }
  if (!(maxCredits > 0)) {
    throw new DomainError('VALIDATION_FAILED', `the credit cap must be > 0, not ${maxCredits}`, {
      field: 'maxCredits',
      reason: 'credit-cap-not-positive',
    });
  }
  const practical = new Set(options.practical ?? []);
  for (const semester of practical) {
    if (!Number.isInteger(semester) || semester < 1 || semester > semesters) {
      throw new DomainError('VALIDATION_FAILED', `practical semester ${semester} is not one of 1–${semesters}`, {
        field: 'practical',
        reason: 'practical-out-of-range',
        semester,
        semesters,
      });
    }
  }
  const teaching = Array.from({ length: semesters }, (_, i) => i + 1).filter((s) => !practical.has(s));
  assertAcyclic(courses);
  checkFeasible(courses, options, teaching);

  const m = teaching.length;
  const { depth, height } = chainLengths(courses);
  const window = (id: string): [number, number] => [(depth.get(id) ?? 1) - 1, m - (height.get(id) ?? 1)];
  let placed: Map<string, number> | null = null;
  let status: SemesterPlan['status'] = 'heuristic';
  let gap: number | null = null;
  if (solver && courses.length > 0) {
    const result = solveExactly(courses, options, m, window, solver);
    if (result.status === 'infeasible') {
      throw new DomainError(
        'VALIDATION_FAILED',
        `no semester plan satisfies the credit cap ${maxCredits}${options.maxHours ? `, the hour cap ${options.maxHours}` : ''} and the prerequisites together in ${m} teaching semesters (proved by ${solver.name})`,
        { field: 'maxCredits', reason: 'plan-infeasible', cap: maxCredits, semesters: m },
      );
    }
    if (result.placed) {
      placed = result.placed;
      status = result.status;
      gap = result.gap;
    }
  }
  const method: SemesterPlan['method'] = placed ? 'mip' : 'heuristic';
  placed ??= scheduleGreedily(courses, options, m, window);

  const lists: string[][] = Array.from({ length: semesters }, () => []);
  const credits = Array.from({ length: semesters }, () => 0);
  const hours = Array.from({ length: semesters }, () => 0);
  for (const course of courses) {
    const semester = teaching[placed.get(course.id)!]!;
    lists[semester - 1]!.push(course.id);
    credits[semester - 1]! += course.credits;
    hours[semester - 1]! += course.hours;
  }
  const total = courses.reduce((sum, course) => sum + course.credits, 0);
  const binding: BindingConstraint[] = [];
  const full = (values: number[], limit: number) =>
    teaching.filter((s) => values[s - 1]! >= limit - 1e-9 && values[s - 1]! > 0);
  const creditFull = full(credits, maxCredits);
  if (creditFull.length > 0) binding.push({ kind: 'credit-cap', semesters: creditFull, limit: maxCredits });
  if (options.maxHours !== undefined) {
    const hourFull = full(hours, options.maxHours);
    if (hourFull.length > 0) binding.push({ kind: 'hour-cap', semesters: hourFull, limit: options.maxHours });
  }
  const chain = courses.length > 0 ? longestChain(courses) : [];
  if (chain.length === m && m > 1) binding.push({ kind: 'prerequisite-chain', chain });
  return {
    semesters: lists,
    credits: credits.map(round2),
    hours,
    method,
    solver: method === 'mip' ? (solver?.name ?? null) : null,
    status,
    gap,
    busiest: round2(Math.max(0, ...credits)),
    average: round2(m > 0 ? total / m : 0),
    binding,
  };
}

function checkFeasible(courses: readonly SemesterCourse[], options: SemesterOptions, teaching: number[]): void {
  if (courses.length === 0) return;
  if (teaching.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'every semester is practical: there is no semester to teach in', {
      field: 'practical',
      reason: 'no-teaching-semester',
    });
  }
  for (const course of courses) {
    if (course.credits > options.maxCredits) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `course ${course.id} has ${course.credits} credits, more than the cap of ${options.maxCredits} per semester`,
        {
          field: 'maxCredits',
          course: course.id,
          reason: 'course-over-credit-cap',
          credits: course.credits,
          cap: options.maxCredits,
        },
      );
    }
    if (options.maxHours !== undefined && course.hours > options.maxHours) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `course ${course.id} has ${course.hours} hours, more than the cap of ${options.maxHours} per semester`,
        {
          field: 'maxHours',
          course: course.id,
          reason: 'course-over-hour-cap',
          hours: course.hours,
          cap: options.maxHours,
        },
      );
    }
  }
  const total = courses.reduce((sum, course) => sum + course.credits, 0);
  if (total > options.maxCredits * teaching.length + 1e-9) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${round2(total)} credits do not fit in ${teaching.length} teaching semesters of at most ${options.maxCredits} credits (${Math.ceil(total / options.maxCredits - 1e-9)} semesters needed)`,
      {
        field: 'maxCredits',
        reason: 'credits-do-not-fit',
        credits: round2(total),
        semesters: teaching.length,
        cap: options.maxCredits,
        needed: Math.ceil(total / options.maxCredits - 1e-9),
      },
    );
  }
  const totalHours = courses.reduce((sum, course) => sum + course.hours, 0);
  if (options.maxHours !== undefined && totalHours > options.maxHours * teaching.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${totalHours} hours do not fit in ${teaching.length} teaching semesters of at most ${options.maxHours} hours`,
      {
        field: 'maxHours',
        reason: 'hours-do-not-fit',
        hours: totalHours,
        semesters: teaching.length,
        cap: options.maxHours,
      },
    );
  }
  const chain = longestChain(courses);
  if (chain.length > teaching.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `the prerequisite chain ${chain.join(' → ')} needs ${chain.length} semesters; there are ${teaching.length} teaching semesters`,
      { field: 'semesters', chain, reason: 'chain-too-long', length: chain.length, semesters: teaching.length },
    );
  }
}

function solveExactly(
  courses: readonly SemesterCourse[],
  options: SemesterOptions,
  m: number,
  window: (id: string) => [number, number],
  solver: MipSolver,
): { status: MipStatus; placed: Map<string, number> | null; gap: number | null } {
  const limit = options.timeLimitSeconds ?? 10;
  // Lexicographic: first the lightest busiest semester, then — with that load fixed — foundations earliest.
  const first = solveStage(courses, options, m, window, solver, { maxLoad: null, timeLimitSeconds: limit / 2 });
  if (!first.placed || first.load === null) return first;
  const second = solveStage(courses, options, m, window, solver, { maxLoad: first.load, timeLimitSeconds: limit / 2 });
  if (!second.placed) return first;
  return { status: first.status === 'optimal' ? second.status : first.status, placed: second.placed, gap: first.gap };
}

/**
 * One integer programme: x[c][s] = 1 when course c is in teaching semester s (only inside its chain window);
 * each course once; per semester, credits ≤ the load variable (in half credits, integer) and hours ≤ the hour
 * cap; prerequisites in the disaggregated form Σ_{t≤s} x[b][t] ≤ Σ_{t<s} x[a][t], whose relaxation is tight.
 * Stage 1 minimises the load; stage 2 fixes it and minimises Σ rank(c) · s · x[c][s]. Credits enter the model as
 * whole half-credits (学分 come in halves); any other value is rounded there, and the result is rechecked exactly.
 */
function solveStage(
  courses: readonly SemesterCourse[],
  options: SemesterOptions,
  m: number,
  window: (id: string) => [number, number],
  solver: MipSolver,
  stage: { maxLoad: number | null; timeLimitSeconds: number },
): { status: MipStatus; placed: Map<string, number> | null; gap: number | null; load: number | null } {
  const builder = new MipBuilder();
  const capHalves = Math.floor(options.maxCredits * 2 + 1e-9);
  const load =
    stage.maxLoad === null ? builder.integer(0, capHalves, 1) : builder.integer(0, Math.round(stage.maxLoad * 2), 0);
  const variables = new Map<string, Map<number, number>>();
  for (const course of courses) {
    const [from, to] = window(course.id);
    const columns = new Map<number, number>();
    const rank = stage.maxLoad === null ? 0 : RANK[course.kind ?? 'elective'];
    for (let s = from; s <= to; s += 1) columns.set(s, builder.binary(rank * s));
    variables.set(course.id, columns);
    builder.row(
      [...columns.values()].map((column) => [column, 1] as const),
      1,
      1,
    );
  }
  for (let s = 0; s < m; s += 1) {
    const credits: [number, number][] = [];
    const hours: [number, number][] = [];
    for (const course of courses) {
      const column = variables.get(course.id)!.get(s);
      if (column === undefined) continue;
      credits.push([column, Math.round(course.credits * 2)]);
      hours.push([column, course.hours]);
    }
    if (credits.length === 0) continue;
    builder.row([...credits, [load, -1]], -Infinity, 0);
    if (options.maxHours !== undefined) builder.row(hours, -Infinity, options.maxHours);
  }
  for (const course of courses) {
    const after = variables.get(course.id)!;
    for (const id of new Set(course.prerequisites)) {
      const before = variables.get(id)!;
      for (let s = 0; s < m; s += 1) {
        const terms: [number, number][] = [];
        for (const [t, column] of after) if (t <= s) terms.push([column, 1]);
        if (terms.length === 0) continue;
        for (const [t, column] of before) if (t < s) terms.push([column, -1]);
        builder.row(terms, -Infinity, 0);
      }
    }
  }
  const solution = solver.solve(builder.model(), { timeLimitSeconds: stage.timeLimitSeconds });
  if (solution.status === 'infeasible' || solution.status === 'no-solution') {
    return { status: solution.status, placed: null, gap: null, load: null };
  }
  const placed = new Map<string, number>();
  for (const [id, columns] of variables) {
    let best: [number, number] | undefined;
    for (const [s, column] of columns) {
      const value = solution.values[column] ?? 0;
      if (!best || value > best[1]) best = [s, value];
    }
    placed.set(id, best![0]);
  }
  if (!valid(courses, options, placed)) return { status: 'no-solution', placed: null, gap: null, load: null };
  const halves = Math.round(solution.values[load] ?? capHalves);
  return { status: solution.status, placed, gap: solution.gap, load: halves / 2 };
}

/**
 * List scheduling, prerequisites first: each course goes to a semester of its window with room — the least
 * loaded (balance), else the earliest, else the latest fitting one; the first strategy that places everything
 * wins. A fallback, not an optimiser: its failure is reported as such.
 */
function scheduleGreedily(
  courses: readonly SemesterCourse[],
  options: SemesterOptions,
  m: number,
  window: (id: string) => [number, number],
): Map<string, number> {
  const { depth } = chainLengths(courses);
  const order = [...courses].sort(
    (a, b) =>
      (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) ||
      RANK[b.kind ?? 'elective'] - RANK[a.kind ?? 'elective'] ||
      b.credits - a.credits,
  );
  let stuck: SemesterCourse | undefined;
  for (const strategy of ['balance', 'earliest', 'latest'] as const) {
    const credits = Array.from({ length: m }, () => 0);
    const hours = Array.from({ length: m }, () => 0);
    const placed = new Map<string, number>();
    let failed = false;
    for (const course of order) {
      const after = Math.max(-1, ...course.prerequisites.map((p) => placed.get(p) ?? -1)) + 1;
      const [, last] = window(course.id);
      const fits = (s: number) =>
        credits[s]! + course.credits <= options.maxCredits + 1e-9 &&
        (options.maxHours === undefined || hours[s]! + course.hours <= options.maxHours);
      const candidates: number[] = [];
      for (let s = after; s <= last; s += 1) if (fits(s)) candidates.push(s);
      const choice =
        strategy === 'balance'
          ? candidates.reduce<number | undefined>(
              (best, s) => (best === undefined || credits[s]! < credits[best]! ? s : best),
              undefined,
            )
          : strategy === 'earliest'
            ? candidates[0]
            : candidates[candidates.length - 1];
      if (choice === undefined) {
        stuck ??= course;
        failed = true;
        break;
      }
      placed.set(course.id, choice);
      credits[choice]! += course.credits;
      hours[choice]! += course.hours;
    }
    if (!failed && valid(courses, options, placed)) return placed;
  }
  throw new DomainError(
    'VALIDATION_FAILED',
    `the list-scheduling heuristic finds no semester with room for course ${stuck?.id ?? '?'} after its prerequisites under the cap of ${options.maxCredits} credits; raise the cap, add a semester, or let HiGHS solve it`,
    { field: 'maxCredits', course: stuck?.id, reason: 'plan-infeasible', cap: options.maxCredits, semesters: m },
  );
}

function valid(courses: readonly SemesterCourse[], options: SemesterOptions, placed: Map<string, number>): boolean {
  const credits = new Map<number, number>();
  const hours = new Map<number, number>();
  for (const course of courses) {
    const s = placed.get(course.id);
    if (s === undefined) return false;
    for (const before of course.prerequisites) if ((placed.get(before) ?? Infinity) >= s) return false;
    credits.set(s, (credits.get(s) ?? 0) + course.credits);
    hours.set(s, (hours.get(s) ?? 0) + course.hours);
  }
  for (const value of credits.values()) if (value > options.maxCredits + 1e-9) return false;
  if (options.maxHours !== undefined) for (const value of hours.values()) if (value > options.maxHours) return false;
  return true;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
