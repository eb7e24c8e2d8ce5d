import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { DomainError } from '../../core/errors/domain-error.js';
import { importFailure } from '../../core/errors/import-failure.js';
import { noProgress, type ImportProgress } from '../import-progress.js';

export interface ReadCsvOptions<C extends string, O extends string> {
  /** What messages call the file (default: the file name). */
  file?: string;
  delimiter?: ',' | '\t';
  /**
   * RFC 4180 quoting (default true). O*NET text files are tab-separated without quoting, and their values contain
   * literal `"` characters, so they are read with `quoting: false`.
   */
  quoting?: boolean;
  /**
   * Read missing trailing fields as empty instead of failing the row (ESCO's skillsHierarchy_en.csv leaves out the
   * empty code columns at the end of a row).
   */
  padShortRows?: boolean;
  /** Columns the header must have; a missing one fails on line 1. */
  columns: readonly C[];
  /** Columns read when present (`has(column)` tells). */
  optionalColumns?: readonly O[];
  onProgress?: ImportProgress;
  /** The progress phase (default: the file name). */
  phase?: string;
}

export type CsvFields<C extends string, O extends string> = Readonly<Record<C, string> & Partial<Record<O, string>>>;

export interface CsvRecord<C extends string, O extends string = never> {
  /** 1-based line on which the record starts (a quoted value may span lines). */
  readonly line: number;
  readonly fields: CsvFields<C, O>;
}

/** The data records of one file, in file order; iterating reports progress. */
export interface CsvRecords<C extends string, O extends string = never> extends Iterable<CsvRecord<C, O>> {
  readonly file: string;
  readonly header: readonly string[];
  /** Number of data records (header excluded). */
  readonly total: number;
  has(column: O): boolean;
  /** For files with several layouts: fails like a missing required column (line 1) unless all are present. */
  requireColumns(columns: readonly O[]): void;
  /** An `IMPORT_FAILED` naming this file: `FILE:LINE:FIELD: reason`. */
  fail(line: number, field: string, reason: string): DomainError<'IMPORT_FAILED'>;
}

const PROGRESS_EVERY = 5000;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const CARRIAGE_RETURN = 0x0d;

/**
 * Reads a CSV or TSV file: strips a UTF-8 BOM, rejects bytes that are not UTF-8, checks the header has every
 * required column (a file with the wrong delimiter fails here, on line 1), and yields records with the line they
 * start on. A row with the wrong number of fields or a broken quote fails naming its line and column.
 */
