import { posix } from 'node:path';
import type { TableChunk, TableFail, TableLimits, TableRow } from '../tabular/table-limits.js';
import { BoundedZip, sizeText } from '../zip/bounded-zip.js';
import { prefixedAttribute, streamXml, type XmlHandlers } from './stream-xml.js';
import { isDateFormat, serialToIsoText } from './xlsx-number-formats.js';

const MiB = 1024 * 1024;
/** The small parts (workbook, relationships) of any real workbook are far below this. */
const MAX_SMALL_PART_BYTES = 16 * MiB;
const MAX_STYLES_BYTES = 64 * MiB;
const MAX_DEPTH = 64;
/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
const MAX_SHEET_ROW = 1_048_576;
const MAX_SHEET_COLUMN = 16_384;

export interface XlsxSheet {
  readonly name: string;
  /** The worksheet part in the archive (`xl/worksheets/sheet1.xml`). */
  readonly part: string;
}

/**
 * An XLSX workbook read with bounded memory and time: the archive is checked by `BoundedZip` before anything is
 * inflated; only the parts needed are inflated (workbook, relationships, shared strings, styles, the worksheets
 * asked for), streaming, through a streaming XML parser; rows, columns and cell text are bounded by `TableLimits`.
 * A row's cells are the text a person sees: shared and inline strings (rich text joined, phonetic runs left out),
 * numbers as JavaScript prints them, booleans as `true`/`false`, errors as written (`#N/A`), a formula's cached
 * result, and numbers in a date format as ISO dates (`2024-03-05`, or `2024-03-05T08:30:00` with a time).
 * Every problem is `IMPORT_FAILED` through `fail`: whole-file problems on line 0, field `(file)`; a cell's on its
 * row, field `Sheet!Column`.
 */
export class XlsxWorkbook {
  private sharedStrings: string[] | null = null;
  private dateStyles: boolean[] | null = null;

  private constructor(
    private readonly zip: BoundedZip,
    readonly sheets: readonly XlsxSheet[],
    private readonly date1904: boolean,
    private readonly limits: TableLimits,
    private readonly fail: TableFail,
    private readonly fileBytes: number,
    private readonly partPaths: { sharedStrings: string | null; styles: string | null },
  ) {}

