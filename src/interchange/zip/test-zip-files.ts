import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hand-built ZIP archives for tests, fuzzing and the bench: honest ones, and hostile ones whose headers say what
 * the test wants (declared sizes that lie, duplicate or escaping names, truncation), plus XLSX ZIP bombs built
 * from repeated deflate blocks (no need to hold or compress the gigabytes they expand to).
 */
export interface ZipEntrySpec {
  readonly name: string;
  /** The content, deflated (or stored with `stored`). */
  readonly data?: Buffer | string;
  /** Already-deflated content with its real size and CRC-32 (a bomb). */
  readonly deflated?: { readonly bytes: Buffer; readonly size: number; readonly crc: number };
  readonly stored?: boolean;
  /** What the headers declare as the expanded size (default: the real one). */
  readonly declaredSize?: number;
  /** Sets the encryption flag. */
  readonly encrypted?: boolean;
}

export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let bytes: Buffer;
    let size: number;
    let crc: number;
    if (entry.deflated) {
      ({ bytes, size, crc } = entry.deflated);
    } else {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : (entry.data ?? Buffer.alloc(0));
      bytes = entry.stored ? data : deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    }
    const declared = entry.declaredSize ?? size;
    const flags = 0x0800 | (entry.encrypted ? 1 : 0);
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, bytes);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';
const workbookXml = (sheetName: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
  '</Relationships>';
export const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook around a given sheet part (and shared strings, when given). */
export function xlsxEntries(
  sheet: ZipEntrySpec | string,
  sharedStrings?: string,
  sheetName = 'Sheet1',
): ZipEntrySpec[] {
  const entries: ZipEntrySpec[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: workbookXml(sheetName) },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    typeof sheet === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: sheet } : sheet,
  ];
  if (sharedStrings !== undefined) entries.push({ name: 'xl/sharedStrings.xml', data: sharedStrings });
  return entries;
}

/** A one-sheet workbook of inline-string cells (`rows` of cell texts, XML-escaped here). */
export function simpleXlsx(rows: readonly (readonly string[])[]): Buffer {
  const body = rows
    .map(
      (cells, index) =>
        `<row r="${index + 1}">` +
        cells.map((text) => `<c t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('') +
        '</row>',
    )
    .join('');
  return buildZip(xlsxEntries(SHEET_START + body + SHEET_END));
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (character) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[character]};`);
}

/**
 * A worksheet part that expands to about `expandedBytes` of well-formed XML (an empty row, then white space between
 * the rows, repeated: about 1000× smaller deflated, like the bomb of issue 14, 3 MB to 3 GB), from copies of one
 * deflate block: a full flush makes every copy byte-aligned and independent. With `declaredSize` the headers lie
 * about the expanded size.
 */
export function bombSheet(expandedBytes: number, declaredSize?: number): ZipEntrySpec {
  const { head, unit, tail, headBlock, unitBlock, tailBlock } = bombBlocks();
  const repeat = Math.max(1, Math.round(expandedBytes / unit.length));
  let crc = crc32(head);
  for (let index = 0; index < repeat; index++) crc = crc32(unit, crc);
  crc = crc32(tail, crc);
  const blocks: Buffer[] = [headBlock];
  for (let index = 0; index < repeat; index++) blocks.push(unitBlock);
  blocks.push(tailBlock);
  const size = head.length + unit.length * repeat + tail.length;
  return {
    name: 'xl/worksheets/sheet1.xml',
    deflated: { bytes: Buffer.concat(blocks), size, crc },
    ...(declaredSize !== undefined ? { declaredSize } : {}),
  };
}

let blocks: Record<'head' | 'unit' | 'tail' | 'headBlock' | 'unitBlock' | 'tailBlock', Buffer> | null = null;

function bombBlocks() {
  if (blocks) return blocks;
  // Rows without cells: a reader finds no content (and so no header to complain about) and keeps inflating.
  const row = '<row r="2"></row>';
  const unit = Buffer.from((row + ' '.repeat(1024 * 1024 - row.length)).repeat(4), 'utf8');
  const head = Buffer.from(SHEET_START, 'utf8');
  const tail = Buffer.from(SHEET_END, 'utf8');
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  blocks = {
    head,
    unit,
    tail,
    headBlock: deflateRawSync(head, flush),
    unitBlock: deflateRawSync(unit, flush),
    tailBlock: deflateRawSync(tail), // the final block
  };
  return blocks;
}

/**
 * An XLSX ZIP bomb: a valid workbook whose one sheet (named `sheetName`, default `Competencies`, which the taxonomy
 * workbook reader reads too) expands to about `expandedBytes`.
 */
export function xlsxBomb(expandedBytes: number, options: { declaredSize?: number; sheetName?: string } = {}): Buffer {
  return buildZip(
    xlsxEntries(bombSheet(expandedBytes, options.declaredSize), undefined, options.sheetName ?? 'Competencies'),
  );
}
