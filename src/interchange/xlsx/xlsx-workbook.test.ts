import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFailure } from '../../core/errors/import-failure.js';
import { SMALL_TABLE_LIMITS, type TableLimits, type TableRow } from '../tabular/table-limits.js';
import { buildZip, SHEET_END, SHEET_START, xlsxEntries } from '../zip/test-zip-files.js';
import { columnLetters, columnOfReference, XlsxWorkbook } from './xlsx-workbook.js';

const fail = (line: number, field: string, reason: string) => importFailure({ file: 'book.xlsx', line, field }, reason);

async function rowsOf(source: Buffer, limits: TableLimits = SMALL_TABLE_LIMITS, sheetName?: string) {
  const workbook = await XlsxWorkbook.open(source, { limits, fail });
  try {
    const sheet = sheetName === undefined ? workbook.sheets[0]! : workbook.sheet(sheetName)!;
    const rows: TableRow[] = [];
    for await (const chunk of workbook.rows(sheet)) rows.push(...chunk.rows);
    return rows;
  } finally {
    workbook.close();
  }
}

async function failureOf(source: Buffer, limits: TableLimits = SMALL_TABLE_LIMITS): Promise<Error> {
  try {
    await rowsOf(source, limits);
  } catch (error) {
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', details: { file: 'book.xlsx' } });
    return error as Error;
  }
  throw new Error('expected the workbook to fail');
}

const sheet = (body: string) => buildZip(xlsxEntries(SHEET_START + body + SHEET_END));

