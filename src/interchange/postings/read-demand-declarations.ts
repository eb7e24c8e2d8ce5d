import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { DemandDeclarationRecord } from '../../core/demand/posting.js';
import type { DomainError } from '../../core/errors/domain-error.js';
import { importFailure } from '../../core/errors/import-failure.js';
import { cellText } from '../xlsx/cell-text.js';
import { toPlainLine } from './plain-text.js';
import { mapHeader, normaliseCity, normaliseProvince, parseRegion } from './posting-fields.js';
import { decodeText } from './text-lines.js';

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
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(0, '(file)', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`);
  }
  if (buffer.length > MAX_DECLARATIONS_FILE_BYTES) {
    throw fail(0, '(file)', `the file is larger than ${MAX_DECLARATIONS_FILE_BYTES / 1024 / 1024} MiB`);
  }
  const extension = extname(path).toLowerCase();
  let rows: { line: number; cells: string[] }[];
  if (extension === '.csv') rows = csvRows(buffer, fail);
  else if (extension === '.xlsx') rows = await worksheetRows(buffer, fail);
  else throw fail(0, '(file)', `unknown file type "${extension}": expected .csv or .xlsx`);

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

function csvRows(buffer: Buffer, fail: Fail): { line: number; cells: string[] }[] {
  const text = decodeText(buffer, fail);
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const delimiter = firstLine.split('\t').length > firstLine.split(',').length ? '\t' : ',';
  const rows: { line: number; cells: string[] }[] = [];
  try {
    const parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    for (const { record, info } of parsed) {
      let breaks = 0;
      for (const value of record) breaks += value.split('\n').length - 1;
      rows.push({ line: info.lines - breaks, cells: record });
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw fail(typeof error.lines === 'number' ? error.lines : 0, '(row)', error.message);
  }
  return rows;
}

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

async function worksheetRows(buffer: Buffer, fail: Fail): Promise<{ line: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as XlsxInput, { ignoreNodes: ['dataValidations'] });
  } catch (error) {
    throw fail(0, '(file)', `not an XLSX workbook (${(error as Error).message.split('\n')[0]})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fail(0, '(file)', 'the workbook has no worksheet');
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as CellValue[];
    rows.push({ line: number, cells: values.slice(1).map((value) => cellText(value)) });
  });
  return rows;
}