  static async open(
    source: string | Buffer,
    options: { limits: TableLimits; fail: TableFail; fileBytes?: number },
  ): Promise<XlsxWorkbook> {
    const { limits, fail } = options;
    const zip = await BoundedZip.open(source, limits.zip, (reason, kind) =>
      fail(
        0,
        '(file)',
        kind === 'file'
          ? reason
          : kind === 'format'
            ? `not an XLSX workbook (${reason})`
            : `workbook refused: ${reason}`,
      ),
    );
    try {
      const workbookPart = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : await officeDocumentPart(zip, fail);
      const workbook = await readWorkbookPart(zip, workbookPart, fail);
      const relationships = await readRelationships(zip, workbookPart, fail);
      const sheets = workbook.sheets.map((sheet, index): XlsxSheet => {
        const target = sheet.relationshipId === undefined ? undefined : relationships.get(sheet.relationshipId);
        const part = target?.part ?? `${posix.dirname(workbookPart)}/worksheets/sheet${index + 1}.xml`;
        return { name: sheet.name, part };
      });
      const byType = (type: string) =>
        [...relationships.values()].find((relationship) => relationship.type.endsWith(`/${type}`))?.part;
      const defaultPart = (name: string) => `${posix.dirname(workbookPart)}/${name}`;
      const sharedStrings = byType('sharedStrings') ?? defaultPart('sharedStrings.xml');
      const styles = byType('styles') ?? defaultPart('styles.xml');
      return new XlsxWorkbook(zip, sheets, workbook.date1904, limits, fail, options.fileBytes ?? 0, {
        sharedStrings: zip.has(sharedStrings) ? sharedStrings : null,
        styles: zip.has(styles) ? styles : null,
      });
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close(): void {
    this.zip.close();
  }

  /**
   * The rows with content of one worksheet (from `sheets` or `sheet(name)`), in chunks as they are parsed. Rows
   * without any cell text are left out; `bytesRead` estimates the progress through the file.
   */
  async *rows(sheet: XlsxSheet): AsyncGenerator<TableChunk> {
    const { limits, fail } = this;
    if (!this.zip.has(sheet.part)) {
      throw fail(0, '(file)', `not an XLSX workbook (the worksheet "${sheet.name}" has no part ${sheet.part})`);
    }
    const strings = await this.loadSharedStrings();
    const dateStyles = await this.loadStyles();
    const partFail = (reason: string) => fail(0, '(file)', `the worksheet "${sheet.name}": ${reason}`);

    let rows: TableRow[] = [];
    let rowCount = 0;
    let inSheetData = false;
    let rowNumber = 0;
    let cells: string[] = [];
    let numeric: Set<number> | null = null;
    let cell: { column: number; type: string; style: number; value: string; capture: boolean } | null = null;
    let previousColumn = -1;
    let inInline = false;
    let phoneticDepth = 0;

    const cellFail = (column: number, reason: string) =>
      fail(rowNumber, `${sheet.name}!${columnLetters(column)}`, reason);

    const finishCell = () => {
      if (!cell) return;
      const { column, type, style, value } = cell;
      cell = null;
      let text: string;
      let isNumber = false;
      switch (type) {
        case 's': {
          const index = Number(value);
          const shared = Number.isInteger(index) && index >= 0 ? strings[index] : undefined;
          if (shared === undefined) {
            throw cellFail(
              column,
              `shared string ${value.trim() || '(none)'} does not exist (${strings.length} in all)`,
            );
          }
          text = shared;
          break;
        }
        case 'inlineStr':
        case 'str':
        case 'e':
        case 'd':
          text = value;
          break;
        case 'b':
          text = value.trim() === '1' || value.trim().toLowerCase() === 'true' ? 'true' : 'false';
          if (value.trim() === '') text = '';
          break;
        default: {
          const trimmed = value.trim();
          if (trimmed === '') {
            text = '';
            break;
          }
          const number = Number(trimmed);
          if (!Number.isFinite(number)) throw cellFail(column, `"${trimmed.slice(0, 40)}" is not a number`);
          const date = dateStyles[style] === true ? serialToIsoText(number, this.date1904) : null;
          text = date ?? String(number);
          isNumber = date === null;
        }
      }
      if (text === '') return;
      if (text.length > limits.maxCellCharacters) {
        throw cellFail(column, `${text.length.toLocaleString('en')} characters; at most ${limits.maxCellCharacters}`);
      }
      if (column >= limits.maxColumns) {
        throw cellFail(column, `a value in column ${column + 1}; at most ${limits.maxColumns} columns are read`);
      }
      while (cells.length < column) cells.push('');
      cells[column] = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
      if (isNumber) (numeric ??= new Set()).add(column);
    };

    const handlers: XmlHandlers = {
      open: (name, attributes) => {
        if (name === 'sheetData') {
          inSheetData = true;
          return;
        }
        if (!inSheetData) return;
        if (name === 'row') {
          const r = attributes.r;
          const number = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isInteger(number) || number < 1 || number > MAX_SHEET_ROW) {
            throw partFail(`the row number "${String(r).slice(0, 20)}" is not one from 1 to ${MAX_SHEET_ROW}`);
          }
          rowNumber = number;
          cells = [];
          numeric = null;
          previousColumn = -1;
        } else if (name === 'c') {
          const reference = attributes.r;
          const column = reference === undefined ? previousColumn + 1 : columnOfReference(reference);
          if (column === null || column >= MAX_SHEET_COLUMN) {
            throw fail(
              rowNumber,
              `${sheet.name}!(cell)`,
              `"${String(reference).slice(0, 20)}" is not a cell reference`,
            );
          }
          previousColumn = column;
          const style = attributes.s === undefined ? 0 : Number(attributes.s);
          cell = { column, type: attributes.t ?? 'n', style, value: '', capture: false };
        } else if (cell !== null) {
          if (name === 'v') cell.capture = !inInline;
          else if (name === 'is') inInline = true;
          else if (name === 'rPh') phoneticDepth++;
          else if (name === 't' && inInline && phoneticDepth === 0) cell.capture = true;
        }
      },
      close: (name) => {
        if (name === 'sheetData') {
          inSheetData = false;
        } else if (!inSheetData) {
          return;
        } else if (name === 'c') {
          finishCell();
          inInline = false;
          phoneticDepth = 0;
        } else if (name === 'row') {
          if (cells.length > 0) {
            rowCount++;
            if (rowCount > limits.maxRows) {
              throw fail(rowNumber, `${sheet.name}!(row)`, `more than ${limits.maxRows.toLocaleString('en')} rows`);
            }
            rows.push(numeric ? { line: rowNumber, cells, numeric } : { line: rowNumber, cells });
          }
        } else if (cell !== null) {
          if (name === 'v' || name === 't') cell.capture = false;
          else if (name === 'is') inInline = false;
          else if (name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
        }
      },
      text: (text) => {
        if (cell?.capture) {
          cell.value += text;
          if (cell.value.length > limits.maxCellCharacters) {
            throw cellFail(cell.column, `more than ${limits.maxCellCharacters} characters`);
          }
        }
      },
    };

    let inflated = 0;
    const partBytes = this.zip.declaredSize(sheet.part);
    const counted = async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        inflated += chunk.length;
        yield chunk;
      }
    };
    for await (const _ of streamXml(counted(this.zip.read(sheet.part)), handlers, {
      maxDepth: MAX_DEPTH,
      maxTextRun: limits.maxCellCharacters * 4 + 1024,
      fail: partFail,
    })) {
      if (rows.length > 0) {
        const fraction = partBytes > 0 ? Math.min(1, inflated / partBytes) : 0;
        yield { rows, bytesRead: Math.round(fraction * this.fileBytes) };
        rows = [];
      }
    }
    yield { rows, bytesRead: this.fileBytes };
  }

