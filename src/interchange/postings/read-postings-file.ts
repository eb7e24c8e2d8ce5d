import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { PostingRecord } from '../../core/demand/posting.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { importFailure } from '../../core/errors/import-failure.js';
import { readTable } from '../tabular/read-table.js';
import { SMALL_TABLE_LIMITS, type TableLimits } from '../tabular/table-limits.js';
import { toPlainLine, toPlainText } from './plain-text.js';
import {
  columnAliases,
  columnKey,
  excelSerialToIsoDate,
  mapHeader,
  missingColumn,
  normaliseCity,
  normaliseProvince,
  parseIsoDate,
  parseRegion,
} from './posting-fields.js';
import { MAX_LINE_BYTES, readTextLines } from './text-lines.js';

export type PostingField = keyof typeof POSTING_COLUMNS;

/**
 * The fields of a postings file and the other names accepted for each (case, spaces, `_` and `-` ignored). `region`
 * is a combined province and city (`江苏省无锡市`, `江苏省/无锡市`), used when `province`/`city` are not given.
 */
export const POSTING_COLUMNS = {
  id: ['sourceId', 'postingId', 'jobId', '编号', '职位编号', '招聘编号', 'ID号'],
  title: ['jobTitle', 'name', '标题', '职位名称', '招聘职位', '职位'],
  text: [
    'description',
    'body',
    'content',
    'jobDescription',
    '正文',
    '职位描述',
    '岗位描述',
    '岗位职责',
    '描述',
    '内容',
  ],
  enterprise: ['company', 'employer', 'companyName', '企业', '公司', '企业名称', '公司名称', '招聘单位', '单位'],
  province: ['state', '省份', '省', '所在省份'],
  city: ['城市', '市', '所在城市'],
  region: ['location', 'area', '地区', '工作地点', '所在地区', '地点', '区域'],
  date: ['postedOn', 'postedAt', 'publishedOn', 'publishDate', '发布日期', '发布时间', '日期'],
  post: ['postId', '岗位', '岗位编号', '岗位代码'],
} as const satisfies Record<string, readonly string[]>;

const REQUIRED: readonly PostingField[] = ['id', 'title', 'text', 'enterprise', 'date'];
const COLUMN_BY_KEY = columnAliases(POSTING_COLUMNS);

/** Longest posting text kept, in characters after HTML is reduced (100,000: about 30 pages; real postings are < 10k). */
export const MAX_TEXT_CHARACTERS = 100_000;
/** Raw text above this is refused before any processing (HTML could shrink it, but not by this much). */
const MAX_RAW_TEXT_CHARACTERS = 10 * MAX_TEXT_CHARACTERS;
export const MAX_TITLE_CHARACTERS = 500;
/** Every other field (id, enterprise, province, city, post). */
export const MAX_FIELD_CHARACTERS = 200;
/**
 * XLSX worksheets are streamed, but the shared strings (all the texts) stay in memory, so the file size is capped;
 * larger files should be exported as CSV or JSONL, which stream.
 */
export const MAX_XLSX_BYTES = 200 * 1024 * 1024;

const MiB = 1024 * 1024;
/**
 * What a postings table may hold: millions of rows; a workbook's worksheet XML may expand to 4 GiB (streamed), its
 * shared strings to 256 MiB (held while the sheet is read).
 */
export const POSTINGS_TABLE_LIMITS: TableLimits = {
  ...SMALL_TABLE_LIMITS,
  maxFileBytes: Number.MAX_SAFE_INTEGER,
  maxRows: 5_000_000,
  maxColumns: 1024,
  // A CSV record's own limit (16 MiB), above the text's, so that a too-long text is reported on its field.
  maxCellCharacters: MAX_LINE_BYTES,
  zip: { maxEntries: 1000, maxEntryBytes: 4096 * MiB, maxTotalBytes: 6144 * MiB, maxRatio: 200 },
  maxSharedStringsBytes: 256 * MiB,
};
export const DEFAULT_BATCH_SIZE = 5000;

export interface PostingBatch {
  /** The postings of this batch, each with the 1-based line (or worksheet row) it starts on. */
  records: { line: number; record: PostingRecord }[];
  /** How far into the file the reading is (for a progress bar); `totalBytes` with the last batch. */
  bytesRead: number;
  totalBytes: number;
}

export interface ReadPostingsOptions {
  /**
   * Resume: leave out the first `skip` postings (they are still read and checked, so a duplicate id later in the
   * file is still found).
   */
  skip?: number;
  /** Postings per batch (default 5,000). */
  batchSize?: number;
  /** What messages call the file (default: its name). */
  file?: string;
}