export async function readCsvRecords<C extends string, O extends string = never>(
  path: string,
  options: ReadCsvOptions<C, O>,
): Promise<CsvRecords<C, O>> {
  const file = options.file ?? basename(path);
  const fail = (line: number, field: string, reason: string) => importFailure({ file, line, field }, reason);

  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(0, '(file)', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`);
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
  const delimiter = options.delimiter ?? ',';
  const quoting = options.quoting ?? true;
  const utf8 = isUtf8(buffer);

  let table: Table;
  const parsed = { end: 0 };
  try {
    table = quoting && buffer.includes(QUOTE) ? parseQuoted(buffer, delimiter, parsed) : splitLines(buffer, delimiter);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (!utf8) throw fail(firstInvalidLine(buffer), '(encoding)', NOT_UTF8);
    const header = readHeader(buffer, delimiter, quoting);
    checkColumns(header, options.columns, fail);
    const line = lineCounter(buffer)(skipBlankLines(buffer, parsed.end));
    const column = typeof error.column === 'number' ? header[error.column] : undefined;
    throw fail(line, column ?? '(row)', describeCsvError(error));
  }
  const { rows, lines } = table;

  const headerRow = rows[0];
  if (!headerRow) throw fail(1, '(header)', 'the file is empty');
  const header = headerRow.map((name) => name.trim());
  if (!utf8) {
    for (let index = 0; index < rows.length; index++) {
      const column = rows[index]!.findIndex((value) => value.includes('\uFFFD'));
      if (column === -1) continue;
      throw fail(lines[index]!, index === 0 ? '(header)' : (header[column] ?? '(row)'), NOT_UTF8);
    }
    throw fail(firstInvalidLine(buffer), '(encoding)', NOT_UTF8);
  }
  checkColumns(header, options.columns, fail);

  const wanted: [string, number][] = [];
  for (const name of [...options.columns, ...(options.optionalColumns ?? [])]) {
    const index = header.indexOf(name);
    if (index !== -1) wanted.push([name, index]);
  }
  const total = rows.length - 1;
  const onProgress = options.onProgress ?? noProgress;
  const phase = options.phase ?? file;

  function* records(): Generator<CsvRecord<C, O>> {
    onProgress({ phase, done: 0, total });
    for (let index = 1; index < rows.length; index++) {
      const values = rows[index]!;
      const line = lines[index]!;
      if (values.length < header.length && !options.padShortRows) {
        throw fail(
          line,
          header[values.length]!,
          `the row has ${values.length} of ${header.length} fields (truncated row, or a wrong delimiter?)`,
        );
      }
      if (values.length > header.length) {
        throw fail(
          line,
          '(row)',
          `the row has ${values.length} fields but the header has ${header.length} (an unquoted delimiter in a value?)`,
        );
      }
      const fields: Record<string, string> = {};
      for (const [name, column] of wanted) fields[name] = values[column] ?? '';
      if (index % PROGRESS_EVERY === 0) onProgress({ phase, done: index, total });
      yield { line, fields: fields as CsvFields<C, O> };
    }
    onProgress({ phase, done: total, total });
  }

  return {
    file,
    header,
    total,
    has: (column: O) => header.includes(column),
    requireColumns: (columns: readonly O[]) => checkColumns(header, columns, fail),
    fail,
    [Symbol.iterator]: records,
  };
}

interface Table {
  rows: string[][];
  /** 1-based start line of each row. */
  lines: number[];
}

/**
 * RFC 4180 with csv-parse. A record starts where the last one ended (`parsed.end`, a byte offset, also what an error
 * is located by), past the blank lines csv-parse skips.
 */
function parseQuoted(buffer: Buffer, delimiter: string, parsed: { end: number }): Table {
  const lineAt = lineCounter(buffer);
  const lines: number[] = [];
  const rows = parse(buffer, {
    delimiter,
    bom: false,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (values, context) => {
      lines.push(lineAt(skipBlankLines(buffer, parsed.end)));
      parsed.end = context.bytes_records;
      return values;
    },
  });
  return { rows, lines };
}

/**
 * A file without quoting (O*NET's TSV) or without a single `"` has one record per line, so splitting lines is
 * exact, and 5–10× faster than csv-parse: it is what keeps ESCO's 21 MB occupationSkillRelations.csv (and the
 * pillars) at a fraction of a second. Empty lines are skipped as csv-parse's `skip_empty_lines` does.
 */
function splitLines(buffer: Buffer, delimiter: string): Table {
  const text = buffer.toString('utf8');
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.charCodeAt(end - 1) === CARRIAGE_RETURN ? text.slice(start, end - 1) : text.slice(start, end);
    if (content !== '') {
      rows.push(content.split(delimiter));
      lines.push(line);
    }
    start = end + 1;
  }
  return { rows, lines };
}

const NOT_UTF8 = 'the file is not valid UTF-8 (saved in another encoding, e.g. GBK or Windows-1252?)';

function checkColumns(
  header: readonly string[],
  columns: readonly string[],
  fail: (line: number, field: string, reason: string) => DomainError<'IMPORT_FAILED'>,
): void {
  for (const column of columns) {
    if (!header.includes(column)) {
      const found = header.join(', ');
      throw fail(1, column, `missing column (found: ${found.length > 200 ? `${found.slice(0, 200)}…` : found})`);
    }
  }
}

/** The header alone, for the missing-column message when the whole file does not parse (e.g. `;`-separated). */
function readHeader(buffer: Buffer, delimiter: string, quoting: boolean): string[] {
  const end = buffer.indexOf(NEWLINE);
  const first = buffer.subarray(0, end === -1 ? buffer.length : end);
  try {
    const [header] = quoting
      ? parse(first, { delimiter, relax_column_count: true })
      : splitLines(first, delimiter).rows;
    return (header ?? []).map((name) => name.trim());
  } catch {
    return [first.toString('utf8').trim()];
  }
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed: the row runs to the end of the file (truncated file?)';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted value (quote the value and double the quote)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after the closing quote of a value';
    default:
      return error.message;
  }
}

/** Skips the empty lines csv-parse skipped, so a record's start is its first character. */
function skipBlankLines(buffer: Buffer, offset: number): number {
  let position = offset;
  while (position < buffer.length && (buffer[position] === NEWLINE || buffer[position] === CARRIAGE_RETURN)) position++;
  return position;
}

/** 1-based line of a byte offset; offsets must not decrease between calls (each byte is scanned once). */
function lineCounter(buffer: Buffer): (offset: number) => number {
  let line = 1;
  let next = buffer.indexOf(NEWLINE);
  return (offset) => {
    while (next !== -1 && next < offset) {
      line++;
      next = buffer.indexOf(NEWLINE, next + 1);
    }
    return line;
  };
}

function firstInvalidLine(buffer: Buffer): number {
  const text = buffer.toString('utf8');
  const at = text.indexOf('\uFFFD');
  if (at === -1) return 0;
  let line = 1;
  for (let position = text.indexOf('\n'); position !== -1 && position < at; position = text.indexOf('\n', position + 1))
    line++;
  return line;
}
