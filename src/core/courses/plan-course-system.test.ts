import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../interchange/postings/generate-postings.js';
import { loadHighsSolver } from '../../solvers/highs-solver.js';
import { isDomainError } from '../errors/domain-error.js';
import { checkPlanInvariants } from './check-plan-invariants.js';
import { allCourses, ESSENTIAL_WEIGHT } from './course-system.js';
import type { MipSolveOptions, MipSolver } from './mip-solver.js';
import { checkChoice, planPathway } from './plan-pathway.js';
import { PLAN_NODE_LIMIT, planSemesters, type SemesterCourse } from './plan-semesters.js';
import { synthesizeCourseSystem, type CoursePost } from './synthesize-course-system.js';

let highs: MipSolver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

/** A generated group: 1–8 posts drawing 1–25 competencies each from a pool of 40, weights 0.25–1. */
const groupArbitrary = fc
  .array(
    fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 39 }).map((n) => `c${n}`),
        weight: fc.constantFrom(0.25, 0.5, 0.75, 1),
      }),
      { minLength: 1, maxLength: 25, selector: (competency) => competency.id },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((lists): CoursePost[] =>
    lists.map((competencies, index) => ({ id: `p${index}`, label: `岗位${index}`, competencies })),
  );

const capsArbitrary = fc.record({
  semesters: fc.integer({ min: 3, max: 8 }),
  maxCredits: fc.constantFrom(6, 10, 16, 30),
  practicalLast: fc.boolean(),
});

