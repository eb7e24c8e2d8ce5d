import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from '../../solvers/highs-solver.js';
import { isDomainError } from '../errors/domain-error.js';
import { checkPlanInvariants } from './check-plan-invariants.js';
import type { Course, CourseSystem } from './course-system.js';
import { generatedGroupCourses, type GeneratedCourse } from './generate-course-group.js';
import type { MipSolver } from './mip-solver.js';
import { planSemesters, type SemesterPlan } from './plan-semesters.js';

let highs: MipSolver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

/** The generated courses as a course system, so the plan's own invariant check can run on them. */
function systemOf(courses: readonly GeneratedCourse[]): { system: CourseSystem; posts: string[] } {
  const full = (course: GeneratedCourse): Course => ({
    ...course,
    prerequisites: [...course.prerequisites],
    electiveKind: course.kind === 'elective' ? 'group' : null,
    titleZh: course.id,
    titleEn: course.id,
    competencies: [course.id],
    objectivesZh: [],
    objectivesEn: [],
  });
  const posts = [...new Set(courses.flatMap((course) => (course.post ? [course.post] : [])))];
  return {
    posts,
    system: {
      platform: courses.filter((course) => course.kind === 'platform').map(full),
      modules: posts.map((post) => ({
        post,
        courses: courses.filter((course) => course.kind === 'module' && course.post === post).map(full),
        essential: [],
      })),
      electives: courses.filter((course) => course.kind === 'elective').map(full),
    },
  };
}

/**
 * The contract checked from scratch (not through the planner's code): every course exactly once, prerequisites in
 * an earlier semester, and per semester and per post: public + platform + electives + that post's modules ≤ cap.
 */
function contractViolations(
  courses: readonly GeneratedCourse[],
  plan: SemesterPlan,
  cap: number,
  publicCredits: readonly number[] = [],
): string[] {
  const out: string[] = [];
  const semesterOf = new Map<string, number>();
  plan.semesters.forEach((ids, index) =>
    ids.forEach((id) => {
      if (semesterOf.has(id)) out.push(`${id} twice`);
      semesterOf.set(id, index);
    }),
  );
  for (const course of courses) {
    const at = semesterOf.get(course.id);
    if (at === undefined) out.push(`${course.id} missing`);
    for (const before of course.prerequisites)
      if (!((semesterOf.get(before) ?? Infinity) < (at ?? -1))) out.push(`${course.id} not after ${before}`);
  }
  const posts = [
    ...new Set(courses.flatMap((course) => (course.post && course.kind === 'module' ? [course.post] : []))),
  ];
  plan.semesters.forEach((ids, index) => {
    const inSemester = courses.filter((course) => ids.includes(course.id));
    const shared =
      (publicCredits[index] ?? 0) +
      inSemester.filter((course) => course.kind !== 'module').reduce((sum, course) => sum + course.credits, 0);
    for (const post of posts.length > 0 ? posts : [null]) {
      const load =
        shared +
        inSemester
          .filter((course) => course.kind === 'module' && course.post === post)
          .reduce((sum, course) => sum + course.credits, 0);
      if (load > cap + 1e-9) out.push(`semester ${index + 1}, post ${post}: ${load} > ${cap}`);
      expect(plan.load[index]).toBeGreaterThanOrEqual(load - 1e-9);
    }
  });
  return out;
}

