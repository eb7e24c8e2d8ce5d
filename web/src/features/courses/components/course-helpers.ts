import type { CourseDto, CourseSystemDetail } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';

/** Every course of the system once (a course shared by several posts' modules appears once). */
export function coursesOf(system: CourseSystemDetail): CourseDto[] {
  const seen = new Map<string, CourseDto>();
  for (const course of [...system.platform, ...system.modules.flatMap((entry) => entry.courses), ...system.electives])
    if (!seen.has(course.id)) seen.set(course.id, course);
  return [...seen.values()];
}

export function courseTitle(course: Pick<CourseDto, 'titleZh' | 'titleEn'>, language: string): string {
  return pickName(course.titleZh, course.titleEn, language);
}

/** Competency id → label in the UI language. */
export function competencyLabels(system: CourseSystemDetail, language: string): (id: string) => string {
  const labels = new Map(
    system.competencies.map((competency) => [
      competency.id,
      pickName(competency.labelZh, competency.labelEn, language),
    ]),
  );
  return (id) => labels.get(id) ?? id;
}

export const KIND_COLOR: Record<string, string> = {
  platform: 'blue',
  module: 'green',
  elective: 'gold',
  public: 'default',
};
