import fc from 'fast-check';
import { isDomainError } from '../core/errors/domain-error.js';
import {
  buildZip,
  bombSheet,
  escapeXml,
  SHEET_END,
  SHEET_START,
  xlsxEntries,
  type ZipEntrySpec,
} from './zip/test-zip-files.js';

/**
 * fast-check generators of hostile import files — CSV, XLSX, JSON Lines and CASE JSON — for the fuzz suites (reader
 * level, upload routes) and the bench: text that is not text, broken quotes, giant cells, formula-looking cells,
 * bad encodings and NULs; valid ZIPs with bad XML, truncated or flipped archives, small ZIP bombs (and headers
 * that lie about them), huge declared sizes, thousands of entries, escaping names, deep nesting, entity
 * declarations, shared-string indexes out of range; JSON that is not JSON or not the schema.
 */
export interface HostileFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** What the generator did (shown when a case fails). */
  readonly kind: string;
}

const SPECIAL_CELLS = [
  '"',
  '""',
  '"a',
  'a"b',
  '\r',
  '\n',
  '\u0000',
  ',',
  ';',
  '\t',
  '=SUM(A1:A9)',
  "=cmd|'/c calc'!A0",
  '@SUM(1)',
  '+1',
  '-1',
  '2024-13-45',
  '2024-02-30',
  '45356',
  '1e309',
  'NaN',
  '\uFEFF',
  '\uD800',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '岗位',
  '100000000',
];

const cellText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_CELLS) },
    // Just past Excel's 32,767 characters per cell (a small import's limit).
    { weight: 1, arbitrary: fc.integer({ min: 32_000, max: 34_000 }).map((length) => 'x'.repeat(length)) },
  );

const rowsOf = (header: readonly string[]) =>
  fc.record({
    withHeader: fc.boolean(),
    rows: fc.array(
      fc.oneof(
        { weight: 5, arbitrary: fc.array(cellText(20), { minLength: header.length, maxLength: header.length + 2 }) },
        { weight: 1, arbitrary: fc.array(cellText(20), { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.integer({ min: 257, max: 1200 }).map((count) => Array<string>(count).fill('c')) },
      ),
      { maxLength: 8 },
    ),
  });

function quoteCsv(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows an importer accepts (`valid`), as they are or with one cell replaced by a hostile one: files that get past
 * the header into the records, and some all the way into the database.
 */
const nearlyValidRows = (valid: fc.Arbitrary<string[][]>) =>
  fc
    .record({
      rows: valid,
      spoil: fc.option(fc.record({ row: fc.nat(), column: fc.nat(), text: cellText(20) }), { freq: 2 }),
    })
    .map(({ rows, spoil }) => {
      if (spoil && rows.length > 0) {
        const row = rows[spoil.row % rows.length]!;
        row[spoil.column % row.length] = spoil.text;
      }
      return rows;
    });

/**
 * CSV (or TSV) files meant for an importer whose header is `header`; with `validRows`, half of them are
 * nearly valid (accepted rows, one cell perhaps spoiled).
 */
export function hostileCsv(
  header: readonly string[],
  extension = '.csv',
  validRows?: fc.Arbitrary<string[][]>,
): fc.Arbitrary<HostileFile> {
  const hostile = hostileCsvTable(header, extension);
  if (!validRows) return hostile;
  const nearlyValid = nearlyValidRows(validRows).map((rows) => {
    const lines = [header, ...rows].map((cells) => cells.map((cell) => quoteCsv(cell, ',')).join(','));
    return {
      name: `hostile${extension}`,
      bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
      kind: 'csv(nearly valid)',
    };
  });
  return fc.oneof(hostile, nearlyValid);
}

function hostileCsvTable(header: readonly string[], extension: string): fc.Arbitrary<HostileFile> {
  return fc
    .record({
      table: rowsOf(header),
      delimiter: fc.constantFrom(',', '\t', ';'),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
      quote: fc.boolean(),
      prefix: fc.constantFrom<Buffer>(
        Buffer.alloc(0),
        Buffer.alloc(0),
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from([0xff, 0xfe]),
        Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]), // GB18030 中文
      ),
      garbage: fc.option(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) })),
    })
    .map(({ table, delimiter, newline, quote, prefix, garbage }) => {
      const lines = (table.withHeader ? [header, ...table.rows] : table.rows).map((cells) =>
        cells.map((cell) => (quote ? quoteCsv(cell, delimiter) : cell)).join(delimiter),
      );
      let bytes = Buffer.concat([prefix, Buffer.from(lines.join(newline) + newline, 'utf8')]);
      if (garbage) {
        const at = garbage.at % (bytes.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(garbage.bytes), bytes.subarray(at)]);
      }
      return { name: `hostile${extension}`, bytes, kind: `csv(${lines.length} lines, quote=${quote})` };
    });
}