describe('course system and semester plan (property-based, fast-check)', () => {
  it('covers every essential competency of every post by the platform plus its own modules', () => {
    fc.assert(
      fc.property(groupArbitrary, (posts) => {
        const system = synthesizeCourseSystem(posts);
        const platform = new Set(system.platform.flatMap((course) => course.competencies));
        for (const post of posts) {
          const own = system.modules.find((entry) => entry.post === post.id)!;
          const covered = new Set([...platform, ...own.courses.flatMap((course) => course.competencies)]);
          for (const competency of post.competencies) {
            if (competency.weight >= ESSENTIAL_WEIGHT) expect(covered.has(competency.id)).toBe(true);
          }
        }
        // Every competency any post needs is taught somewhere, and courses stay within 4 credits.
        const taught = new Set(allCourses(system).flatMap((course) => course.competencies));
        for (const post of posts) for (const { id } of post.competencies) expect(taught.has(id)).toBe(true);
        for (const course of allCourses(system)) expect(course.credits).toBeLessThanOrEqual(4);
      }),
      { numRuns: 200 },
    );
  });

  it('plans every course in exactly one semester, after its prerequisites, within the cap — or says why not', () => {
    fc.assert(
      fc.property(groupArbitrary, capsArbitrary, fc.boolean(), (posts, caps, exact) => {
        const system = synthesizeCourseSystem(posts);
        const options = {
          semesters: caps.semesters,
          maxCredits: caps.maxCredits,
          practical: caps.practicalLast ? [caps.semesters] : [],
          timeLimitSeconds: 5,
        };
        let plan;
        try {
          plan = planSemesters(allCourses(system), options, exact ? highs : undefined);
        } catch (error) {
          // An impossible cap is refused with a coded, specific error, never a partial plan.
          expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
          return;
        }
        expect(checkPlanInvariants(posts, system, plan.semesters, caps.maxCredits)).toEqual([]);
        expect(plan.semesters).toHaveLength(caps.semesters);
        if (caps.practicalLast) expect(plan.semesters[caps.semesters - 1]).toEqual([]);
        expect(plan.busiest).toBeLessThanOrEqual(caps.maxCredits);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('HiGHS finds a plan whenever the heuristic does, never a busier one', () => {
    fc.assert(
      fc.property(groupArbitrary, capsArbitrary, (posts, caps) => {
        const courses = allCourses(synthesizeCourseSystem(posts));
        const options = { semesters: caps.semesters, maxCredits: caps.maxCredits, timeLimitSeconds: 5 };
        let heuristic;
        try {
          heuristic = planSemesters(courses, options);
        } catch {
          return;
        }
        const exact = planSemesters(courses, options, highs);
        if (exact.status === 'optimal') expect(exact.busiest).toBeLessThanOrEqual(heuristic.busiest);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('gives a pathway that covers what the student lacks, prerequisites included, no dearer than greedy', () => {
    fc.assert(
      fc.property(
        groupArbitrary,
        fc.nat(),
        fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 15 }),
        (posts, pick, known) => {
          const system = synthesizeCourseSystem(posts);
          const courses = allCourses(system);
          const post = posts[pick % posts.length]!;
          const target = system.modules.find((entry) => entry.post === post.id)!.essential;
          const have = known.map((n) => `c${n}`);
          const exact = planPathway({ courses, target, have }, highs);
          const greedy = planPathway({ courses, target, have });
          for (const pathway of [exact, greedy]) {
            expect(pathway.uncovered).toEqual([]);
            const check = checkChoice({ courses, target, have }, pathway.courses);
            expect(check.uncovered).toEqual([]);
            expect(check.missingPrerequisites).toEqual([]);
            // Listed in a valid order: a prerequisite that is taken comes first.
            const position = new Map(pathway.courses.map((id, index) => [id, index]));
            for (const id of pathway.courses) {
              for (const before of courses.find((course) => course.id === id)!.prerequisites) {
                if (position.has(before)) expect(position.get(before)!).toBeLessThan(position.get(id)!);
              }
            }
          }
          expect(exact.method).toBe(target.some((id) => !have.includes(id)) ? 'mip' : 'greedy');
          expect(exact.credits).toBeLessThanOrEqual(greedy.credits + 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('semester plan: impossible inputs name the constraint', () => {
  const course = (id: string, credits: number, prerequisites: string[] = []) => ({
    id,
    credits,
    hours: credits * 16,
    prerequisites,
  });

  it('refuses a cycle, an unknown prerequisite, an oversized course, too many credits and too long a chain', () => {
    const attempt = (courses: ReturnType<typeof course>[], semesters: number, maxCredits: number) => {
      try {
        planSemesters(courses, { semesters, maxCredits }, highs);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(attempt([course('A', 2, ['B']), course('B', 2, ['C']), course('C', 2, ['A'])], 6, 30)).toMatch(
      /cycle: (A|B|C) → .* → \1/,
    );
    expect(attempt([course('A', 2, ['Z'])], 6, 30)).toMatch(/course A requires Z, which is not in courses/);
    expect(attempt([course('A', 5)], 6, 4)).toMatch(/course A has 5 credits, more than the cap of 4/);
    expect(attempt([course('A', 4), course('B', 4), course('C', 4)], 2, 4)).toMatch(
      /12 credits do not fit in 2 teaching semesters of at most 4 credits \(3 semesters needed\)/,
    );
    expect(attempt([course('A', 1), course('B', 1, ['A']), course('C', 1, ['B'])], 2, 30)).toMatch(
      /the prerequisite chain A → B → C needs 3 semesters; there are 2/,
    );
  });

  it('keeps practical semesters free and reports the binding cap', () => {
    const plan = planSemesters(
      [course('A', 4), course('B', 4), course('C', 4, ['A'])],
      { semesters: 3, maxCredits: 8, practical: [3] },
      highs,
    );
    expect(plan.semesters[2]).toEqual([]);
    expect(plan.semesters[0]).toContain('A');
    expect(plan.semesters[1]).toContain('C');
    expect(plan.status).toBe('optimal');
    expect(plan.gap).toBe(0);
    expect(plan.binding).toContainEqual({ kind: 'prerequisite-chain', chain: ['A', 'C'] });
    expect(plan.busiest).toBe(8);
  });

  it('proves an infeasible cap with HiGHS when the quick checks pass', () => {
    // Three 3-credit courses, C after A and B, in 2 semesters: with a cap of 6, A and B share semester 1; with a
    // cap of 5 the totals (9 ≤ 10) and the chain (2) still pass the quick checks, but A and B no longer fit together.
    expect(() =>
      planSemesters(
        [course('A', 3), course('B', 3), course('C', 3, ['A', 'B'])],
        { semesters: 2, maxCredits: 6 },
        highs,
      ),
    ).not.toThrow();
    expect(() =>
      planSemesters(
        [course('A', 3), course('B', 3), course('C', 3, ['A', 'B'])],
        { semesters: 2, maxCredits: 5 },
        highs,
      ),
    ).toThrow(/no semester plan keeps every student within the credit cap 5 .*proved by HiGHS/);
  });
});

describe('semester plan: the same plan on every machine', () => {
  /** 40 courses with random credits, kinds, tracks and prerequisites, the cap half a credit above the average. */
  function hardGroup(): { courses: SemesterCourse[]; maxCredits: number } {
    const random = mulberry32(8);
    const kinds = ['platform', 'module', 'elective'] as const;
    const courses: SemesterCourse[] = Array.from({ length: 40 }, (_, index) => ({
      id: `c${index}`,
      credits: 1 + Math.floor(random() * 7) / 2,
      hours: 32,
      kind: kinds[Math.floor(random() * 3)]!,
      post: null,
      prerequisites: [],
    }));
    courses.forEach((course, index) => {
      if (course.kind === 'module') course.post = `p${Math.floor(random() * 3)}`;
      if (index > 5 && random() < 0.5) (course.prerequisites as string[]).push(`c${Math.floor(random() * index)}`);
    });
    const total = courses.reduce((sum, course) => sum + course.credits, 0);
    return { courses, maxCredits: Math.ceil(total / 6) + 0.5 };
  }

  it('hands HiGHS a node limit by default, not a time limit alone', () => {
    const seen: MipSolveOptions[] = [];
    const recording: MipSolver = {
      name: highs.name,
      solve: (model, options) => {
        seen.push(options);
        return highs.solve(model, options);
      },
    };
    const course = (id: string, prerequisites: string[] = []) => ({ id, credits: 3, hours: 48, prerequisites });
    planSemesters([course('A'), course('B'), course('C', ['A', 'B'])], { semesters: 2, maxCredits: 6 }, recording);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((options) => options.nodeLimit === PLAN_NODE_LIMIT)).toBe(true);
  });

  it('stops a search cut short by its node limit at the same plan, whatever the time limit', () => {
    // This group needs ~30 nodes in its second stage: three stop it early, on any machine at any speed.
    const { courses, maxCredits } = hardGroup();
    const plans = [600, 60].map((timeLimitSeconds) =>
      planSemesters(courses, { semesters: 6, maxCredits, timeLimitSeconds, nodeLimit: 3 }, highs),
    );
    expect(plans[0]!.status).toBe('feasible');
    expect(plans[1]).toEqual(plans[0]);
  }, 30_000);
});

describe('semester plan: a revised course system keeps the semesters it had', () => {
  const course = (id: string, credits: number, prerequisites: string[] = []): SemesterCourse => ({
    id,
    credits,
    hours: credits * 16,
    prerequisites,
    kind: 'platform',
  });

  it('keeps every course it can where the previous version had it, at the same lightest load', () => {
    // Left alone the planner pulls every platform course as early as the cap allows; told where they were, it keeps
    // them there because the load (the first goal) is the same either way.
    const courses = [course('A', 3), course('B', 3), course('C', 3), course('D', 3), course('E', 3, ['A'])];
    const options = { semesters: 4, maxCredits: 6 };
    const fresh = planSemesters(courses, options, highs);
    const keep = new Map([
      ['A', 1],
      ['B', 3],
      ['C', 4],
      ['D', 2],
      ['E', 2],
    ]);
    const kept = planSemesters(courses, { ...options, keep }, highs);
    expect(kept.busiest).toBe(fresh.busiest);
    expect(kept.semesters).toEqual([['A'], ['D', 'E'], ['B'], ['C']]);
  });

  it('moves only what a new prerequisite forces at the lightest load', () => {
    // E now needs C, which was in semester 4: C must move before E (the lightest load, two 3-credit courses in one
    // semester, lets it join A). A new course F has no previous semester and goes where the load allows.
    const courses = [course('A', 3), course('B', 3), course('C', 3), course('E', 3, ['C']), course('F', 3)];
    const keep = new Map([
      ['A', 1],
      ['B', 3],
      ['C', 4],
      ['E', 2],
    ]);
    const plan = planSemesters(courses, { semesters: 4, maxCredits: 6, keep }, highs);
    const semesterOf = (id: string) => plan.semesters.findIndex((ids) => ids.includes(id)) + 1;
    const moved = ['A', 'B', 'C', 'E'].filter((id) => semesterOf(id) !== keep.get(id));
    expect(moved).toEqual(['C']);
    expect(semesterOf('C')).toBeLessThan(semesterOf('E'));
    expect(plan.busiest).toBe(6);
  });
});