describe('the semester cap is a student load', () => {
  it(
    'fits a generated 12-post group of 220 credits in 6 semesters at 30 credits per student',
    { timeout: 180_000 },
    () => {
      const courses = generatedGroupCourses({ posts: 12, credits: 220 });
      const total = courses.reduce((sum, course) => sum + course.credits, 0);
      expect(total).toBe(220);
      // More than 6 × 30: the group only fits because parallel module tracks do not add up.
      expect(total).toBeGreaterThan(6 * 30);
      const { system, posts } = systemOf(courses);
      expect(posts).toHaveLength(12);
      for (const solver of [highs, undefined]) {
        const plan = planSemesters(courses, { semesters: 6, maxCredits: 30, timeLimitSeconds: 20 }, solver);
        expect(plan.method).toBe(solver ? 'mip' : 'heuristic');
        expect(contractViolations(courses, plan, 30)).toEqual([]);
        expect(
          checkPlanInvariants(
            posts.map((id) => ({ id, label: id, competencies: [] })),
            system,
            plan.semesters,
            30,
          ),
        ).toEqual([]);
        expect(plan.busiest).toBeLessThanOrEqual(30);
        expect(Math.max(...plan.load)).toBe(plan.busiest);
        // Offered credits exceed the cap somewhere (several tracks at once); no student's load does.
        expect(Math.max(...plan.credits)).toBeGreaterThan(30);
      }
      // And with the last semester kept for placements (5 teaching semesters).
      const placement = planSemesters(courses, { semesters: 6, maxCredits: 30, practical: [6] }, highs);
      expect(placement.semesters[5]).toEqual([]);
      expect(contractViolations(courses, placement, 30)).toEqual([]);
    },
  );

  it('counts public courses in every student load and names the binding track', () => {
    const courses: GeneratedCourse[] = [
      { id: 'P1', credits: 4, hours: 64, prerequisites: [], kind: 'platform', post: null },
      { id: 'A1', credits: 4, hours: 64, prerequisites: ['P1'], kind: 'module', post: 'a' },
      { id: 'A2', credits: 4, hours: 64, prerequisites: [], kind: 'module', post: 'a' },
      { id: 'B1', credits: 2, hours: 32, prerequisites: [], kind: 'module', post: 'b' },
    ];
    const plan = planSemesters(courses, { semesters: 2, maxCredits: 8, publicCredits: [4, 0] }, highs);
    expect(contractViolations(courses, plan, 8, [4, 0])).toEqual([]);
    // Semester 1 has 4 public credits: P1 alone fills it; A1 and A2 share semester 2 (8 per student of a).
    expect(plan.semesters[0]).toEqual(['P1']);
    expect(plan.load).toEqual([8, 8]);
    expect(plan.credits).toEqual([4, 10]);
    expect(plan.binding).toContainEqual(expect.objectContaining({ kind: 'credit-cap', limit: 8, posts: ['a'] }));
    expect(() => planSemesters(courses, { semesters: 2, maxCredits: 8, publicCredits: [6, 0] }, highs)).toThrow(
      /for a student of post a, 12 credits beside 6 of public courses do not fit in 2 teaching semesters of at most 8 credits/,
    );
  });

  it('keeps every student within the cap over random groups, or refuses with a coded error (fast-check)', () => {
    const shape = fc.record({
      posts: fc.integer({ min: 1, max: 14 }),
      credits: fc.integer({ min: 30, max: 240 }),
      platformShare: fc.double({ min: 0.2, max: 0.6, noNaN: true }),
      electiveShare: fc.double({ min: 0, max: 0.2, noNaN: true }),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    });
    const options = fc.record({
      semesters: fc.integer({ min: 3, max: 8 }),
      maxCredits: fc.constantFrom(16, 20, 24, 30),
      practicalLast: fc.boolean(),
      publicFirst: fc.constantFrom(0, 4, 8),
    });
    fc.assert(
      fc.property(shape, options, fc.boolean(), (group, caps, exact) => {
        const courses = generatedGroupCourses(group);
        const publicCredits = [caps.publicFirst];
        let plan: SemesterPlan;
        try {
          plan = planSemesters(
            courses,
            {
              semesters: caps.semesters,
              maxCredits: caps.maxCredits,
              practical: caps.practicalLast ? [caps.semesters] : [],
              publicCredits,
              timeLimitSeconds: 5,
            },
            exact ? highs : undefined,
          );
        } catch (error) {
          expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
          return;
        }
        expect(contractViolations(courses, plan, caps.maxCredits, publicCredits)).toEqual([]);
        expect(plan.semesters.flat()).toHaveLength(courses.length);
        if (caps.practicalLast) expect(plan.semesters[caps.semesters - 1]).toEqual([]);
        expect(plan.busiest).toBeLessThanOrEqual(caps.maxCredits);
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
