import { columnKey, ROSTER_COLUMNS } from './roster-columns.js';
import type { LinedRosterRow, RosterField, RosterKind, RosterProblem, RosterRow } from './roster-row.js';

export interface RosterTableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface ValidatedRoster {
  /** The rows, when there is no problem (empty otherwise). */
  readonly rows: LinedRosterRow[];
  /** The fields the file has a column for: a re-import changes only these (a file without 手机 keeps the phones). */
  readonly fields: RosterField[];
  /** Every problem found, up to `maxProblems`; the file is refused as a whole when there is one. */
  readonly problems: RosterProblem[];
  /** True when more problems were found than are listed. */
  readonly truncated: boolean;
}

/** Problems listed before the reading gives up (a file with a wrong column would list every row otherwise). */
export const MAX_ROSTER_PROBLEMS = 50;

const LIMITS = {
  externalId: 40,
  name: 100,
  specialtyCode: 20,
  specialtyName: 100,
  className: 100,
  department: 100,
  title: 100,
  phone: 24,
  email: 254,
} as const;

const GENDERS: Readonly<Record<string, 'male' | 'female'>> = {
  男: 'male',
  m: 'male',
  male: 'male',
  女: 'female',
  f: 'female',
  female: 'female',
};
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×']);

const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SPECIALTY_CODE = /^[A-Za-z0-9]+$/;
const PHONE = /^\+?\d{5,20}$/;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;
/** A cell a spreadsheet would run as a formula (CSV injection): never stored, so never exported as one. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * Validates a roster file's rows (the header included, as the tabular reader gives them) for one kind. Collects every
 * problem up to `maxProblems` instead of stopping at the first, naming the line and the field: a missing column, an
 * empty 学号/工号 or name, a 学号 twice in the file, a bad gender, cohort year (1950–2200) or 学制 (1–8 years), a
 * phone or e-mail that is not one, a value too long, a cell that looks like a spreadsheet formula, a student
 * without a class, a class without a specialty, and a class whose specialty, cohort or 学制 differ between rows.
 */
