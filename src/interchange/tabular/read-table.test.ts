import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importFailure } from '../../core/errors/import-failure.js';
import { removeTempFolders, writeTempFolder } from '../csv/test-import-files.js';
import { simpleXlsx, xlsxBomb } from '../zip/test-zip-files.js';
import { readTable, readTableRows } from './read-table.js';
import { SMALL_TABLE_LIMITS, type TableLimits } from './table-limits.js';

afterAll(removeTempFolders);

const fail = (line: number, field: string, reason: string) => importFailure({ file: 'table', line, field }, reason);
const read = (path: string, limits: TableLimits = SMALL_TABLE_LIMITS) =>
  readTableRows(path, { fail, limits, extensions: ['.csv', '.tsv', '.xlsx'] });

async function fileOf(name: string, content: string | Uint8Array): Promise<string> {
  return `${await writeTempFolder({ [name]: content })}/${name}`;
}

async function failure(path: string, limits: TableLimits = SMALL_TABLE_LIMITS): Promise<string> {
  try {
    await read(path, limits);
  } catch (error) {
    expect(error).toMatchObject({ code: 'IMPORT_FAILED' });
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('readTable', () => {
  it('reads CSV with the delimiter of the first line (TSV: tabs) and the line each record starts on', async () => {
    const path = await fileOf('a.csv', '\nname;note\n"Ann";"two\nlines"\nBob;x\n');
    expect(await read(path)).toEqual([
      { line: 2, cells: ['name', 'note'] },
      { line: 3, cells: ['Ann', 'two\nlines'] },
      { line: 5, cells: ['Bob', 'x'] },
    ]);
    const tabs = await fileOf('b.tsv', 'a\tb,c\n1\t2\n');
    expect((await read(tabs)).map((row) => row.cells)).toEqual([
      ['a', 'b,c'],
      ['1', '2'],
    ]);
  });

  it('reads GB18030 text, and names the line of bytes that are not text', async () => {
    const gb = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x61, 0x0a, 0x31, 0x2c, 0x32, 0x0a]); // 中文,a
    expect((await read(await fileOf('gb.csv', gb)))[0]!.cells).toEqual(['中文', 'a']);
    expect(await failure(await fileOf('nul.csv', 'a,b\n1,\u0000\n'))).toBe(
      'table:2:(line): a NUL byte: this is binary data, not a text file',
    );
    expect(await failure(await fileOf('utf16.csv', Buffer.from([0xff, 0xfe, 0x61, 0x00])))).toMatch(/UTF-16/);
  });

  it('bounds rows, columns and cells, naming the line', async () => {
    const limits = { ...SMALL_TABLE_LIMITS, maxRows: 3, maxColumns: 3, maxCellCharacters: 10 };
    expect(await failure(await fileOf('rows.csv', 'a\n1\n2\n3\n'), limits)).toBe('table:4:(row): more than 3 rows');
    expect(await failure(await fileOf('cols.csv', 'a,b,c,d\n'), limits)).toBe(
      'table:1:(row): 4 columns; at most 3 are read',
    );
    expect(await failure(await fileOf('cell.csv', 'a,b\n1,"0123456789x"\n'), limits)).toMatch(
      /^table:2:column 2: 11 characters; at most 10/,
    );
    expect(await failure(await fileOf('quote.csv', 'a,b\n1,"open\n2,3\n'))).toMatch(
      /^table:3:\(row\): a quoted value is never closed/,
    );
    expect(
      await failure(await fileOf('big.csv', 'a\n'.repeat(100)), { ...SMALL_TABLE_LIMITS, maxFileBytes: 100 }),
    ).toBe('table:0:(file): the file is larger than 100 bytes');
    expect(await failure(await fileOf('x.txt', 'a'))).toMatch(/^table:0:\(file\): unknown file type "\.txt"/);
    expect(await failure('/nonexistent/zerodock/a.csv')).toBe('table:0:(file): file not found');
  });

  it('reads the first worksheet of a workbook, and refuses a ZIP bomb or a truncated workbook at once', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('one').addRow(['a', 'b']);
    book.addWorksheet('two').addRow(['c']);
    const path = await fileOf('book.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(await read(path)).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(await read(await fileOf('inline.xlsx', simpleXlsx([['x', '<&>']])))).toEqual([
      { line: 1, cells: ['x', '<&>'] },
    ]);

    const bomb = await fileOf('bomb.xlsx', xlsxBomb(1024 ** 3));
    expect(await failure(bomb)).toMatch(/^table:0:\(file\): workbook refused: the entry "xl\/worksheets\/sheet1\.xml"/);
    const liar = await fileOf('liar.xlsx', xlsxBomb(1024 ** 3, { declaredSize: 100 }));
    expect(await failure(liar)).toMatch(/expands beyond the 100 bytes its header declares/);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    const truncated = await fileOf('cut.xlsx', whole.subarray(0, whole.length - 100));
    expect(await failure(truncated)).toMatch(/^table:0:\(file\): not an XLSX workbook \(/);
  });

  it('streams chunks with the bytes read so far', async () => {
    const lines = ['id,text', ...Array.from({ length: 2500 }, (_, index) => `${index},row ${index}`)];
    const path = await fileOf('many.csv', `${lines.join('\n')}\n`);
    const chunks = [];
    for await (const chunk of readTable(path, { fail, limits: SMALL_TABLE_LIMITS })) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.rows.length)).toEqual([1000, 1000, 501]);
    expect(chunks.at(-1)!.rows.at(-1)).toEqual({ line: 2501, cells: ['2499', 'row 2499'] });
  });
});