interface CellSpec {
  readonly type: string | undefined;
  readonly value: string;
  readonly reference: string | undefined;
  readonly style: number | undefined;
}

const cellSpec: fc.Arbitrary<CellSpec> = fc.record({
  type: fc.constantFrom(undefined, 's', 'inlineStr', 'n', 'b', 'e', 'str', 'd', 'zz'),
  value: cellText(20),
  reference: fc.constantFrom(undefined, undefined, 'A1', 'B7', 'ZZZZ1', 'A0', '1A', 'XFD1', '', 'a1'),
  style: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
});

function cellXml(cell: CellSpec): string {
  const attributes =
    (cell.reference === undefined ? '' : ` r="${escapeXml(cell.reference)}"`) +
    (cell.type === undefined ? '' : ` t="${cell.type}"`) +
    (cell.style === undefined ? '' : ` s="${cell.style}"`);
  const value = escapeXml(cell.value.replace(/[\uD800-\uDFFF]/g, '?'));
  if (cell.type === 'inlineStr') return `<c${attributes}><is><t>${value}</t></is></c>`;
  if (cell.type === 'str') return `<c${attributes}><f>SUM(A1:A2)</f><v>${value}</v></c>`;
  return `<c${attributes}><v>${value}</v></c>`;
}

const sheetXml = (header: readonly string[]) =>
  fc
    .record({
      withHeader: fc.boolean(),
      rows: fc.array(fc.array(cellSpec, { maxLength: 8 }), { maxLength: 8 }),
      rowNumber: fc.constantFrom(undefined, 'auto', '0', '-1', '99999999', 'x', '1048576'),
    })
    .map(({ withHeader, rows, rowNumber }) => {
      const head = withHeader
        ? `<row r="1">${header.map((name) => `<c t="inlineStr"><is><t>${escapeXml(name)}</t></is></c>`).join('')}</row>`
        : '';
      const body = rows
        .map((cells, index) => {
          const number = rowNumber === 'auto' || rowNumber === undefined ? String(index + 2) : rowNumber;
          const r = rowNumber === undefined && index % 2 === 1 ? '' : ` r="${number}"`;
          return `<row${r}>${cells.map(cellXml).join('')}</row>`;
        })
        .join('');
      return SHEET_START + head + body + SHEET_END;
    });

const sharedStrings = fc
  .array(cellText(12), { maxLength: 5 })
  .map(
    (strings) =>
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      strings.map((text) => `<si><t>${escapeXml(text.replace(/[\uD800-\uDFFF]/g, '?'))}</t></si>`).join('') +
      '</sst>',
  );

type Mutation =
  | { kind: 'none' }
  | { kind: 'truncate'; fraction: number }
  | { kind: 'flip'; at: number[]; value: number }
  | { kind: 'random-xml'; text: string }
  | { kind: 'deep'; depth: number }
  | { kind: 'entities' }
  | { kind: 'nul' }
  | { kind: 'bomb'; megabytes: number; lie: boolean }
  | { kind: 'declared'; size: number }
  | { kind: 'entries'; count: number }
  | { kind: 'duplicate' }
  | { kind: 'escape'; name: string }
  | { kind: 'no-workbook' }
  | { kind: 'encrypted' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  {
    weight: 3,
    arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((fraction): Mutation => ({ kind: 'truncate', fraction })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ at: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value: fc.integer({ min: 0, max: 255 }) })
      .map(({ at, value }): Mutation => ({ kind: 'flip', at, value })),
  },
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }).map((text): Mutation => ({ kind: 'random-xml', text })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 5000 }).map((depth): Mutation => ({ kind: 'deep', depth })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'entities' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'nul' }) },
  {
    weight: 2,
    arbitrary: fc
      .record({ megabytes: fc.integer({ min: 2, max: 24 }), lie: fc.boolean() })
      .map(({ megabytes, lie }): Mutation => ({ kind: 'bomb', megabytes, lie })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 300_000_000, max: 0xffffffff }).map((size): Mutation => ({ kind: 'declared', size })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1001, max: 2500 }).map((count): Mutation => ({ kind: 'entries', count })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'duplicate' }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('../evil.xml', '/etc/passwd', 'C:/x.xml', 'xl\\worksheets\\sheet1.xml', 'xl/../../x')
      .map((name): Mutation => ({ kind: 'escape', name })),
  },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'no-workbook' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'encrypted' }) },
);

