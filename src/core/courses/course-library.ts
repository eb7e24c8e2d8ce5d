/**
 * A curated library of courses a Chinese higher-vocational college teaches (`data/courses/course-library.json`):
 * each course names the curated competencies it teaches, its credits and its theory / practice hours. The
 * course synthesis matches these first, so a course system reads like a college's own course list.
 */

/** A knowledge area (知识领域): courses of one area share a subject; prerequisites stay inside an area. */
export interface CourseArea {
  id: string;
  titleZh: string;
  titleEn: string;
}

export interface LibraryCourse {
  /** Stable code (e.g. `ST103`), the identity of a library course. */
  code: string;
  area: string;
  /** 1 基础, 2 核心, 3 拓展 / 综合: within an area, knowledge flows from a lower level to a higher one. */
  level: number;
  titleZh: string;
  titleEn: string;
  credits: number;
  theoryHours: number;
  practiceHours: number;
  competencies: string[];
  /** Codes of library courses of the same area and a lower level this course builds on. */
  prerequisites: string[];
}

export interface CourseLibrary {
  areas: CourseArea[];
  courses: LibraryCourse[];
}

/** The area of professional-quality (职业素养) courses. */
export const PROFESSIONAL_QUALITY_AREA = 'professional-quality';

/** Teaching hours per credit a course must keep (教职成〔2019〕13号: 16–18 学时 per 学分). */
export const HOURS_PER_CREDIT = { min: 16, max: 18 } as const;

/** What the library is checked against: the competencies a framework knows, with their dimension. */
export interface KnownCompetency {
  id: string;
  dimension: string | null;
}

/**
 * Every way the library can be wrong, as readable problems (empty when it is sound): unknown areas,
 * competencies or prerequisite codes, duplicate codes or titles, hours outside 16–18 per credit, a
 * prerequisite outside the course's area or not at a lower level, a professional-quality competency in a
 * technical course or a technical one in a quality course.
 */
export function validateCourseLibrary(library: CourseLibrary, competencies: readonly KnownCompetency[]): string[] {
  const problems: string[] = [];
  const known = new Map(competencies.map((competency) => [competency.id, competency]));
  const areas = new Set(library.areas.map((area) => area.id));
  const byCode = new Map<string, LibraryCourse>();
  const titles = new Set<string>();
  for (const course of library.courses) {
    if (byCode.has(course.code)) problems.push(`${course.code}: the code is used twice`);
    byCode.set(course.code, course);
    for (const title of [`zh:${course.titleZh}`, `en:${course.titleEn}`]) {
      if (titles.has(title)) problems.push(`${course.code}: the title ${title.slice(3)} is used twice`);
      titles.add(title);
    }
  }
  for (const course of library.courses) {
    const where = course.code;
    if (!areas.has(course.area)) problems.push(`${where}: unknown area ${course.area}`);
    if (course.competencies.length === 0) problems.push(`${where}: teaches no competency`);
    if (new Set(course.competencies).size !== course.competencies.length)
      problems.push(`${where}: lists a competency twice`);
    const hours = course.theoryHours + course.practiceHours;
    if (hours < course.credits * HOURS_PER_CREDIT.min - 1e-9 || hours > course.credits * HOURS_PER_CREDIT.max + 1e-9) {
      problems.push(`${where}: ${hours} hours for ${course.credits} credits is outside 16–18 per credit`);
    }
    const quality = course.area === PROFESSIONAL_QUALITY_AREA;
    for (const id of course.competencies) {
      const competency = known.get(id);
      if (!competency) {
        problems.push(`${where}: unknown competency ${id}`);
        continue;
      }
      if ((competency.dimension === 'quality') !== quality) {
        problems.push(
          quality
            ? `${where}: a professional-quality course teaches the technical competency ${id}`
            : `${where}: a technical course teaches the professional-quality competency ${id}`,
        );
      }
    }
    for (const code of course.prerequisites) {
      const before = byCode.get(code);
      if (!before) problems.push(`${where}: unknown prerequisite ${code}`);
      else if (before.area !== course.area || before.level >= course.level)
        problems.push(`${where}: the prerequisite ${code} is not of the same area at a lower level`);
    }
  }
  return problems;
}