describe('XlsxWorkbook', () => {
  it('reads what exceljs writes: shared strings, numbers, booleans, dates, rich text, formulas, links', async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet('岗位');
    first.addRow(['编号', '标题', '日期', '是否', '公式']);
    first.addRow([101, '云运维\r\n工程师', new Date(Date.UTC(2024, 2, 5)), true, { formula: 'A2*2', result: 202 }]);
    first.addRow([]);
    first.addRow([
      1.5,
      { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] },
      new Date(Date.UTC(2024, 2, 5, 8, 30)),
      false,
      { text: 'Zerodock', hyperlink: 'https://example.org' },
    ]);
    const second = book.addWorksheet('Other');
    second.getCell('C3').value = 'far';
    const buffer = Buffer.from(await book.xlsx.writeBuffer());

    const rows = await rowsOf(buffer);
    expect(rows).toEqual([
      { line: 1, cells: ['编号', '标题', '日期', '是否', '公式'] },
      { line: 2, cells: ['101', '云运维\n工程师', '2024-03-05', 'true', '202'], numeric: new Set([0, 4]) },
      { line: 4, cells: ['1.5', '富文本', '2024-03-05T08:30:00', 'false', 'Zerodock'], numeric: new Set([0]) },
    ]);
    expect(await rowsOf(buffer, SMALL_TABLE_LIMITS, 'other')).toEqual([{ line: 3, cells: ['', '', 'far'] }]);
  });

  it('leaves phonetic runs out of shared strings, and reads inline strings and cells without references', async () => {
    const shared =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>東京</t></r>' +
      '<rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t xml:space="preserve"> a b </t></si></sst>';
    const zip = buildZip(
      xlsxEntries(
        SHEET_START +
          '<row r="3"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>in</t><r><t>line</t></r></is></c>' +
          '<c t="str"><f>A1</f><v>cached</v></c><c t="e"><v>#N/A</v></c></row>' +
          SHEET_END,
        shared,
      ),
    );
    expect(await rowsOf(zip)).toEqual([{ line: 3, cells: ['東京', ' a b ', 'inline', 'cached', '#N/A'] }]);
  });

  it('names the cell, row or part of every problem', async () => {
    const outOfRange = await failureOf(sheet('<row r="2"><c r="B2" t="s"><v>7</v></c></row>'));
    expect(outOfRange.message).toBe('book.xlsx:2:Sheet1!B: shared string 7 does not exist (0 in all)');
    const notNumber = await failureOf(sheet('<row r="5"><c r="C5"><v>abc</v></c></row>'));
    expect(notNumber.message).toBe('book.xlsx:5:Sheet1!C: "abc" is not a number');
    const long = await failureOf(
      sheet(`<row r="4"><c r="A4" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`),
    );
    expect(long.message).toMatch(/^book\.xlsx:4:Sheet1!A: more than 32767 characters/);
    const wide = await failureOf(sheet('<row r="1"><c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row>'));
    expect(wide.message).toBe('book.xlsx:1:Sheet1!XFD: a value in column 16384; at most 256 columns are read');
    const rows = Array.from(
      { length: 5 },
      (_, index) => `<row r="${index + 1}"><c t="inlineStr"><is><t>r</t></is></c></row>`,
    );
    const tall = await failureOf(sheet(rows.join('')), { ...SMALL_TABLE_LIMITS, maxRows: 4 });
    expect(tall.message).toBe('book.xlsx:5:Sheet1!(row): more than 4 rows');
    const badReference = await failureOf(sheet('<row r="1"><c r="A-1"><v>1</v></c></row>'));
    expect(badReference.message).toMatch(/^book\.xlsx:1:Sheet1!\(cell\): "A-1" is not a cell reference/);
    const badRow = await failureOf(sheet('<row r="0"><c><v>1</v></c></row>'));
    expect(badRow.message).toMatch(/^book\.xlsx:0:\(file\): the worksheet "Sheet1": the row number "0"/);
  });

  it('refuses XML that is not well-formed, nested too deep, or that declares entities', async () => {
    expect((await failureOf(sheet('<row r="1"><c><v>1</v></row>'))).message).toMatch(
      /^book\.xlsx:0:\(file\): the worksheet "Sheet1": not well-formed XML/,
    );
    expect((await failureOf(sheet('<x>'.repeat(100) + '</x>'.repeat(100)))).message).toMatch(
      /nested more than 64 deep/,
    );
    const entities = buildZip(
      xlsxEntries(
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' +
          '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&b;&b;</t></is></c></row></sheetData></worksheet>',
      ),
    );
    expect((await failureOf(entities)).message).toMatch(/not well-formed XML/);
    const nul = sheet('<row r="1"><c t="inlineStr"><is><t>a\u0000b</t></is></c></row>');
    expect((await failureOf(nul)).message).toMatch(/not well-formed XML/);
    const latin1 = Buffer.from(
      `${SHEET_START}<row r="1"><c t="inlineStr"><is><t>caf\u00e9</t></is></c></row>${SHEET_END}`,
      'latin1',
    );
    const notUtf8 = buildZip(xlsxEntries({ name: 'xl/worksheets/sheet1.xml', data: latin1 }));
    expect((await failureOf(notUtf8)).message).toMatch(/the worksheet "Sheet1": the XML is not UTF-8/);
  });

  it('fails promptly, naming the file, on a truncated workbook and on a ZIP without a workbook', async () => {
    const book = new ExcelJS.Workbook();
    const data = book.addWorksheet('data');
    for (let row = 0; row < 500; row++) data.addRow([row, `text ${row}`, row * 2.5]);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
      const error = await failureOf(whole.subarray(0, Math.floor(whole.length * fraction)));
      expect(error.message).toMatch(/^book\.xlsx:0:\(file\): not an XLSX workbook \(/);
    }
    const docx = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect((await failureOf(docx)).message).toMatch(/a ZIP archive without a workbook part/);
  });

  it('converts cell references and column letters', () => {
    expect(columnOfReference('A1')).toBe(0);
    expect(columnOfReference('ab12')).toBe(27);
    expect(columnOfReference('XFD1048576')).toBe(16383);
    expect(columnOfReference('ABCD1')).toBeNull();
    expect(columnOfReference('12')).toBeNull();
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(27)).toBe('AB');
    expect(columnLetters(16383)).toBe('XFD');
  });
});