export function validateRoster(
  kind: RosterKind,
  table: readonly RosterTableRow[],
  maxProblems = MAX_ROSTER_PROBLEMS,
): ValidatedRoster {
  const problems: RosterProblem[] = [];
  let truncated = false;
  const problem = (line: number, field: string, reason: string) => {
    if (problems.length < maxProblems) problems.push({ line, field, reason });
    else truncated = true;
  };
  const refused = (fields: RosterField[] = []): ValidatedRoster => ({ rows: [], fields, problems, truncated });

  const header = table.find((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!header) {
    problem(1, '(header)', 'the file is empty (expected a header row)');
    return refused();
  }
  const columns = ROSTER_COLUMNS[kind];
  const byKey = new Map<string, RosterField>();
  for (const column of columns) {
    for (const name of [column.field, column.zh, column.en, ...column.aliases])
      byKey.set(columnKey(name), column.field);
  }
  const positions = new Map<RosterField, number>();
  header.cells.forEach((name, index) => {
    const field = byKey.get(columnKey(name));
    if (field === undefined) return;
    const earlier = positions.get(field);
    if (earlier !== undefined) {
      problem(header.line, field, `the columns "${header.cells[earlier]}" and "${name}" both mean ${field}: keep one`);
    } else {
      positions.set(field, index);
    }
  });
  for (const column of columns) {
    if (column.required && !positions.has(column.field)) {
      const found = header.cells
        .map((cell) => cell.trim())
        .filter((cell) => cell !== '')
        .join(', ');
      problem(
        header.line,
        column.field,
        `missing column ${column.zh} (${column.en}; also accepted: ${column.aliases.join(', ')}); found: ${found.slice(0, 200) || '(none)'}`,
      );
    }
  }
  const fields = columns.map((column) => column.field).filter((field) => positions.has(field));
  if (problems.length > 0) return refused(fields);

  const rows: LinedRosterRow[] = [];
  const seen = new Map<string, number>();
  const classes = new Map<
    string,
    { line: number; specialtyCode: string | null; cohortYear: number | null; durationYears: number | null }
  >();
  for (const { line, cells } of table) {
    if (line <= header.line || cells.every((cell) => cell.trim() === '')) continue;
    const raw = (field: RosterField): string => {
      const position = positions.get(field);
      return position === undefined ? '' : (cells[position] ?? '').replace(/\s+/g, ' ').trim();
    };
    const text = (field: keyof typeof LIMITS, required: boolean): string | null => {
      const value = raw(field);
      if (value === '') {
        if (required) problem(line, field, `the ${field} is empty`);
        return null;
      }
      if (value.length > LIMITS[field]) {
        problem(line, field, `${value.length} characters; at most ${LIMITS[field]}`);
        return null;
      }
      if (field !== 'phone' && FORMULA.test(value)) {
        problem(line, field, `"${value.slice(0, 40)}" starts like a spreadsheet formula (= + - @): remove the sign`);
        return null;
      }
      return value;
    };
    const year = (field: 'cohortYear' | 'durationYears', min: number, max: number, suffix: RegExp) => {
      const value = raw(field).replace(suffix, '').trim();
      if (value === '') {
        if (kind === 'student') problem(line, field, `the ${field} is empty`);
        return null;
      }
      const number = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
      if (!(number >= min && number <= max)) {
        problem(line, field, `"${raw(field).slice(0, 40)}" is not a whole number from ${min} to ${max}`);
        return null;
      }
      return number;
    };

    const externalId = text('externalId', true);
    if (externalId !== null) {
      if (!EXTERNAL_ID.test(externalId)) {
        problem(line, 'externalId', `"${externalId}" is not a 学号/工号 (letters, digits, . _ - only)`);
      } else {
        const earlier = seen.get(externalId.toLowerCase());
        if (earlier !== undefined) problem(line, 'externalId', `"${externalId}" is already on line ${earlier}`);
        else seen.set(externalId.toLowerCase(), line);
      }
    }
    const name = text('name', true);
    const genderText = raw('gender');
    const gender = genderText === '' ? null : (GENDERS[genderText.toLowerCase()] ?? null);
    if (genderText !== '' && gender === null) {
      problem(line, 'gender', `"${genderText.slice(0, 40)}" is not a gender (男/女, M/F, male/female)`);
    }
    const student = kind === 'student';
    const specialtyCode = student ? text('specialtyCode', false) : null;
    if (specialtyCode !== null && !SPECIALTY_CODE.test(specialtyCode)) {
      problem(line, 'specialtyCode', `"${specialtyCode}" is not a specialty code (letters and digits)`);
    }
    const specialtyName = student ? text('specialtyName', false) : null;
    const className = student ? text('className', true) : null;
    const cohortYear = student ? year('cohortYear', 1950, 2200, /[级年]$/) : null;
    const durationYears = student ? year('durationYears', 1, 8, /年(制)?$/) : null;
    if (className !== null) {
      if (specialtyCode === null) problem(line, 'specialtyCode', `class "${className}" has no specialty code`);
      if (specialtyName === null) problem(line, 'specialtyName', `class "${className}" has no specialty name`);
      const earlier = classes.get(className);
      if (!earlier) {
        classes.set(className, { line, specialtyCode, cohortYear, durationYears });
      } else {
        for (const [field, value] of [
          ['specialtyCode', specialtyCode],
          ['cohortYear', cohortYear],
          ['durationYears', durationYears],
        ] as const) {
          if (value !== null && earlier[field] !== null && value !== earlier[field]) {
            problem(
              line,
              field,
              `class "${className}" has ${field} ${String(earlier[field])} on line ${earlier.line}, ${String(value)} here`,
            );
          }
        }
      }
    }
    const department = text('department', false);
    const title = kind === 'student' ? null : text('title', false);
    const doubleText = kind === 'teacher' ? raw('doubleQualified').toLowerCase() : '';
    const doubleQualified = doubleText === '' ? null : YES.has(doubleText) ? true : NO.has(doubleText) ? false : null;
    if (doubleText !== '' && doubleQualified === null) {
      problem(line, 'doubleQualified', `"${doubleText.slice(0, 40)}" is not 是 or 否 (yes/no)`);
    }
    let phone = text('phone', false);
    if (phone !== null) {
      phone = phone.replace(/[\s-]/g, '');
      if (!PHONE.test(phone)) {
        problem(
          line,
          'phone',
          `"${phone.slice(0, 40)}" is not a phone number (digits, optionally + and a country code)`,
        );
      }
    }
    const email = text('email', false);
    if (email !== null && !EMAIL.test(email))
      problem(line, 'email', `"${email.slice(0, 60)}" is not an e-mail address`);

    if (externalId === null || name === null) continue;
    const row: RosterRow = {
      externalId,
      name,
      gender,
      specialtyCode,
      specialtyName,
      className,
      cohortYear,
      durationYears,
      department,
      title,
      doubleQualified,
      phone,
      email,
    };
    rows.push({ ...row, line });
  }
  if (rows.length === 0 && problems.length === 0) {
    problem(header.line + 1, '(row)', 'the file has a header but no people');
  }
  if (problems.length > 0) return refused(fields);
  return { rows, fields, problems, truncated };
}
