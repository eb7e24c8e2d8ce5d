import { ESSENTIAL_WEIGHT, allCourses, type CourseSystem } from './course-system.js';
import { findCycle } from './prerequisite-graph.js';
import { studentLoads } from './student-load.js';
import type { CoursePost } from './synthesize-course-system.js';

/** The stable codes of the plan invariants a plan can break. */
export const PLAN_VIOLATION_CODES = [
  'duplicate-course-ids',
  'essential-not-covered',
  'prerequisite-cycle',
  'course-in-several-semesters',
  'unknown-course-in-semester',
  'student-over-cap',
  'post-student-over-cap',
  'course-in-no-semester',
  'unknown-prerequisite',
  'prerequisite-not-before',
] as const;
export type PlanViolationCode = (typeof PLAN_VIOLATION_CODES)[number];

/**
 * One broken invariant as a stable code with its figures: ids of posts (`post`), competencies (`competency`) and
 * courses (`course`, `prerequisite`, `courses`), 1-based `semester`, `credits` and `maxCredits`. A client words it
 * in the reader's language with the names it knows for the ids.
 */
export interface PlanViolation {
  code: PlanViolationCode;
  params: Record<string, string | number | string[]>;
}

/**
 * What every plan must satisfy, as coded violations (empty when all hold): each post's essential competencies
 * covered by the platform plus its own modules; prerequisites known and acyclic, each in an earlier semester; in no
 * semester a student over the credit cap — a student of a post carries the public courses (`publicCredits`, per
 * semester), the platform courses, the electives offered and their own post's modules, the module tracks of other
 * posts running in parallel; every course in exactly one semester.
 */
export function findPlanViolations(
  posts: readonly CoursePost[],
  system: CourseSystem,
  semesters: readonly (readonly string[])[],
  maxCredits: number,
  publicCredits: readonly number[] = [],
): PlanViolation[] {
  const violations: PlanViolation[] = [];
  const courses = allCourses(system);
  const byId = new Map(courses.map((course) => [course.id, course]));
  if (byId.size !== courses.length) violations.push({ code: 'duplicate-course-ids', params: {} });
  const platform = new Set(system.platform.flatMap((course) => course.competencies));
  for (const post of posts) {
    const modules = system.modules.find((entry) => entry.post === post.id);
    const covered = new Set([...platform, ...(modules?.courses.flatMap((course) => course.competencies) ?? [])]);
    for (const { id, weight } of post.competencies) {
      if (weight >= ESSENTIAL_WEIGHT && !covered.has(id))
        violations.push({ code: 'essential-not-covered', params: { post: post.id, competency: id } });
    }
  }
  const cycle = findCycle(courses);
  if (cycle) violations.push({ code: 'prerequisite-cycle', params: { courses: cycle } });
  const semesterOf = new Map<string, number>();
  semesters.forEach((ids, index) => {
    for (const id of ids) {
      if (semesterOf.has(id)) violations.push({ code: 'course-in-several-semesters', params: { course: id } });
      semesterOf.set(id, index);
      if (!byId.has(id))
        violations.push({ code: 'unknown-course-in-semester', params: { semester: index + 1, course: id } });
    }
  });
  const loads = studentLoads(courses, semesters, {
    credits: publicCredits,
    posts: [...posts.map((post) => post.id), ...system.modules.map((entry) => entry.post)],
  });
  loads.forEach((load, index) => {
    if (load.credits <= maxCredits + 1e-9) return;
    const over = [...load.tracks].filter(([, credits]) => credits > maxCredits + 1e-9);
    if (over.length === 0)
      violations.push({
        code: 'student-over-cap',
        params: { semester: index + 1, credits: load.credits, maxCredits },
      });
    for (const [post, credits] of over)
      violations.push({ code: 'post-student-over-cap', params: { semester: index + 1, post, credits, maxCredits } });
  });
  for (const course of courses) {
    const at = semesterOf.get(course.id);
    if (at === undefined) {
      violations.push({ code: 'course-in-no-semester', params: { course: course.id } });
      continue;
    }
    for (const before of course.prerequisites) {
      if (!byId.has(before))
        violations.push({ code: 'unknown-prerequisite', params: { course: course.id, prerequisite: before } });
      else if ((semesterOf.get(before) ?? Infinity) >= at)
        violations.push({ code: 'prerequisite-not-before', params: { course: course.id, prerequisite: before } });
    }
  }
  return violations;
}

/** A violation in the plain English the CLI and older API clients read. */
export function describePlanViolation({ code, params }: PlanViolation): string {
  const text = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value.join(' → ') : String(value);
  };
  switch (code) {
    case 'duplicate-course-ids':
      return 'course ids are not unique';
    case 'essential-not-covered':
      return `post ${text('post')}: essential ${text('competency')} is not covered`;
    case 'prerequisite-cycle':
      return `prerequisite cycle ${text('courses')}`;
    case 'course-in-several-semesters':
      return `course ${text('course')} is in more than one semester`;
    case 'unknown-course-in-semester':
      return `semester ${text('semester')} lists unknown course ${text('course')}`;
    case 'student-over-cap':
      return `semester ${text('semester')}: a student carries ${text('credits')} credits > ${text('maxCredits')}`;
    case 'post-student-over-cap':
      return `semester ${text('semester')}: a student of post ${text('post')} carries ${text('credits')} credits > ${text('maxCredits')}`;
    case 'course-in-no-semester':
      return `course ${text('course')} is in no semester`;
    case 'unknown-prerequisite':
      return `course ${text('course')} requires unknown ${text('prerequisite')}`;
    case 'prerequisite-not-before':
      return `course ${text('course')} is not after ${text('prerequisite')}`;
  }
}
