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
  /** 理论学时 / 实践学时 when the course's source states them (a curated course); see `courseHours` otherwise. */
  theoryHours?: number;
  practiceHours?: number;
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
