import { allCourses, type Course, type CourseSystem } from './course-system.js';

export interface CourseChange {
  readonly before: Course;
  readonly after: Course;
  readonly competenciesAdded: string[];
  readonly competenciesRemoved: string[];
  readonly creditsBefore: number;
  readonly creditsAfter: number;
  readonly semesterBefore: number | null;
  readonly semesterAfter: number | null;
}

export interface CourseSystemDiff {
  readonly added: Course[];
  readonly removed: Course[];
  readonly changed: CourseChange[];
  readonly unchanged: number;
  readonly creditsBefore: number;
  readonly creditsAfter: number;
}

const slot = (course: Course) => `${course.kind}|${course.electiveKind ?? ''}|${course.post ?? ''}`;

/**
 * Which course of a new version continues which course of the previous one: courses of the same kind and post are
 * paired by library code first, then by the most competencies in common (at least half of the smaller course's).
 * Pure and deterministic.
 */
export function pairCourses(
  before: CourseSystem,
  after: CourseSystem,
): { pairs: [Course, Course][]; removed: Course[]; added: Course[] } {
  const old = allCourses(before);
  const fresh = allCourses(after);
  const unpaired = new Set(fresh);
  const pairs: [Course, Course][] = [];
  const removed: Course[] = [];
  const byCode = (course: Course) =>
    course.libraryCode
      ? fresh.find((c) => unpaired.has(c) && c.libraryCode === course.libraryCode && slot(c) === slot(course))
      : undefined;
  const remaining: Course[] = [];
  for (const course of old) {
    const match = byCode(course);
    if (match) {
      unpaired.delete(match);
      pairs.push([course, match]);
    } else remaining.push(course);
  }
  for (const course of remaining) {
    let best: Course | undefined;
    let bestShared = 0;
    for (const candidate of fresh) {
      if (!unpaired.has(candidate) || slot(candidate) !== slot(course)) continue;
      const shared = candidate.competencies.filter((id) => course.competencies.includes(id)).length;
      const enough = shared * 2 >= Math.min(candidate.competencies.length, course.competencies.length);
      if (shared > bestShared && enough) {
        best = candidate;
        bestShared = shared;
      }
    }
    if (best) {
      unpaired.delete(best);
      pairs.push([course, best]);
    } else removed.push(course);
  }
  return { pairs, removed, added: fresh.filter((course) => unpaired.has(course)) };
}

/**
 * What a new version of a course system changes against the previous one, course by course (paired by
 * `pairCourses`); a paired course is changed when its competencies, credits or semester differ; the rest are
 * added or removed. Semesters are 1-based, null when unplanned. Pure and deterministic.
 */
export function diffCourseSystems(
  before: CourseSystem,
  after: CourseSystem,
  semesters: { before?: readonly (readonly string[])[]; after?: readonly (readonly string[])[] } = {},
): CourseSystemDiff {
  const semesterOf = (plan: readonly (readonly string[])[] | undefined) =>
    new Map((plan ?? []).flatMap((ids, index) => ids.map((id) => [id, index + 1] as const)));
  const semesterBefore = semesterOf(semesters.before);
  const semesterAfter = semesterOf(semesters.after);
  const { pairs, removed, added } = pairCourses(before, after);
  const old = allCourses(before);
  const fresh = allCourses(after);
  const changed: CourseChange[] = [];
  let unchanged = 0;
  for (const [was, now] of pairs) {
    const competenciesAdded = now.competencies.filter((id) => !was.competencies.includes(id)).sort();
    const competenciesRemoved = was.competencies.filter((id) => !now.competencies.includes(id)).sort();
    const semesterWas = semesterBefore.get(was.id) ?? null;
    const semesterNow = semesterAfter.get(now.id) ?? null;
    if (
      competenciesAdded.length === 0 &&
      competenciesRemoved.length === 0 &&
      was.credits === now.credits &&
      semesterWas === semesterNow
    ) {
      unchanged += 1;
      continue;
    }
    changed.push({
      before: was,
      after: now,
      competenciesAdded,
      competenciesRemoved,
      creditsBefore: was.credits,
      creditsAfter: now.credits,
      semesterBefore: semesterWas,
      semesterAfter: semesterNow,
    });
  }
  const credits = (courses: readonly Course[]) => courses.reduce((sum, course) => sum + course.credits, 0);
  return {
    added,
    removed,
    changed,
    unchanged,
    creditsBefore: credits(old),
    creditsAfter: credits(fresh),
  };
}
