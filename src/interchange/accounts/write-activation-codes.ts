import ExcelJS from 'exceljs';

/** One student's line of an activation-code sheet. */
export interface ActivationCodeRow {
  readonly loginId: string;
  readonly name: string;
  readonly className: string;
  readonly code: string;
  readonly expiresAt: Date;
}

export type ActivationCodeFormat = 'csv' | 'xlsx';

/** The headers in Chinese, as a class teacher hands the sheet out, with the English twin. */
export const ACTIVATION_CODE_HEADERS = ['学号', '姓名', '班级', '激活码', '有效期至'] as const;
export const ACTIVATION_CODE_HEADERS_EN = ['Student number', 'Name', 'Class', 'Code', 'Valid until'] as const;

/**
 * The sheet of activation codes: one row per student (学号, 姓名, 班级, code, expiry in UTC+8, the colleges' time),
 * as XLSX (header bold and frozen, text columns so 学号 keeps its leading zeros) or as CSV (UTF-8 with a byte-order
 * mark, so Excel opens the Chinese correctly; cells quoted, formula-looking cells prefixed with ').
 */
export async function writeActivationCodes(
  rows: readonly ActivationCodeRow[],
  format: ActivationCodeFormat,
): Promise<Buffer> {
  const lines = rows.map((row) => [row.loginId, row.name, row.className, row.code, beijingTime(row.expiresAt)]);
  if (format === 'csv') {
    const text = [[...ACTIVATION_CODE_HEADERS], ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n');
    return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zerodock';
  const sheet = workbook.addWorksheet('激活码');
  sheet.columns = ACTIVATION_CODE_HEADERS.map((header, index) => ({
    header,
    key: String(index),
    width: [16, 12, 20, 16, 20][index] ?? 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `2026-09-04 16:00` in China Standard Time (UTC+8, no daylight saving). */
function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
