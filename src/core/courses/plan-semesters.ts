import { DomainError } from '../errors/domain-error.js';
import { MipBuilder, type MipSolver, type MipStatus } from './mip-solver.js';
import { assertAcyclic, chainLengths, longestChain } from './prerequisite-graph.js';
import { trackOf, tracksOf } from './student-load.js';

export interface SemesterCourse {
  id: string;
  credits: number;
  hours: number;
  prerequisites: readonly string[];
  /** Platform courses are pulled early, modules next; electives have no preference. */
  kind?: 'platform' | 'module' | 'elective';
  /** Module courses: the post whose track they belong to (tracks of different posts run in parallel). */
  post?: string | null;
}

export interface SemesterOptions {
  semesters: number;
  /** The most credits one student carries in a semester (public + platform + electives + one post's modules). */
  maxCredits: number;
  /** The same per-student bound in teaching hours. */
  maxHours?: number;
  /** Semesters (1-based) kept for placements (岗位实习): no courses there. */
  practical?: readonly number[];
  /** Credits (and hours) every student already carries per semester (0-based): the college's public courses. */
  publicCredits?: readonly number[];
  publicHours?: readonly number[];
  /** Wall-clock bound of the exact solve (both stages; default 10): a safety net for a slow machine. */
  timeLimitSeconds?: number;
  /**
   * Branch-and-bound nodes per stage (default `PLAN_NODE_LIMIT`): what normally stops a hard solve, the same on
   * every machine, so one input gives one plan wherever it is planned.
   */
  nodeLimit?: number;
  /**
   * The semester (1-based) each course had in the version this one revises (issue 16): with the lightest load
   * fixed, the plan first keeps as many of these courses where they were (a revision should not reshuffle a
   * timetable teachers and students already know), and only then pulls foundations early. Exact solve only.
   */
  keep?: ReadonlyMap<string, number>;
}

/**
 * Nodes per stage of the exact solve unless told otherwise. A course system's plan is usually proved at the root
 * node; a hard one (90 courses, cap at the bound) takes 7–14 ms a node on two busy cores, so this stops it after
 * 3–6 s, well inside the time limit, with the best plan found and its gap.
 */
export const PLAN_NODE_LIMIT = 400;

export type BindingConstraint =
  | { kind: 'credit-cap'; semesters: number[]; limit: number; posts?: string[] }
  | { kind: 'hour-cap'; semesters: number[]; limit: number; posts?: string[] }
  | { kind: 'prerequisite-chain'; chain: string[] };

export interface SemesterPlan {
  /** One list per semester (practical ones empty), each course exactly once. */
  semesters: string[][];
  /** Credits (hours) of the group's courses offered in each semester, all post tracks together. */
  credits: number[];
  hours: number[];
  /** Credits (hours) of the most loaded student in each semester, public courses included: what the cap bounds. */
  load: number[];
  loadHours: number[];
  method: 'mip' | 'heuristic';
  solver: string | null;
  status: MipStatus | 'heuristic';
  /** HiGHS's relative optimality gap (0 = proven optimal); null for the heuristic. */
  gap: number | null;
  /** The heaviest student load of any semester (what the plan minimises) and its lower bound: the heaviest
   * track's credits over the teaching semesters. */
  busiest: number;
  average: number;
  binding: BindingConstraint[];
}

const RANK = { platform: 1, module: 0.5, elective: 0 } as const;

/** Per-semester (teaching index) sums the planner keeps: shared courses and each post track's own. */
interface Loads {
  shared: number[];
  tracks: Map<string, number[]>;
}

