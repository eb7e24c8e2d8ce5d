/** The course system of one specialty group: shared platform courses, module courses per post, electives. */

export type CourseKind = 'platform' | 'module' | 'elective';
/** 专业群选修课 (needed by several posts) or 专业拓展选修课 (one post's optional competencies). */
export type ElectiveKind = 'group' | 'extension';

export interface Course {
  id: string;
  kind: CourseKind;
  /** Module and extension-elective courses: the post they serve. */
  post: string | null;
  electiveKind: ElectiveKind | null;
  titleZh: string;
  titleEn: string;
  credits: number;
  hours: number;
  /** 理论学时 and 实践学时 (their sum is `hours`); absent on course systems stored before they were kept; see `courseHours`. */
  theoryHours?: number;
  practiceHours?: number;
  /** The knowledge area the course belongs to (a course library area), when known. */
  area?: string;
  /** The library course it was matched to (its code), or absent when synthesised. */
  libraryCode?: string;
  /** 1 基础, 2 核心, 3 拓展 / 综合 within its area: prerequisites only go from a lower level to a higher one. */
  level?: number;
  competencies: string[];
  prerequisites: string[];
  objectivesZh: string[];
  objectivesEn: string[];
}

export interface PostModules {
  post: string;
  courses: Course[];
  /** The post's essential competencies (weight ≥ the threshold): what platform + modules must cover. */
  essential: string[];
}

export interface CourseSystem {
  platform: Course[];
  modules: PostModules[];
  electives: Course[];
}

/** Weight at or above which a post's competency is essential (the 0.75). */
export const ESSENTIAL_WEIGHT = 0.75;

export function allCourses(system: CourseSystem): Course[] {
  return [...system.platform, ...system.modules.flatMap((entry) => entry.courses), ...system.electives];
}

/** A public course (公共基础课: 思政, 体育, 英语, …) the college declares and schedules itself. */
export interface PublicCourse {
  code: string;
  titleZh: string;
  titleEn: string;
  credits: number;
  hours: number;
  /** 理论学时 / 实践学时 when the college states them; see `courseHours` otherwise. */
  theoryHours?: number;
  practiceHours?: number;
  /** 1-based semester the college teaches it in. */
  semester: number;
}
