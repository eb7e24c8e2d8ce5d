import type { Course } from './course-system.js';

/**
 * What makes a course the same course across re-plans and re-builds of its course system: its kind, elective kind
 * and post, and what it is — its library code, or (synthesised) the competencies it teaches. Not its id or
 * semester, which a plan may change. Teachers' names for courses are kept under this key.
 */
export function courseIdentity(
  course: Pick<Course, 'kind' | 'electiveKind' | 'post' | 'libraryCode' | 'competencies'>,
): string {
  const content = course.libraryCode
    ? `library:${course.libraryCode}`
    : `teaches:${[...course.competencies].sort().join(',')}`;
  return `${course.kind}|${course.electiveKind ?? ''}|${course.post ?? ''}|${content}`;
}