/** Builds the workbook for one mutation of a sheet (and shared strings). */
export function mutatedWorkbook(sheet: string, strings: string | undefined, change: Mutation): Buffer {
  const sheetEntry = (data: string | Buffer): ZipEntrySpec => ({ name: 'xl/worksheets/sheet1.xml', data });
  switch (change.kind) {
    case 'none':
      return buildZip(xlsxEntries(sheet, strings));
    case 'truncate': {
      const whole = buildZip(xlsxEntries(sheet, strings));
      return whole.subarray(0, Math.floor(whole.length * change.fraction));
    }
    case 'flip': {
      const bytes = Buffer.from(buildZip(xlsxEntries(sheet, strings)));
      for (const at of change.at) bytes[at % bytes.length] = change.value;
      return bytes;
    }
    case 'random-xml':
      return buildZip(xlsxEntries(sheetEntry(change.text), strings));
    case 'deep':
      return buildZip(xlsxEntries(SHEET_START + '<x>'.repeat(change.depth) + '</x>'.repeat(change.depth) + SHEET_END));
    case 'entities':
      return buildZip(
        xlsxEntries(
          '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
            '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&b;&b;&b;</t></is></c></row></sheetData></worksheet>',
        ),
      );
    case 'nul':
      return buildZip(xlsxEntries(sheet.replace('<sheetData>', '<sheetData>\u0000'), strings));
    case 'bomb':
      return buildZip(xlsxEntries(bombSheet(change.megabytes * 1024 * 1024, change.lie ? 4096 : undefined), strings));
    case 'declared':
      return buildZip(
        xlsxEntries({ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: change.size }, strings),
      );
    case 'entries': {
      const extra = Array.from({ length: change.count }, (_, index) => ({ name: `xl/media/${index}.bin`, data: '' }));
      return buildZip([...xlsxEntries(sheet, strings), ...extra]);
    }
    case 'duplicate':
      return buildZip([...xlsxEntries(sheet, strings), sheetEntry(sheet)]);
    case 'escape':
      return buildZip([...xlsxEntries(sheet, strings), { name: change.name, data: sheet }]);
    case 'no-workbook':
      return buildZip(xlsxEntries(sheet, strings).filter((entry) => entry.name !== 'xl/workbook.xml'));
    case 'encrypted':
      return buildZip([
        ...xlsxEntries(sheet, strings).filter((entry) => entry.name !== 'xl/worksheets/sheet1.xml'),
        { name: 'xl/worksheets/sheet1.xml', data: sheet, encrypted: true },
      ]);
  }
}

/**
 * XLSX workbooks meant for an importer whose header is `header`; with `validRows`, a third of them are nearly
 * valid (accepted rows as inline strings, one cell perhaps spoiled).
 */
export function hostileXlsx(
  header: readonly string[],
  validRows?: fc.Arbitrary<string[][]>,
): fc.Arbitrary<HostileFile> {
  const hostile = fc
    .record({ sheet: sheetXml(header), strings: fc.option(sharedStrings, { nil: undefined }), change: mutation })
    .map(({ sheet, strings, change }) => ({
      name: 'hostile.xlsx',
      bytes: mutatedWorkbook(sheet, strings, change),
      kind: `xlsx(${change.kind})`,
    }));
  if (!validRows) return hostile;
  const inline = (text: string) =>
    `<c t="inlineStr"><is><t>${escapeXml(text.replace(/[\uD800-\uDFFF]/g, '?'))}</t></is></c>`;
  const nearlyValid = nearlyValidRows(validRows).map((rows) => {
    const body = [header, ...rows].map((cells, index) => `<row r="${index + 1}">${cells.map(inline).join('')}</row>`);
    return {
      name: 'hostile.xlsx',
      bytes: buildZip(xlsxEntries(SHEET_START + body.join('') + SHEET_END)),
      kind: 'xlsx(nearly valid)',
    };
  });
  return fc.oneof({ weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: nearlyValid });
}

