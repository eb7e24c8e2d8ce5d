import { basename } from 'node:path';
import { importFailure } from '../../core/errors/import-failure.js';
import type { CollegeCourse, CollegeCourseType } from '../../core/courses/college-course.js';
import { toPlainLine, toPlainText } from '../postings/plain-text.js';
import { mapHeader } from '../postings/posting-fields.js';
import { readTableRows } from '../tabular/read-table.js';
import { SMALL_TABLE_LIMITS, type TableFail } from '../tabular/table-limits.js';

/** The columns of a course list and the other names accepted for each. */
export const COURSE_LIST_COLUMNS = {
  code: ['课程代码', '课程编号', '课程编码', 'course code'],
  name: ['nameZh', 'title', '课程名称', '课程'],
  nameEn: ['英文名称', '课程英文名称', 'english name'],
  credits: ['学分'],
  hours: ['学时', '总学时', '课时'],
  description: ['课程描述', '课程简介', '主要教学内容', '教学内容', '课程内容'],
  type: ['kind', '课程类型', '课程类别', '课程性质'],
} as const satisfies Record<string, readonly string[]>;

type CourseField = keyof typeof COURSE_LIST_COLUMNS;
const REQUIRED: readonly CourseField[] = ['code', 'name', 'credits', 'hours', 'description', 'type'];

/** Course types as colleges write them (zh and en) → ours. */
const TYPE_NAMES: Readonly<Record<string, CollegeCourseType>> = {
  public: 'public',
  公共课: 'public',
  公共基础课: 'public',
  公共必修课: 'public',
  公共选修课: 'public',
  platform: 'platform',
  平台课: 'platform',
  专业基础课: 'platform',
  专业群平台课: 'platform',
  专业群基础课: 'platform',
  core: 'core',
  核心课: 'core',
  专业核心课: 'core',
  岗位模块课: 'core',
  elective: 'elective',
  选修课: 'elective',
  拓展课: 'elective',
  专业拓展课: 'elective',
  专业选修课: 'elective',
  专业拓展选修课: 'elective',
  专业群选修课: 'elective',
  practice: 'practice',
  实践课: 'practice',
  实训课: 'practice',
  实践教学: 'practice',
  岗位实习: 'practice',
  other: 'other',
  其他: 'other',
};

export const MAX_COURSE_LIST_BYTES = 8 * 1024 * 1024;
export const MAX_COURSES = 5000;

/**
 * Reads a college's course list from `.xlsx` (first worksheet) or `.csv`: code, name, credits, hours,
 * description, type (课程代码, 课程名称, 学分, 学时, 课程描述, 课程类型; an English name is optional). All or nothing:
 * the first problem throws `IMPORT_FAILED` naming `FILE:LINE:FIELD` — a missing column, an empty code or name, a
 * code used twice, credits not a number in (0, 60], hours not a whole number in 0–2000, an unknown type, too
 * many rows.
 */
export async function readCourseList(path: string, options: { file?: string } = {}): Promise<CollegeCourse[]> {
  const file = options.file ?? basename(path);
  const fail: TableFail = (line, field, reason) => importFailure({ file, line, field }, reason);
  const rows = await readTableRows(path, {
    fail,
    limits: { ...SMALL_TABLE_LIMITS, maxFileBytes: MAX_COURSE_LIST_BYTES, maxRows: MAX_COURSES + 1000 },
  });
  const headerRow = rows.find((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!headerRow) throw fail(1, '(header)', 'the file is empty (expected a header row)');
  const columns = mapHeader(headerRow.cells, COURSE_LIST_COLUMNS, REQUIRED, fail, headerRow.line);
  const courses: CollegeCourse[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    if (line <= headerRow.line || cells.every((cell) => cell.trim() === '')) continue;
    if (courses.length >= MAX_COURSES) throw fail(line, '(row)', `more than ${MAX_COURSES} courses in one list`);
    const raw = (field: CourseField) => {
      const column = columns.get(field);
      return column === undefined ? '' : (cells[column] ?? '');
    };
    const line1 = (field: CourseField, max: number, required: boolean) => {
      const value = toPlainLine(raw(field));
      if (required && value === '') throw fail(line, field, `the ${field} is empty`);
      if (value.length > max) throw fail(line, field, `${value.length} characters; at most ${max}`);
      return value;
    };
    const code = line1('code', 40, true);
    const earlier = seen.get(code);
    if (earlier !== undefined) throw fail(line, 'code', `course code "${code}" is already used on line ${earlier}`);
    seen.set(code, line);
    const nameZh = line1('name', 200, true);
    const nameEn = line1('nameEn', 200, false) || null;
    const creditsText = line1('credits', 20, true).replace(/学分$/, '').trim();
    const credits = Number(creditsText);
    if (!/^\d+(\.\d+)?$/.test(creditsText) || !(credits > 0) || credits > 60) {
      throw fail(line, 'credits', `"${creditsText}" is not a number of credits in (0, 60]`);
    }
    const hoursText = line1('hours', 20, true).replace(/学时$/, '').trim();
    const hours = Number(hoursText);
    if (!/^\d+$/.test(hoursText) || hours > 2000) {
      throw fail(line, 'hours', `"${hoursText}" is not a whole number of hours from 0 to 2000`);
    }
    const description = toPlainText(raw('description'));
    if (description.length > 4000) throw fail(line, 'description', `${description.length} characters; at most 4000`);
    const typeText = line1('type', 40, true);
    const type = TYPE_NAMES[typeText.toLowerCase()];
    if (!type) {
      throw fail(
        line,
        'type',
        `unknown course type "${typeText}" (expected one of ${[...new Set(Object.values(TYPE_NAMES))].join(', ')} or 公共基础课, 专业基础课, 专业核心课, 专业拓展课, 实践课)`,
      );
    }
    courses.push({ code, nameZh, nameEn, credits, hours, description, type, sourceFile: file, sourceLine: line });
  }
  if (courses.length === 0) throw fail(headerRow.line + 1, '(row)', 'the file has a header but no courses');
  return courses;
}