type RawPosting = Partial<Record<PostingField, string>>;
interface RawChunk {
  rows: { line: number; fields: RawPosting }[];
  bytesRead: number;
}
type Fail = (line: number, field: string, reason: string) => DomainError<'IMPORT_FAILED'>;

/**
 * Reads a file of job postings (`.csv`, `.tsv`, `.jsonl`/`.ndjson`, `.xlsx`) in batches, streaming: memory stays flat
 * however large the file (except the set of ids seen, for the duplicate check). Columns (or JSON keys) are matched
 * by `POSTING_COLUMNS`, English or Chinese. Text files may be UTF-8 (with or without BOM) or GB18030/GBK,
 * detected from the bytes. HTML in the text is reduced to plain text; control characters are removed.
 *
 * Any problem stops the reading with `IMPORT_FAILED` naming `FILE:LINE:FIELD`: a missing column (listing those
 * found), an empty id, title, text or enterprise, a text above `MAX_TEXT_CHARACTERS`, a date that is not one of the
 * accepted forms, an id used twice, a NUL byte or bytes that are not text, a broken CSV quote or JSON line.
 * The batches before the problem have been yielded; a caller that wants all-or-nothing writes them in a transaction.
 */
export async function* readPostingsFile(path: string, options: ReadPostingsOptions = {}): AsyncGenerator<PostingBatch> {
  const file = options.file ?? basename(path);
  const fail: Fail = (line, field, reason) => importFailure({ file, line, field }, reason);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let toSkip = Math.max(0, options.skip ?? 0);

  let totalBytes: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw fail(0, '(file)', 'a folder, not a file');
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(0, '(file)', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`);
  }

  const extension = extname(path).toLowerCase();
  let chunks: AsyncIterable<RawChunk>;
  switch (extension) {
    case '.csv':
    case '.tsv':
      chunks = readTableChunks(path, fail, extension);
      break;
    case '.jsonl':
    case '.ndjson':
      chunks = readJsonLinesChunks(path, fail);
      break;
    case '.xlsx':
      if (totalBytes > MAX_XLSX_BYTES) {
        throw fail(
          0,
          '(file)',
          `the workbook is ${megabytes(totalBytes)} MB; XLSX is read up to ${megabytes(MAX_XLSX_BYTES)} MB: ` +
            'save larger files as CSV or JSONL',
        );
      }
      chunks = readTableChunks(path, fail, extension);
      break;
    default:
      throw fail(0, '(file)', `unknown file type "${extension}": expected .csv, .tsv, .jsonl, .ndjson or .xlsx`);
  }

  const seen = new Map<string, number>();
  let batch: PostingBatch['records'] = [];
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead = chunk.bytesRead;
    for (const { line, fields } of chunk.rows) {
      const record = toPostingRecord(fields, line, fail);
      const earlier = seen.get(record.sourceId);
      if (earlier !== undefined) throw fail(line, 'id', `the id "${record.sourceId}" is already on line ${earlier}`);
      seen.set(record.sourceId, line);
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      batch.push({ line, record });
      if (batch.length >= batchSize) {
        yield { records: batch, bytesRead, totalBytes };
        batch = [];
      }
    }
  }
  yield { records: batch, bytesRead: totalBytes, totalBytes };
}

function toPostingRecord(fields: RawPosting, line: number, fail: Fail): PostingRecord {
  const oneLine = (field: PostingField, max: number): string => {
    const value = toPlainLine(fields[field] ?? '');
    if (value.length > max) {
      throw fail(line, field, `${value.length} characters; at most ${max} (a shifted column, or a missing quote?)`);
    }
    return value;
  };
  const required = (field: PostingField, max: number): string => {
    const value = oneLine(field, max);
    if (value === '') throw fail(line, field, `the ${field} is empty`);
    return value;
  };

  const sourceId = required('id', MAX_FIELD_CHARACTERS);
  const title = required('title', MAX_TITLE_CHARACTERS);
  const raw = fields.text ?? '';
  if (raw.length > MAX_RAW_TEXT_CHARACTERS) throw fail(line, 'text', textTooLong(raw.length));
  const text = toPlainText(raw);
  if (text === '') throw fail(line, 'text', 'the text is empty');
  if (text.length > MAX_TEXT_CHARACTERS) throw fail(line, 'text', textTooLong(text.length));
  const enterprise = required('enterprise', MAX_FIELD_CHARACTERS);

  const dateText = oneLine('date', MAX_FIELD_CHARACTERS);
  if (dateText === '') throw fail(line, 'date', 'the date is empty');
  const postedOn = parseIsoDate(dateText);
  if (postedOn === null) {
    throw fail(
      line,
      'date',
      `"${dateText}" is not a date (use YYYY-MM-DD, YYYY/MM/DD, YYYY-MM or 2024年3月5日, between 1990 and 2100)`,
    );
  }

  let province: string | null = oneLine('province', MAX_FIELD_CHARACTERS) || null;
  let city: string | null = oneLine('city', MAX_FIELD_CHARACTERS) || null;
  const region = oneLine('region', MAX_FIELD_CHARACTERS);
  if (region !== '' && province === null && city === null) ({ province, city } = parseRegion(region));
  else {
    if (province !== null) province = normaliseProvince(province);
    if (city !== null) city = normaliseCity(city);
  }
  const postId = oneLine('post', MAX_FIELD_CHARACTERS) || null;
  return { sourceId, title, text, enterprise, province, city, postedOn, postId };
}

function textTooLong(length: number): string {
  return (
    `the text is ${length.toLocaleString('en')} characters; a posting may have at most ` +
    `${MAX_TEXT_CHARACTERS.toLocaleString('en')} (several postings in one field, or a document pasted in?)`
  );
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/**
 * CSV or XLSX through the one bounded tabular reader. The first non-empty row is the header; lines are the file's
 * lines (CSV) or worksheet row numbers (XLSX). A date cell of a workbook may be a date, a serial day number or text.
 */
async function* readTableChunks(path: string, fail: Fail, extension: string): AsyncGenerator<RawChunk> {
  let header: Map<PostingField, number> | null = null;
  for await (const chunk of readTable(path, { fail, limits: POSTINGS_TABLE_LIMITS, extensions: [extension] })) {
    const rows: RawChunk['rows'] = [];
    for (const row of chunk.rows) {
      if (header === null) {
        const names = row.cells.map((cell) => cell.trim());
        if (names.every((name) => name === '')) continue;
        header = mapHeader(names, POSTING_COLUMNS, REQUIRED, fail, row.line);
        continue;
      }
      const fields: RawPosting = {};
      let empty = true;
      for (const [field, column] of header) {
        const value = row.cells[column];
        if (value === undefined) continue;
        const text =
          field === 'date' && row.numeric?.has(column) ? (excelSerialToIsoDate(Number(value)) ?? value) : value;
        if (text !== '') empty = false;
        fields[field] = text;
      }
      // A worksheet row with text only outside the known columns is no posting (CSV rows are checked as they are).
      if (empty && extension === '.xlsx') continue;
      rows.push({ line: row.line, fields });
    }
    yield { rows, bytesRead: chunk.bytesRead };
  }
  if (header === null) {
    throw fail(
      1,
      '(header)',
      extension === '.xlsx'
        ? 'the first worksheet is empty (expected a header row)'
        : 'the file is empty (expected a header row, then one posting a row)',
    );
  }
}

/** JSON Lines: one object per line; blank lines are skipped; keys matched like CSV columns. */
async function* readJsonLinesChunks(path: string, fail: Fail): AsyncGenerator<RawChunk> {
  for await (const chunk of readTextLines(path, fail)) {
    const rows: RawChunk['rows'] = [];
    for (const { line, text } of chunk.lines) {
      const trimmed = text.trim();
      if (trimmed === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (error) {
        throw fail(line, '(json)', `not valid JSON (${(error as Error).message})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw fail(line, '(json)', 'each line must be one JSON object, e.g. {"id": "1", "title": "…", …}');
      }
      const fields: RawPosting = {};
      const keys = Object.keys(value);
      for (const key of keys) {
        const field = COLUMN_BY_KEY.get(columnKey(key));
        if (field === undefined) continue;
        const entry = (value as Record<string, unknown>)[key];
        if (entry === null || entry === undefined) continue;
        if (typeof entry === 'string') fields[field] = entry;
        else if (typeof entry === 'number' && Number.isFinite(entry)) fields[field] = String(entry);
        else throw fail(line, key, `must be text or a number, not ${Array.isArray(entry) ? 'a list' : typeof entry}`);
      }
      for (const field of REQUIRED) {
        if (fields[field] === undefined) throw fail(line, field, missingColumn(field, POSTING_COLUMNS[field], keys));
      }
      rows.push({ line, fields });
    }
    yield { rows, bytesRead: chunk.bytesRead };
  }
}
