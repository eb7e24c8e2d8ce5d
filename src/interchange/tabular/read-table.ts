import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { MAX_LINE_BYTES, readTextLines } from '../postings/text-lines.js';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook.js';
import { sizeText } from '../zip/bounded-zip.js';
import type { TableChunk, TableFail, TableLimits, TableRow } from './table-limits.js';

export interface ReadTableOptions {
  readonly fail: TableFail;
  readonly limits: TableLimits;
  /** The extensions the caller accepts (for the message naming an unknown one); default `.csv`, `.xlsx`. */
  readonly extensions?: readonly string[];
}

/** Rows per chunk from a CSV file (an XLSX worksheet yields what each parsed piece of XML holds). */
const CSV_CHUNK_ROWS = 1000;

/**
 * The one reader of tabular files, for every import: `.csv`/`.tsv` (UTF-8 or GB18030; `.tsv` tab-separated, `.csv`
 * comma, tab or semicolon — whichever the first non-empty line has most of) and `.xlsx` (the first worksheet, through the bounded
 * `XlsxWorkbook`), streamed as chunks of rows with their line numbers, the header row included. Rows, columns,
 * cell text and the file itself are bounded by `limits`. Every problem is `IMPORT_FAILED` through `fail`, naming
 * `FILE:LINE:FIELD`: the file missing or too large, bytes that are not text, a broken quote, a workbook that is not
 * one or is refused (ZIP bomb, truncated archive), too many rows or columns, a cell too long.
 */
export async function* readTable(path: string, options: ReadTableOptions): AsyncGenerator<TableChunk> {
  const { fail, limits } = options;
  const extensions = options.extensions ?? ['.csv', '.xlsx'];
  const extension = extname(path).toLowerCase();
  if (!extensions.includes(extension) || !['.csv', '.tsv', '.xlsx'].includes(extension)) {
    throw fail(0, '(file)', `unknown file type "${extension}": expected ${extensions.join(' or ')}`);
  }
  const size = await fileSize(path, fail);
  if (size > limits.maxFileBytes) {
    throw fail(0, '(file)', `the file is larger than ${sizeText(limits.maxFileBytes)}`);
  }
  if (extension === '.xlsx') {
    const workbook = await XlsxWorkbook.open(path, { limits, fail, fileBytes: size });
    try {
      const first = workbook.sheets[0];
      if (!first) throw fail(0, '(file)', 'the workbook has no worksheet');
      yield* workbook.rows(first);
    } finally {
      workbook.close();
    }
    return;
  }
  yield* readCsv(path, fail, limits, extension === '.tsv' ? '\t' : null);
}

/** The whole table of a small upload (course lists, declarations), read through `readTable`. */
export async function readTableRows(path: string, options: ReadTableOptions): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const chunk of readTable(path, options)) rows.push(...chunk.rows);
  return rows;
}

async function fileSize(path: string, fail: TableFail): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw fail(0, '(file)', 'a folder, not a file');
    return info.size;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'IMPORT_FAILED') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(0, '(file)', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`);
  }
}

/**
 * CSV through csv-parse's stream parser, fed with the decoded lines of `readTextLines` (which bounds the line
 * length and checks the encoding). A record's first line is its last line minus the line breaks inside its quoted
 * values.
 */
async function* readCsv(
  path: string,
  fail: TableFail,
  limits: TableLimits,
  delimiter: '\t' | null,
): AsyncGenerator<TableChunk> {
  const lines = readTextLines(path, fail)[Symbol.asyncIterator]();
  // The first non-empty line decides the delimiter, so the parser starts once it is read.
  const buffered: string[] = [];
  let bytesRead = 0;
  let headerLine: string | null = null;
  while (headerLine === null) {
    const next = await lines.next();
    if (next.done) break;
    bytesRead = next.value.bytesRead;
    for (const { text } of next.value.lines) {
      buffered.push(text);
      if (headerLine === null && text.trim() !== '') headerLine = text;
    }
  }
  if (headerLine === null) return;

  const parser = parse({
    delimiter: delimiter ?? guessDelimiter(headerLine),
    info: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_LINE_BYTES,
  });
  async function* text(): AsyncGenerator<string> {
    yield buffered.join('\n') + '\n';
    for (;;) {
      const next = await lines.next();
      if (next.done) return;
      bytesRead = next.value.bytesRead;
      if (next.value.lines.length > 0) yield next.value.lines.map((line) => line.text).join('\n') + '\n';
    }
  }
  const source = Readable.from(text());
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  let rows: TableRow[] = [];
  let count = 0;
  let lastLine = 1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const { record, info } = item;
      let breaks = 0;
      for (const value of record) {
        for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) breaks++;
      }
      const line = info.lines - breaks;
      lastLine = info.lines;
      count++;
      if (count > limits.maxRows) throw fail(line, '(row)', `more than ${limits.maxRows.toLocaleString('en')} rows`);
      if (record.length > limits.maxColumns && record.slice(limits.maxColumns).some((value) => value !== '')) {
        throw fail(line, '(row)', `${record.length} columns; at most ${limits.maxColumns} are read`);
      }
      for (let column = 0; column < record.length; column++) {
        const value = record[column]!;
        if (value.length > limits.maxCellCharacters) {
          throw fail(
            line,
            `column ${column + 1}`,
            `${value.length.toLocaleString('en')} characters; at most ${limits.maxCellCharacters.toLocaleString('en')}` +
              ' (a quote opened and never closed?)',
          );
        }
      }
      rows.push({ line, cells: record.length > limits.maxColumns ? record.slice(0, limits.maxColumns) : record });
      if (rows.length >= CSV_CHUNK_ROWS) {
        yield { rows, bytesRead };
        rows = [];
      }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const at = typeof error.lines === 'number' ? error.lines : lastLine + 1;
      throw fail(at, '(row)', describeCsvError(error));
    }
    throw error;
  } finally {
    source.destroy();
  }
  yield { rows, bytesRead };
}

function guessDelimiter(header: string): ',' | '\t' | ';' {
  const count = (character: string) => header.split(character).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semicolons = count(';');
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed: the row runs to the end of the file (truncated file?)';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted value (quote the value and double the quote)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after the closing quote of a value';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB (a quote opened and never closed?)`;
    default:
      return error.message;
  }
}
