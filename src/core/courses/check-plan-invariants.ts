import type { CourseSystem } from './course-system.js';
import { describePlanViolation, findPlanViolations } from './find-plan-violations.js';
import type { CoursePost } from './synthesize-course-system.js';

/**
 * What every plan must satisfy, as readable English violations (empty when all hold); `findPlanViolations` gives
 * the same as stable codes with their figures.
 */
export function checkPlanInvariants(
  posts: readonly CoursePost[],
  system: CourseSystem,
  semesters: readonly (readonly string[])[],
  maxCredits: number,
  publicCredits: readonly number[] = [],
): string[] {
  return findPlanViolations(posts, system, semesters, maxCredits, publicCredits).map(describePlanViolation);
}
