import ExcelJS from 'exceljs';

export type RosterTableFormat = 'xlsx' | 'csv';

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). Rosters refuse such cells on
 * import; this guards the export of anything stored before. A phone number (`+86…`) is not one.
 */
export function safeCell(value: string): string {
  return /^[=@\t\r]/.test(value) || /^[+-][^\d]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A roster table (template or export) as XLSX (one worksheet, bold frozen header, every cell text so 学号 keep their
 * leading zeros) or CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese right).
 */
export async function writeRosterTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  format: RosterTableFormat,
  sheetName = '名单',
): Promise<Buffer> {
  if (format === 'csv') {
    const lines = [headers, ...rows].map((row) => row.map((cell) => csvField(safeCell(cell))).join(','));
    return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zerodock';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  sheet.columns.forEach((column, index) => {
    column.numFmt = '@';
    const widest = Math.max(
      ...[headers[index] ?? '', ...rows.slice(0, 200).map((row) => row[index] ?? '')].map((value) =>
        [...value].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
      ),
    );
    column.width = Math.min(40, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