/**
 * Places every course in one semester: prerequisites strictly earlier, none in practical semesters, and in every
 * semester each student's load — public + platform + electives + the module courses of their own post — at most
 * `maxCredits` (and `maxHours`); the module tracks of different posts share semesters. The heaviest student load
 * as light as possible, foundations early. Solved exactly as an integer programme when a solver is given (HiGHS),
 * otherwise — or when the solver finds nothing in time — by list scheduling. Impossible inputs are refused up
 * front with the constraint that breaks.
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
  const room = roomOf(options, teaching);
  checkFeasible(courses, options, teaching, room);

  const m = teaching.length;
  const { depth, height } = chainLengths(courses);
  const window = (id: string): [number, number] => [(depth.get(id) ?? 1) - 1, m - (height.get(id) ?? 1)];
  let placed: Map<string, number> | null = null;
  let status: SemesterPlan['status'] = 'heuristic';
  let gap: number | null = null;
  if (solver && courses.length > 0) {
    let start: Map<string, number> | null = null;
    try {
      start = scheduleGreedily(courses, options, room, m, window);
    } catch {
      // No list schedule: HiGHS starts from nothing (and may still find a plan, or prove there is none).
    }
    const result = solveExactly(courses, options, room, m, window, solver, start);
    if (result.status === 'infeasible') {
      throw new DomainError(
        'VALIDATION_FAILED',
        `no semester plan keeps every student within the credit cap ${maxCredits}${options.maxHours ? ` and the hour cap ${options.maxHours}` : ''} with the prerequisites in ${m} teaching semesters (proved by ${solver.name})`,
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
  placed ??= scheduleGreedily(courses, options, room, m, window);

  const lists: string[][] = Array.from({ length: semesters }, () => []);
  const credits = Array.from({ length: semesters }, () => 0);
  const hours = Array.from({ length: semesters }, () => 0);
  for (const course of courses) {
    const semester = teaching[placed.get(course.id)!]!;
    lists[semester - 1]!.push(course.id);
    credits[semester - 1]! += course.credits;
    hours[semester - 1]! += course.hours;
  }
  const creditLoads = loadsOf(courses, placed, m, 'credits');
  const hourLoads = loadsOf(courses, placed, m, 'hours');
  const load = Array.from({ length: semesters }, (_, i) => options.publicCredits?.[i] ?? 0);
  const loadHours = Array.from({ length: semesters }, (_, i) => options.publicHours?.[i] ?? 0);
  teaching.forEach((semester, s) => {
    load[semester - 1]! += heaviest(creditLoads, s);
    loadHours[semester - 1]! += heaviest(hourLoads, s);
  });
  const binding: BindingConstraint[] = [];
  const reached = (
    loads: Loads,
    fixed: readonly number[] | undefined,
    limit: number,
    kind: 'credit-cap' | 'hour-cap',
  ) => {
    const full = teaching.filter((semester, s) => {
      const value = (fixed?.[semester - 1] ?? 0) + heaviest(loads, s);
      return value >= limit - 1e-9 && value > 0;
    });
    if (full.length === 0) return;
    const posts = [...loads.tracks]
      .filter(([, values]) =>
        teaching.some(
          (semester, s) =>
            (fixed?.[semester - 1] ?? 0) + loads.shared[s]! + values[s]! >= limit - 1e-9 && values[s]! > 0,
        ),
      )
      .map(([track]) => track);
    binding.push(posts.length > 0 ? { kind, semesters: full, limit, posts } : { kind, semesters: full, limit });
  };
  reached(creditLoads, options.publicCredits, maxCredits, 'credit-cap');
  if (options.maxHours !== undefined) reached(hourLoads, options.publicHours, options.maxHours, 'hour-cap');
  const chain = courses.length > 0 ? longestChain(courses) : [];
  if (chain.length === m && m > 1) binding.push({ kind: 'prerequisite-chain', chain });
  const publicTeaching = teaching.reduce((sum, semester) => sum + (options.publicCredits?.[semester - 1] ?? 0), 0);
  return {
    semesters: lists,
    credits: credits.map(round2),
    hours,
    load: load.map(round2),
    loadHours: loadHours.map(round2),
    method,
    solver: method === 'mip' ? (solver?.name ?? null) : null,
    status,
    gap,
    busiest: round2(Math.max(0, ...load)),
    average: round2(m > 0 ? (publicTeaching + heaviestTrackTotal(courses)) / m : 0),
    binding,
  };
}

/** Per teaching semester, the credits (and hours) left to the group's courses once the public courses are in. */
function roomOf(options: SemesterOptions, teaching: readonly number[]): { credits: number[]; hours: number[] } {
  return {
    credits: teaching.map((semester) => options.maxCredits - (options.publicCredits?.[semester - 1] ?? 0)),
    hours: teaching.map((semester) =>
      options.maxHours === undefined ? Infinity : options.maxHours - (options.publicHours?.[semester - 1] ?? 0),
    ),
  };
}