/** Mutations of a real workbook (`base`, e.g. a taxonomy workbook exceljs wrote): truncated, bytes flipped. */
export function hostileWorkbookBytes(base: Buffer): fc.Arbitrary<HostileFile> {
  return fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => ({
      name: 'hostile.xlsx',
      bytes: base.subarray(0, Math.floor(base.length * fraction)),
      kind: `truncated at ${fraction.toFixed(3)}`,
    })),
    fc
      .record({ at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), value: fc.integer({ min: 0, max: 255 }) })
      .map(({ at, value }) => {
        const bytes = Buffer.from(base);
        for (const offset of at) bytes[offset % bytes.length] = value;
        return { name: 'hostile.xlsx', bytes, kind: 'flipped bytes' };
      }),
  );
}

const jsonScalar = fc.oneof(
  cellText(20),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

/** JSON Lines files of postings: objects with hostile values, lines that are not JSON or not objects. */
export function hostileJsonLines(): fc.Arbitrary<HostileFile> {
  const posting = fc.record({
    id: jsonScalar,
    title: jsonScalar,
    text: jsonScalar,
    enterprise: jsonScalar,
    date: fc.oneof(jsonScalar, fc.constantFrom('2024-03-05', '2024/3/5', '2024年3月5日', '1899-12-31')),
  });
  const line = fc.oneof(
    { weight: 5, arbitrary: posting.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    },
    { weight: 1, arbitrary: fc.constantFrom('{"id":', '\u0000', '{"id":"1"}\u0000', '') },
  );
  return fc.array(line, { maxLength: 8 }).map((lines) => ({
    name: 'hostile.jsonl',
    bytes: Buffer.from(lines.join('\n'), 'utf8'),
    kind: `jsonl(${lines.length} lines)`,
  }));
}

/** CASE packages: the valid `base` with values replaced, keys dropped or the text cut, and JSON that is none. */
export function hostileCasePackage(base: Record<string, unknown>): fc.Arbitrary<HostileFile> {
  const text = JSON.stringify(base, null, 2);
  const mutated = fc
    .record({
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)),
    })
    .map(({ path, value }) => {
      const copy = JSON.parse(text) as unknown;
      let node: unknown = copy;
      for (let depth = 0; depth < path.length; depth++) {
        if (typeof node !== 'object' || node === null) break;
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = keys[path[depth]! % keys.length]!;
        if (depth === path.length - 1 || typeof (node as Record<string, unknown>)[key] !== 'object') {
          if (value === undefined) delete (node as Record<string, unknown>)[key];
          else (node as Record<string, unknown>)[key] = value;
          break;
        }
        node = (node as Record<string, unknown>)[key];
      }
      return JSON.stringify(copy);
    });
  return fc
    .oneof(
      { weight: 6, arbitrary: mutated },
      {
        weight: 1,
        arbitrary: fc
          .double({ min: 0, max: 1, noNaN: true })
          .map((fraction) => text.slice(0, Math.floor(text.length * fraction))),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      },
    )
    .map((json) => ({ name: 'hostile.json', bytes: Buffer.from(json, 'utf8'), kind: 'case' }));
}

/**
 * What every importer must do with a hostile file: succeed, or fail with `IMPORT_FAILED` naming the file, a line
 * (0 for the whole file) and a field — nothing else (no other error, which the API would turn into a 500). Returns
 * what is wrong with `outcome`, or null.
 */
export function importOutcomeProblem(outcome: unknown, file: string): string | null {
  if (outcome === 'ok') return null;
  if (!isDomainError(outcome) || outcome.code !== 'IMPORT_FAILED') {
    return `expected IMPORT_FAILED, got ${outcome instanceof Error ? (outcome.stack ?? outcome.message) : String(outcome)}`;
  }
  const { file: named, line, field } = outcome.details as { file: unknown; line: unknown; field: unknown };
  if (named !== file) return `the error names the file ${String(named)}, not ${file}`;
  if (!Number.isInteger(line) || (line as number) < 0) return `the error's line is ${String(line)}`;
  if (typeof field !== 'string' || field === '') return `the error's field is ${String(field)}`;
  if (!outcome.message.startsWith(`${file}:${String(line)}:${field}: `)) return `the message is ${outcome.message}`;
  return null;
}

/** Settles `work` as 'ok' or its error, failing the case when it runs past `deadlineMs` (a hang). */
export async function settleWithin(work: () => Promise<unknown>, deadlineMs: number, kind: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${kind}: no answer within ${deadlineMs} ms (a hang)`)), deadlineMs);
  });
  try {
    return await Promise.race([
      work().then(
        () => 'ok',
        (error: unknown) => error,
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
