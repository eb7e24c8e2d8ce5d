import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { DomainError } from '../../core/errors/domain-error.js';
import { decodeText } from '../postings/text-lines.js';
import { cellText } from '../xlsx/cell-text.js';

export type TableFail = (line: number, field: string, reason: string) => DomainError<'IMPORT_FAILED'>;
type Fail = TableFail;

export interface TableRow {
  /** 1-based line (CSV: where the record starts; XLSX: the row number). */
  line: number;
  cells: string[];
}

/**
 * The rows of a small tabular upload: `.csv` (UTF-8 or GB18030, comma or tab) or `.xlsx` (first worksheet), as
 * the text a person sees in each cell. Fails through `fail` (FILE:LINE:FIELD) when the file is missing, too
 * large, of another type, or not parseable.
 */
export async function readTableRows(path: string, fail: Fail, maxBytes: number): Promise<TableRow[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(0, '(file)', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`);
  }
  if (buffer.length > maxBytes) {
    throw fail(0, '(file)', `the file is larger than ${maxBytes / 1024 / 1024} MiB`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return csvRows(buffer, fail);
  if (extension === '.xlsx') return worksheetRows(buffer, fail);
  throw fail(0, '(file)', `unknown file type "${extension}": expected .csv or .xlsx`);
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