function trackTotals(courses: readonly SemesterCourse[], value: 'credits' | 'hours'): Map<string | null, number> {
  const shared = courses.filter((course) => trackOf(course) === null).reduce((sum, c) => sum + c[value], 0);
  const totals = new Map<string | null, number>([[null, shared]]);
  for (const course of courses) {
    const track = trackOf(course);
    if (track !== null) totals.set(track, (totals.get(track) ?? shared) + course[value]);
  }
  return totals;
}

function heaviestTrackTotal(courses: readonly SemesterCourse[]): number {
  return Math.max(0, ...trackTotals(courses, 'credits').values());
}

function checkFeasible(
  courses: readonly SemesterCourse[],
  options: SemesterOptions,
  teaching: number[],
  room: { credits: number[]; hours: number[] },
): void {
  const { maxCredits, maxHours } = options;
  for (let semester = 1; semester <= options.semesters; semester += 1) {
    const fixed = options.publicCredits?.[semester - 1] ?? 0;
    if (fixed > maxCredits + 1e-9) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `the public courses of semester ${semester} take ${round2(fixed)} credits, more than the cap of ${maxCredits} per student`,
        { field: 'maxCredits', semester },
      );
    }
    const fixedHours = options.publicHours?.[semester - 1] ?? 0;
    if (maxHours !== undefined && fixedHours > maxHours) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `the public courses of semester ${semester} take ${fixedHours} hours, more than the cap of ${maxHours} per student`,
        { field: 'maxHours', semester },
      );
    }
  }
  if (courses.length === 0) return;
  if (teaching.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'every semester is practical: there is no semester to teach in', {
      field: 'practical',
      reason: 'no-teaching-semester',
    });
  }
  const widest = Math.max(...room.credits);
  const widestHours = Math.max(...room.hours);
  const besidePublic = widest < maxCredits - 1e-9 ? ` (${round2(widest)} left beside the public courses)` : '';
  for (const course of courses) {
    if (course.credits > widest + 1e-9) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `course ${course.id} has ${course.credits} credits, more than the cap of ${maxCredits} per semester${besidePublic}`,
        {
          field: 'maxCredits',
          course: course.id,
          reason: 'course-over-credit-cap',
          credits: course.credits,
          cap: maxCredits,
        },
      );
    }
    if (maxHours !== undefined && course.hours > widestHours) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `course ${course.id} has ${course.hours} hours, more than the cap of ${maxHours} per semester`,
        {
          field: 'maxHours',
          course: course.id,
          reason: 'course-over-hour-cap',
          hours: course.hours,
          cap: maxHours,
        },
      );
    }
  }
  const available = room.credits.reduce((sum, value) => sum + value, 0);
  const availableHours = room.hours.reduce((sum, value) => sum + value, 0);
  const whose = (track: string | null, amount: string) =>
    track === null ? `${amount} do not fit` : `for a student of post ${track}, ${amount} do not fit`;
  const fixed = teaching.reduce((sum, semester) => sum + (options.publicCredits?.[semester - 1] ?? 0), 0);
  for (const [track, total] of trackTotals(courses, 'credits')) {
    if (total > available + 1e-9) {
      const amount = `${round2(total)} credits${fixed > 0 ? ` beside ${round2(fixed)} of public courses` : ''}`;
      throw new DomainError(
        'VALIDATION_FAILED',
        `${whose(track, amount)} in ${teaching.length} teaching semesters of at most ${maxCredits} credits (${Math.ceil((total + fixed) / maxCredits - 1e-9)} semesters needed)`,
        {
          field: 'maxCredits',
          ...(track === null ? {} : { post: track }),
          reason: 'credits-do-not-fit',
          credits: round2(total + fixed),
          semesters: teaching.length,
          cap: maxCredits,
          needed: Math.ceil((total + fixed) / maxCredits - 1e-9),
        },
      );
    }
  }
  if (maxHours !== undefined) {
    for (const [track, total] of trackTotals(courses, 'hours')) {
      if (total > availableHours) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `${whose(track, `${total} hours`)} in ${teaching.length} teaching semesters of at most ${maxHours} hours`,
          {
            field: 'maxHours',
            ...(track === null ? {} : { post: track }),
            reason: 'hours-do-not-fit',
            hours: total,
            semesters: teaching.length,
            cap: maxHours,
          },
        );
      }
    }
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
  room: { credits: number[]; hours: number[] },
  m: number,
  window: (id: string) => [number, number],
  solver: MipSolver,
  start: Map<string, number> | null,
): { status: MipStatus; placed: Map<string, number> | null; gap: number | null } {
  const limit = options.timeLimitSeconds ?? 10;
  const stage = (maxLoad: number | null, from: Map<string, number> | null) =>
    solveStage(courses, options, room, m, window, solver, {
      maxLoad,
      timeLimitSeconds: limit / 2,
      nodeLimit: options.nodeLimit ?? PLAN_NODE_LIMIT,
      start: from,
    });
  // Lexicographic: first the lightest heaviest student (starting from the list schedule, when it found one), then
  // — with that load fixed, starting from the first stage's plan — foundations earliest.
  const first = stage(null, start);
  if (!first.placed || first.load === null) return first;
  const second = stage(first.load, first.placed);
  if (!second.placed) return first;
  return { status: first.status === 'optimal' ? second.status : first.status, placed: second.placed, gap: first.gap };
}

