import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeActivationCodes } from './write-activation-codes.js';

const rows = [
  {
    loginId: '0250101',
    name: '张三',
    className: '软件2501',
    code: '7KQ4M-2XH9B',
    expiresAt: new Date('2026-09-04T08:00:00Z'),
  },
  {
    loginId: '0250102',
    name: '=HYPERLINK("x")',
    className: '软件2501',
    code: 'AAAAA-BBBBB',
    expiresAt: new Date('2026-09-04T08:00:00Z'),
  },
];

describe('writeActivationCodes', () => {
  it('writes CSV with a byte-order mark, quoted cells, Beijing time, and no formula a spreadsheet would run', async () => {
    const text = (await writeActivationCodes(rows, 'csv')).toString('utf8');
    expect(text.startsWith('\uFEFF"学号","姓名","班级","激活码","有效期至"\r\n')).toBe(true);
    expect(text).toContain('"0250101","张三","软件2501","7KQ4M-2XH9B","2026-09-04 16:00"');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes XLSX with the 学号 as text (leading zeros kept)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeActivationCodes(rows, 'xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('激活码');
    expect(sheet.getRow(2).getCell(1).value).toBe('0250101');
    expect(sheet.getRow(2).getCell(4).value).toBe('7KQ4M-2XH9B');
    expect(sheet.rowCount).toBe(3);
  });
});
