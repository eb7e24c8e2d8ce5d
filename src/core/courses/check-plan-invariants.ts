import { ESSENTIAL_WEIGHT, allCourses, type CourseSystem } from './course-system.js';
import { findCycle } from './prerequisite-graph.js';
import { studentLoads } from './student-load.js';
import type { CoursePost } from './synthesize-course-system.js';

/**
 * What every plan must satisfy, as readable violations (empty when all hold): each post's essential
 * competencies covered by the platform plus its own modules; prerequisites known and acyclic, each in an
 * earlier semester; in no semester a student over the credit cap — a student of a post carries the public courses
 * (`publicCredits`, per semester), the platform courses, the electives offered and their own post's modules, the
 * module tracks of other posts running in parallel; every course in exactly one semester.
 */
export function checkPlanInvariants(
  posts: readonly CoursePost[],
  system: CourseSystem,
  semesters: readonly (readonly string[])[],
  maxCredits: number,
  publicCredits: readonly number[] = [],
): string[] {
  const violations: string[] = [];
  const courses = allCourses(system);
  const byId = new Map(courses.map((course) => [course.id, course]));
  if (byId.size !== courses.length) violations.push('course ids are not unique');
  const platform = new Set(system.platform.flatMap((course) => course.competencies));
  for (const post of posts) {
    const modules = system.modules.find((entry) => entry.post === post.id);
    const covered = new Set([...platform, ...(modules?.courses.flatMap((course) => course.competencies) ?? [])]);
    for (const { id, weight } of post.competencies) {
      if (weight >= ESSENTIAL_WEIGHT && !covered.has(id))
        violations.push(`post ${post.id}: essential ${id} is not covered`);
    }
  }
  const cycle = findCycle(courses);
  if (cycle) violations.push(`prerequisite cycle ${cycle.join(' → ')}`);
  const semesterOf = new Map<string, number>();
  semesters.forEach((ids, index) => {
    for (const id of ids) {
      if (semesterOf.has(id)) violations.push(`course ${id} is in more than one semester`);
      semesterOf.set(id, index);
      if (!byId.has(id)) violations.push(`semester ${index + 1} lists unknown course ${id}`);
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
      violations.push(`semester ${index + 1}: a student carries ${load.credits} credits > ${maxCredits}`);
    for (const [post, credits] of over)
      violations.push(`semester ${index + 1}: a student of post ${post} carries ${credits} credits > ${maxCredits}`);
  });
  for (const course of courses) {
    const at = semesterOf.get(course.id);
    if (at === undefined) {
      violations.push(`course ${course.id} is in no semester`);
      continue;
    }
    for (const before of course.prerequisites) {
      if (!byId.has(before)) violations.push(`course ${course.id} requires unknown ${before}`);
      else if ((semesterOf.get(before) ?? Infinity) >= at)
        violations.push(`course ${course.id} is not after ${before}`);
    }
  }
  return violations;
}
