/** A course of a college's existing course list (imported from its XLSX/CSV), before it is linked. */

export const COLLEGE_COURSE_TYPES = ['public', 'platform', 'core', 'elective', 'practice', 'other'] as const;
export type CollegeCourseType = (typeof COLLEGE_COURSE_TYPES)[number];

export interface CollegeCourse {
  code: string;
  nameZh: string;
  nameEn: string | null;
  credits: number;
  hours: number;
  description: string;
  type: CollegeCourseType;
  /** Where it came from: the uploaded file's name and the course's line in it. */
  sourceFile: string;
  sourceLine: number;
}