  /** The sheet named `name` (case and spaces ignored), or null. */
  sheet(name: string): XlsxSheet | null {
    const key = name.trim().toLowerCase();
    return this.sheets.find((sheet) => sheet.name.trim().toLowerCase() === key) ?? null;
  }

  private async loadSharedStrings(): Promise<readonly string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const strings: string[] = [];
    const part = this.partPaths.sharedStrings;
    if (part !== null) {
      let current: string | null = null;
      let capture = false;
      let phoneticDepth = 0;
      const handlers: XmlHandlers = {
        open: (name) => {
          if (name === 'si') current = '';
          else if (name === 'rPh') phoneticDepth++;
          else if (name === 't' && current !== null && phoneticDepth === 0) capture = true;
        },
        close: (name) => {
          if (name === 'si' && current !== null) {
            strings.push(current);
            current = null;
          } else if (name === 't') capture = false;
          else if (name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
        },
        text: (text) => {
          if (capture && current !== null) current += text;
        },
      };
      const maxBytes = this.limits.maxSharedStringsBytes;
      if (this.zip.declaredSize(part) > maxBytes) {
        throw this.fail(
          0,
          '(file)',
          `the shared strings expand to ${sizeText(this.zip.declaredSize(part))}; at most ${sizeText(maxBytes)} ` +
            'are read (save a larger table as CSV)',
        );
      }
      const partFail = (reason: string) => this.fail(0, '(file)', `the shared strings: ${reason}`);
      for await (const _ of streamXml(this.zip.read(part, maxBytes), handlers, {
        maxDepth: MAX_DEPTH,
        maxTextRun: this.limits.maxCellCharacters * 4 + 1024,
        fail: partFail,
      })) {
        // collected by the handlers
      }
    }
    this.sharedStrings = strings;
    return strings;
  }

  private async loadStyles(): Promise<readonly boolean[]> {
    if (this.dateStyles) return this.dateStyles;
    const dates: boolean[] = [];
    const part = this.partPaths.styles;
    if (part !== null) {
      const formats = new Map<number, string>();
      let inCellXfs = false;
      const handlers: XmlHandlers = {
        open: (name, attributes) => {
          if (name === 'numFmt' && attributes.numFmtId !== undefined) {
            formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
          } else if (name === 'cellXfs') inCellXfs = true;
          else if (name === 'xf' && inCellXfs) {
            const id = Number(attributes.numFmtId ?? 0);
            dates.push(isDateFormat(id, formats.get(id)));
          }
        },
        close: (name) => {
          if (name === 'cellXfs') inCellXfs = false;
        },
        text: () => {},
      };
      const partFail = (reason: string) => this.fail(0, '(file)', `the styles: ${reason}`);
      for await (const _ of streamXml(this.zip.read(part, MAX_STYLES_BYTES), handlers, {
        maxDepth: MAX_DEPTH,
        maxTextRun: 1024 * 1024,
        fail: partFail,
      })) {
        // collected by the handlers
      }
    }
    this.dateStyles = dates;
    return dates;
  }
}

