import type { TFunction } from 'i18next';
import type { CourseSystemDetail } from '../../api/contracts.js';
import { pickName } from '../../i18n/pick-name.js';
import { competencyLabels, coursesOf, courseTitle } from './components/course-helpers.js';

/**
 * The plan's broken constraints in the UI language, posts, competencies and courses by their names (a course the
 * system does not have can only be named by its code).
 */
export function describeViolations(t: TFunction, system: CourseSystemDetail, language: string): string[] {
  const courses = new Map(coursesOf(system).map((course) => [course.id, course]));
  const posts = new Map(system.posts.map((post) => [post.id, pickName(post.titleZh, post.titleEn, language)]));
  const competency = competencyLabels(system, language);
  const course = (id: string) => {
    const found = courses.get(id);
    return found ? courseTitle(found, language) : id;
  };
  return system.violationDetails.map(({ code, params }) => {
    const named: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params)) {
      if (Array.isArray(value)) named[key] = value.map(course).join(' → ');
      else if (typeof value === 'number') named[key] = value;
      else if (key === 'post') named[key] = posts.get(value) ?? value;
      else if (key === 'competency') named[key] = competency(value);
      else if (key === 'course' || key === 'prerequisite') named[key] = course(value);
      else named[key] = value;
    }
    // Unknown courses are named by their code: the system has no title for them.
    if (code === 'unknown-course-in-semester') named.course = String(params.course);
    if (code === 'unknown-prerequisite') named.prerequisite = String(params.prerequisite);
    return t(`courses.detail.violation.${code}`, named);
  });
}
