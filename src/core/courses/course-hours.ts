/**
 * 理论学时 / 实践学时 and 周学时 of a course in a Talent Training Plan.
 *
 * A course states its theory and practice hours when its source knows them (a curated course, a college's own
 * list). When it does not, they are derived here by one documented rule, the share of practice by kind of course
 * in 高职 plans drafted 理实一体 (theory and practice in one course):
 * - 公共基础课: a quarter practice, except courses that are practice by nature (体育, 军事技能/军训, 劳动, 实践,
 *   实训, 实习), seven eighths practice;
 * - 专业群平台课 and 专业拓展选修课: half practice;
 * - 专业核心课 (a post's module): five eighths practice (the post's work done in class);
 * - 岗位实习: all practice.
 * Practice hours are rounded to whole hours; theory is the rest, so theory + practice = hours always.
 *
 * 周学时 (hours a week) assumes 16 teaching weeks in a semester (a 20-week semester less entry, revision and
 * examination weeks), rounded to a whole hour, at least 1 for a course with any hours.
 */

export type PlanCourseKind = 'public' | 'platform' | 'module' | 'elective' | 'internship';

/** Teaching weeks in a semester used for 周学时. */
export const TEACHING_WEEKS_PER_SEMESTER = 16;

/** Share of practice hours when a course does not state its own. */
export const PRACTICE_SHARE: Readonly<Record<PlanCourseKind, number>> = {
  public: 0.25,
  platform: 0.5,
  module: 0.625,
  elective: 0.5,
  internship: 1,
};

/** Public courses whose hours are practice by nature. */
const PRACTICAL_PUBLIC = /体育|军事技能|军训|劳动|实践|实训|实习/u;
const PRACTICAL_PUBLIC_SHARE = 0.875;

export interface CourseHoursInput {
  kind: PlanCourseKind;
  titleZh: string;
  hours: number;
  theoryHours?: number | undefined;
  practiceHours?: number | undefined;
}

/**
 * Theory and practice hours of a course: its own when it states both and they add up to its hours (one stated
 * alone is completed from the hours), otherwise derived by the rule above.
 */
export function courseHours(course: CourseHoursInput): { theoryHours: number; practiceHours: number } {
  const hours = Math.max(0, course.hours);
  const { theoryHours: theory, practiceHours: practice } = course;
  const valid = (value: number | undefined): value is number =>
    value !== undefined && Number.isFinite(value) && value >= 0 && value <= hours;
  if (valid(theory) && valid(practice) && theory + practice === hours)
    return { theoryHours: theory, practiceHours: practice };
  if (valid(practice) && theory === undefined) return { theoryHours: hours - practice, practiceHours: practice };
  if (valid(theory) && practice === undefined) return { theoryHours: theory, practiceHours: hours - theory };
  const share =
    course.kind === 'public' && PRACTICAL_PUBLIC.test(course.titleZh)
      ? PRACTICAL_PUBLIC_SHARE
      : PRACTICE_SHARE[course.kind];
  const practiceHours = Math.round(hours * share);
  return { theoryHours: hours - practiceHours, practiceHours };
}

/** 周学时 of a course taught over one semester of `weeks` teaching weeks. */
export function weeklyHours(hours: number, weeks = TEACHING_WEEKS_PER_SEMESTER): number {
  if (hours <= 0) return 0;
  return Math.max(1, Math.round(hours / weeks));
}