interface Relationship {
  readonly part: string;
  readonly type: string;
}

async function readWorkbookPart(
  zip: BoundedZip,
  part: string,
  fail: TableFail,
): Promise<{ sheets: { name: string; relationshipId: string | undefined }[]; date1904: boolean }> {
  const sheets: { name: string; relationshipId: string | undefined }[] = [];
  let date1904 = false;
  const handlers: XmlHandlers = {
    open: (name, attributes) => {
      if (name === 'sheet') {
        if (sheets.length >= 10_000) throw fail(0, '(file)', 'more than 10,000 worksheets');
        sheets.push({
          name: attributes.name ?? `Sheet${sheets.length + 1}`,
          relationshipId: prefixedAttribute(attributes, 'id'),
        });
      } else if (name === 'workbookPr') {
        date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      }
    },
    close: () => {},
    text: () => {},
  };
  await drain(streamXml(zip.read(part, MAX_SMALL_PART_BYTES), handlers, smallPartOptions(fail, 'the workbook part')));
  return { sheets, date1904 };
}

/** `xl/_rels/workbook.xml.rels`: relationship id → part path (resolved against the workbook's folder). */
async function readRelationships(zip: BoundedZip, part: string, fail: TableFail): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  const relsPart = `${posix.dirname(part)}/_rels/${posix.basename(part)}.rels`;
  if (!zip.has(relsPart)) return relationships;
  const handlers: XmlHandlers = {
    open: (name, attributes) => {
      if (name !== 'Relationship' || attributes.Id === undefined || attributes.Target === undefined) return;
      if (attributes.TargetMode === 'External') return;
      const resolved = resolvePart(posix.dirname(part), attributes.Target);
      if (resolved !== null) relationships.set(attributes.Id, { part: resolved, type: attributes.Type ?? '' });
    },
    close: () => {},
    text: () => {},
  };
  await drain(
    streamXml(zip.read(relsPart, MAX_SMALL_PART_BYTES), handlers, smallPartOptions(fail, 'the relationships')),
  );
  return relationships;
}

/** The main part named by `_rels/.rels` when a workbook does not keep it at `xl/workbook.xml`. */
async function officeDocumentPart(zip: BoundedZip, fail: TableFail): Promise<string> {
  const notWorkbook = () =>
    fail(0, '(file)', 'not an XLSX workbook (a ZIP archive without a workbook part: a DOCX or another kind of file?)');
  if (!zip.has('_rels/.rels')) throw notWorkbook();
  const found: { part: string | null } = { part: null };
  const handlers: XmlHandlers = {
    open: (name, attributes) => {
      if (name === 'Relationship' && (attributes.Type ?? '').endsWith('/officeDocument') && attributes.Target) {
        found.part = resolvePart('', attributes.Target);
      }
    },
    close: () => {},
    text: () => {},
  };
  await drain(
    streamXml(zip.read('_rels/.rels', MAX_SMALL_PART_BYTES), handlers, smallPartOptions(fail, 'the package')),
  );
  const part = found.part;
  if (part === null || !zip.has(part) || !part.endsWith('.xml')) throw notWorkbook();
  return part;
}

function smallPartOptions(fail: TableFail, what: string) {
  return {
    maxDepth: MAX_DEPTH,
    maxTextRun: 1024 * 1024,
    fail: (reason: string) => fail(0, '(file)', `not an XLSX workbook (${what}: ${reason})`),
  };
}

async function drain(events: AsyncIterable<void>): Promise<void> {
  for await (const _ of events) {
    // the handlers collect
  }
}

/** A relationship target as a part path; null when it leaves the package. */
function resolvePart(folder: string, target: string): string | null {
  const path = target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.normalize(posix.join(folder, target));
  if (path.startsWith('..') || path.startsWith('/')) return null;
  return path;
}

/** `AB12` → 27 (0-based column); null when it is not a cell reference. */
export function columnOfReference(reference: string): number | null {
  let column = 0;
  let index = 0;
  for (; index < reference.length && index < 4; index++) {
    const code = reference.charCodeAt(index);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  if (index === 0 || index > 3) return null;
  if (!/^\d*$/.test(reference.slice(index))) return null;
  return column - 1;
}

/** 27 → `AB`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
