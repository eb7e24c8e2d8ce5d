import { basename } from 'node:path';
import type { DemandDeclarationRecord } from '../../core/demand/posting.js';
import type { DomainError } from '../../core/errors/domain-error.js';
import { importFailure } from '../../core/errors/import-failure.js';
import { readTableRows } from '../tabular/read-table.js';
import { SMALL_TABLE_LIMITS } from '../tabular/table-limits.js';
import { toPlainLine } from './plain-text.js';
import { mapHeader, normaliseCity, normaliseProvince, parseRegion } from './posting-fields.js';

/** The columns of a declarations file and the other names accepted for each. */
export const DECLARATION_COLUMNS = {
  enterprise: ['company', 'employer', '企业', '公司', '企业名称', '公司名称', '单位'],
  post: ['postId', '岗位', '岗位编号', '岗位代码'],
  headcount: ['count', 'demand', '人数', '需求人数', '招聘人数'],
  year: ['年份', '年度', '需求年份'],
  province: ['省份', '省'],
  city: ['城市', '市'],
  region: ['地区', '工作地点', '所在地区'],
  note: ['notes', 'remark', 'comment', '备注', '说明'],
} as const satisfies Record<string, readonly string[]>;

type DeclarationField = keyof typeof DECLARATION_COLUMNS;
type Fail = (line: number, field: string, reason: string) => DomainError<'IMPORT_FAILED'>;

/** The enterprise column is optional: an enterprise uploading its own declarations need not name itself. */
const REQUIRED: readonly DeclarationField[] = ['post', 'headcount', 'year'];
export const MAX_HEADCOUNT = 100_000;
/** Declarations are a few hundred rows a year per region; the cap keeps a wrong file from being loaded whole. */
export const MAX_DECLARATIONS_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Reads enterprise demand declarations from `.xlsx` (first worksheet) or `.csv` (UTF-8 or GB18030). All or nothing:
 * the first problem throws `IMPORT_FAILED` naming `FILE:LINE:FIELD` (missing column, empty enterprise or post,
 * headcount not a whole number in 1–100,000, year outside 2000–2100, the same enterprise, post, year and place
 * declared twice). Post ids are returned as written: the caller checks them against the catalogue.
 */
export async function readDemandDeclarations(
  path: string,
  options: { file?: string } = {},
): Promise<{ line: number; record: DemandDeclarationRecord }[]> {
  const file = options.file ?? basename(path);
  const fail: Fail = (line, field, reason) => importFailure({ file, line, field }, reason);
  const rows = await readTableRows(path, {
    fail,
    limits: { ...SMALL_TABLE_LIMITS, maxFileBytes: MAX_DECLARATIONS_FILE_BYTES },
  });

  const headerRow = rows.find((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!headerRow) throw fail(1, '(header)', 'the file is empty (expected a header row)');
  const columns = mapHeader(headerRow.cells, DECLARATION_COLUMNS, REQUIRED, fail, headerRow.line);

  const records: { line: number; record: DemandDeclarationRecord }[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    if (line <= headerRow.line || cells.every((cell) => cell.trim() === '')) continue;
    const get = (field: DeclarationField) => {
      const column = columns.get(field);
      return column === undefined ? '' : toPlainLine(cells[column] ?? '');
    };
    const required = (field: DeclarationField) => {
      const value = get(field);
      if (value === '') throw fail(line, field, `the ${field} is empty`);
      if (value.length > 200) throw fail(line, field, `${value.length} characters; at most 200`);
      return value;
    };
    const enterprise = columns.has('enterprise') ? required('enterprise') : '';
    const postId = required('post');
    const headcount = wholeNumber(required('headcount'), 1, MAX_HEADCOUNT, line, 'headcount', fail);
    const year = wholeNumber(required('year').replace(/年$/, ''), 2000, 2100, line, 'year', fail);
    let province = get('province') || null;
    let city = get('city') || null;
    const region = get('region');
    if (region !== '' && province === null && city === null) ({ province, city } = parseRegion(region));
    else {
      if (province !== null) province = normaliseProvince(province);
      if (city !== null) city = normaliseCity(city);
    }
    const note = get('note').slice(0, 2000) || null;
    const key = JSON.stringify([enterprise, postId, year, province, city]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw fail(line, 'post', `${enterprise} already declares ${postId} for ${year} here on line ${earlier}`);
    }
    seen.set(key, line);
    records.push({ line, record: { enterprise, postId, headcount, year, province, city, note } });
  }
  return records;
}

function wholeNumber(text: string, min: number, max: number, line: number, field: string, fail: Fail): number {
  const value = Number(text.replace(/[,，\s]/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw fail(
      line,
      field,
      `"${text}" is not a whole number from ${min} to ${max >= 10_000 ? max.toLocaleString('en') : max}`,
    );
  }
  return value;
}