/**
 * One integer programme: x[c][s] = 1 when course c is in teaching semester s (only inside its chain window);
 * each course once; per semester and per post track, public + shared (platform, electives) + that post's module
 * credits ≤ the load variable L (in half credits, integer; L ≤ the cap), and the same sums in hours ≤ the hour
 * cap — one row per track, so parallel tracks never add up; prerequisites in the disaggregated form
 * Σ_{t≤s} x[b][t] ≤ Σ_{t<s} x[a][t], whose relaxation is tight. Stage 1 minimises L; stage 2 fixes it and
 * minimises Σ rank(c) · s · x[c][s]. Credits enter the model as whole half-credits (学分 come in halves); any
 * other value is rounded there, and the result is rechecked exactly.
 */
function solveStage(
  courses: readonly SemesterCourse[],
  options: SemesterOptions,
  room: { credits: number[]; hours: number[] },
  m: number,
  window: (id: string) => [number, number],
  solver: MipSolver,
  stage: { maxLoad: number | null; timeLimitSeconds: number; nodeLimit: number; start: Map<string, number> | null },
): { status: MipStatus; placed: Map<string, number> | null; gap: number | null; load: number | null } {
  const builder = new MipBuilder();
  const capHalves = Math.floor(options.maxCredits * 2 + 1e-9);
  // Valid lower bound on L: the heaviest track (public courses of the teaching semesters included) spread evenly,
  // rounded up to the half credit — given up front, so a start already at the bound is proven optimal at once.
  const fixedHalves = room.credits.reduce((sum, value) => sum + (options.maxCredits - value) * 2, 0);
  const halvesTotal = Math.max(
    0,
    ...trackTotals(
      courses.map((course) => ({ ...course, credits: Math.round(course.credits * 2) })),
      'credits',
    ).values(),
  );
  const bound = Math.min(capHalves, Math.ceil((fixedHalves + halvesTotal) / m - 1e-9));
  const load =
    stage.maxLoad === null
      ? builder.integer(bound, capHalves, 1)
      : builder.integer(0, Math.round(stage.maxLoad * 2), 0);
  const variables = new Map<string, Map<number, number>>();
  // Stage 2 keeps the previous semesters first: a move costs more than every early-placement term together.
  const practical = new Set(options.practical ?? []);
  const teaching = Array.from({ length: options.semesters }, (_, i) => i + 1).filter((s) => !practical.has(s));
  const movePenalty = courses.length * m + 1;
  for (const course of courses) {
    const [from, to] = window(course.id);
    const columns = new Map<number, number>();
    const rank = stage.maxLoad === null ? 0 : RANK[course.kind ?? 'elective'];
    const kept = stage.maxLoad === null ? undefined : options.keep?.get(course.id);
    const moved = (s: number) => (kept !== undefined && teaching[s] !== kept ? movePenalty : 0);
    for (let s = from; s <= to; s += 1) columns.set(s, builder.binary(rank * s + moved(s)));
    variables.set(course.id, columns);
    builder.row(
      [...columns.values()].map((column) => [column, 1] as const),
      1,
      1,
    );
  }
  const tracks = tracksOf(courses);
  const sharedColumns: { credit: number; hour: number | null }[] = [];
  for (let s = 0; s < m; s += 1) {
    const fixedHalves = (options.maxCredits - room.credits[s]!) * 2;
    const sharedCredits: [number, number][] = [];
    const sharedHours: [number, number][] = [];
    const own = new Map<string, { credits: [number, number][]; hours: [number, number][] }>(
      tracks.map((track) => [track, { credits: [], hours: [] }]),
    );
    for (const course of courses) {
      const column = variables.get(course.id)!.get(s);
      if (column === undefined) continue;
      const track = trackOf(course);
      const target = track === null ? { credits: sharedCredits, hours: sharedHours } : own.get(track)!;
      target.credits.push([column, Math.round(course.credits * 2)]);
      target.hours.push([column, course.hours]);
    }
    // What every student takes in this semester, as one continuous column per measure (so the track rows stay
    // short); the bare shared row stands for the tracks with no module course that could fall here.
    const sharedCredit = builder.continuous(0, Infinity);
    builder.row([...sharedCredits, [sharedCredit, -1]], 0, 0);
    const sharedHour = options.maxHours === undefined ? null : builder.continuous(0, Infinity);
    if (sharedHour !== null) builder.row([...sharedHours, [sharedHour, -1]], 0, 0);
    sharedColumns.push({ credit: sharedCredit, hour: sharedHour });
    const rows: { credits: [number, number][]; hours: [number, number][] }[] = [{ credits: [], hours: [] }];
    for (const entry of own.values()) if (entry.credits.length > 0) rows.push(entry);
    for (const row of rows) {
      builder.row([...row.credits, [sharedCredit, 1], [load, -1]], -Infinity, -fixedHalves);
      if (sharedHour !== null) builder.row([...row.hours, [sharedHour, 1]], -Infinity, room.hours[s]!);
    }
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
  /** The column values of a known placement, or undefined when it lies outside this model. */
  function startingPoint(size: number, placement: Map<string, number>): number[] | undefined {
    const values = Array.from({ length: size }, () => 0);
    for (const course of courses) {
      const column = variables.get(course.id)!.get(placement.get(course.id) ?? -1);
      if (column === undefined) return undefined;
      values[column] = 1;
    }
    const halves = loadsOf(
      courses.map((course) => ({ ...course, credits: Math.round(course.credits * 2) })),
      placement,
      m,
      'credits',
    );
    const hours = loadsOf(courses, placement, m, 'hours');
    let most = 0;
    for (let s = 0; s < m; s += 1) {
      values[sharedColumns[s]!.credit] = halves.shared[s]!;
      const hour = sharedColumns[s]!.hour;
      if (hour !== null) values[hour] = hours.shared[s]!;
      most = Math.max(most, (options.maxCredits - room.credits[s]!) * 2 + heaviest(halves, s));
    }
    const upper = builder.columns[load]!.upper;
    if (most > upper + 1e-9) return undefined;
    values[load] = stage.maxLoad === null ? Math.ceil(most - 1e-9) : upper;
    return values;
  }
  const start = stage.start ? startingPoint(builder.columns.length, stage.start) : undefined;
  const solution = solver.solve(builder.model(), {
    timeLimitSeconds: stage.timeLimitSeconds,
    nodeLimit: stage.nodeLimit,
    start,
  });
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
  if (!valid(courses, room, placed, m)) return { status: 'no-solution', placed: null, gap: null, load: null };
  const halves = Math.round(solution.values[load] ?? capHalves);
  return { status: solution.status, placed, gap: solution.gap, load: halves / 2 };
}

/**
 * List scheduling, prerequisites first: each course goes to a semester of its window where every student it
 * reaches still has room (a shared course: the most loaded track; a module course: its own post's track) — the
 * earliest one under a target load, for the lowest target that works; else the least loaded such semester
 * (balance), else the earliest, else the latest; the first strategy that places everything wins. A fallback, not an optimiser: its failure is reported as such.
 */
function scheduleGreedily(
  courses: readonly SemesterCourse[],
  options: SemesterOptions,
  room: { credits: number[]; hours: number[] },
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
  const tracks = tracksOf(courses);
  // First-fit under a target load, from the lower bound (the heaviest track spread evenly) up to the cap: the
  // lowest target that places everything gives an even plan; then the plain strategies.
  const fixedTotal = room.credits.reduce((sum, value) => sum + (options.maxCredits - value), 0);
  const lowest = Math.ceil(((fixedTotal + heaviestTrackTotal(courses)) / m) * 2 - 1e-9) / 2;
  const targets: number[] = [];
  for (let target = lowest; target < options.maxCredits - 1e-9; target += 0.5) targets.push(target);
  let stuck: SemesterCourse | undefined;
  for (const strategy of [...targets, 'balance', 'earliest', 'latest'] as const) {
    const empty = (): Loads => ({
      shared: Array.from({ length: m }, () => 0),
      tracks: new Map(tracks.map((track) => [track, Array.from({ length: m }, () => 0)])),
    });
    const credits = empty();
    const hours = empty();
    const placed = new Map<string, number>();
    let failed = false;
    for (const course of order) {
      const after = Math.max(-1, ...course.prerequisites.map((p) => placed.get(p) ?? -1)) + 1;
      const [, last] = window(course.id);
      const track = trackOf(course);
      // What the students this course reaches already carry in semester s.
      const carried = (loads: Loads, s: number) =>
        loads.shared[s]! + (track === null ? heaviestOwn(loads, s) : loads.tracks.get(track)![s]!);
      const fixed = (s: number) => options.maxCredits - room.credits[s]!;
      const fits = (s: number) =>
        carried(credits, s) + course.credits <= room.credits[s]! + 1e-9 &&
        carried(hours, s) + course.hours <= room.hours[s]! &&
        (typeof strategy !== 'number' || carried(credits, s) + fixed(s) + course.credits <= strategy + 1e-9);
      const candidates: number[] = [];
      for (let s = after; s <= last; s += 1) if (fits(s)) candidates.push(s);
      const choice =
        strategy === 'balance'
          ? candidates.reduce<number | undefined>(
              (best, s) =>
                best === undefined || carried(credits, s) + fixed(s) < carried(credits, best) + fixed(best) ? s : best,
              undefined,
            )
          : strategy === 'earliest' || typeof strategy === 'number'
            ? candidates[0]
            : candidates[candidates.length - 1];
      if (choice === undefined) {
        if (typeof strategy !== 'number') stuck ??= course;
        failed = true;
        break;
      }
      placed.set(course.id, choice);
      for (const [loads, value] of [
        [credits, course.credits],
        [hours, course.hours],
      ] as const) {
        if (track === null) loads.shared[choice]! += value;
        else loads.tracks.get(track)![choice]! += value;
      }
    }
    if (!failed && valid(courses, room, placed, m)) return placed;
  }
  throw new DomainError(
    'VALIDATION_FAILED',
    `the list-scheduling heuristic finds no semester with room for course ${stuck?.id ?? '?'} after its prerequisites under the cap of ${options.maxCredits} credits per student; raise the cap, add a semester, or let HiGHS solve it`,
    { field: 'maxCredits', course: stuck?.id, reason: 'plan-infeasible', cap: options.maxCredits, semesters: m },
  );
}

function heaviestOwn(loads: Loads, s: number): number {
  let most = 0;
  for (const values of loads.tracks.values()) most = Math.max(most, values[s]!);
  return most;
}

function heaviest(loads: Loads, s: number): number {
  return loads.shared[s]! + heaviestOwn(loads, s);
}

/** Shared and per-track sums of a placement, per teaching semester. */
function loadsOf(
  courses: readonly SemesterCourse[],
  placed: ReadonlyMap<string, number>,
  m: number,
  value: 'credits' | 'hours',
): Loads {
  const loads: Loads = {
    shared: Array.from({ length: m }, () => 0),
    tracks: new Map(tracksOf(courses).map((track) => [track, Array.from({ length: m }, () => 0)])),
  };
  for (const course of courses) {
    const s = placed.get(course.id);
    if (s === undefined) continue;
    const track = trackOf(course);
    if (track === null) loads.shared[s]! += course[value];
    else loads.tracks.get(track)![s]! += course[value];
  }
  return loads;
}

function valid(
  courses: readonly SemesterCourse[],
  room: { credits: number[]; hours: number[] },
  placed: Map<string, number>,
  m: number,
): boolean {
  for (const course of courses) {
    const s = placed.get(course.id);
    if (s === undefined || s < 0 || s >= m) return false;
    for (const before of course.prerequisites) if ((placed.get(before) ?? Infinity) >= s) return false;
  }
  const credits = loadsOf(courses, placed, m, 'credits');
  const hours = loadsOf(courses, placed, m, 'hours');
  for (let s = 0; s < m; s += 1) {
    if (heaviest(credits, s) > room.credits[s]! + 1e-9) return false;
    if (heaviest(hours, s) > room.hours[s]!) return false;
  }
  return true;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
