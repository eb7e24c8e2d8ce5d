/** Who a roster lists: a college's students and teachers, an enterprise's engineers. */
export type RosterKind = 'student' | 'teacher' | 'engineer';

/** The canonical fields of a roster row (the file's headers are Chinese or English aliases of these). */
export type RosterField =
  | 'externalId'
  | 'name'
  | 'gender'
  | 'specialtyCode'
  | 'specialtyName'
  | 'className'
  | 'cohortYear'
  | 'durationYears'
  | 'department'
  | 'title'
  | 'doubleQualified'
  | 'phone'
  | 'email';

/** One person as the roster file says (the same shape as the `RosterRow` contract). */
export interface RosterRow {
  /** 学号 (students) or 工号 (teachers, engineers). */
  externalId: string;
  name: string;
  gender: 'male' | 'female' | null;
  specialtyCode: string | null;
  specialtyName: string | null;
  className: string | null;
  cohortYear: number | null;
  durationYears: number | null;
  department: string | null;
  title: string | null;
  doubleQualified: boolean | null;
  phone: string | null;
  email: string | null;
}

/** A row with the file line it came from (1-based, the header is line 1 in a plain file). */
export interface LinedRosterRow extends RosterRow {
  line: number;
}

/** One problem of a roster file: `FILE:LINE:FIELD: reason`. */
export interface RosterProblem {
  line: number;
  field: string;
  reason: string;
}
