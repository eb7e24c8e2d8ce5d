import ExcelJS from 'exceljs';
import {
  APPENDIX_NOT_RECORDED,
  appendixTable,
  chineseNumeral,
  type TrainingPlanDocument,
} from './training-plan-document.js';

/**
 * The plan as a workbook: a 方案 sheet with every section's text, then one sheet per generated table (职业面向,
 * 课程设置, 教学进程表…), header row bold and frozen, columns sized to their content, and a 附录 sheet of the rules
 * checked (the worksheet prints landscape where the table is marked so).
 */
export async function writeTrainingPlanXlsx(document: TrainingPlanDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zerodock';
  const text = workbook.addWorksheet('方案');
  text.columns = [
    { header: '章节', key: 'section', width: 24 },
    { header: '内容', key: 'text', width: 100 },
  ];
  text.getRow(1).font = { bold: true };
  text.addRow({ section: document.titleZh, text: `${document.college}\u3000${document.versionLine}` });
  document.sections.forEach((section, index) => {
    const row = text.addRow({ section: `${chineseNumeral(index + 1)}、${section.titleZh}`, text: section.text });
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  const used = new Set(['方案']);
  const appendix =
    document.rules === undefined
      ? []
      : document.rules === null
        ? [{ captionZh: '附录 规则核验', columns: [{ zh: '说明', en: '' }], rows: [[APPENDIX_NOT_RECORDED]] }]
        : [
            (({ columns, rows }) => ({
              captionZh: '附录 规则核验',
              columns: columns.map((zh) => ({ zh, en: '' })),
              rows,
            }))(appendixTable(document.rules)),
          ];
  for (const tables of [...document.sections.map((section) => section.tables), appendix]) {
    for (const table of tables as {
      captionZh: string;
      columns: { zh: string }[];
      rows: string[][];
      landscape?: boolean;
    }[]) {
      let name = table.captionZh.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || '表';
      for (let n = 2; used.has(name); n += 1) name = `${name.slice(0, 25)} ${n}`;
      used.add(name);
      const sheet = workbook.addWorksheet(name, {
        views: [{ state: 'frozen', ySplit: 1 }],
        pageSetup: { paperSize: 9, orientation: table.landscape ? 'landscape' : 'portrait' },
      });
      sheet.addRow(table.columns.map((column) => column.zh)).font = { bold: true };
      for (const row of table.rows) sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
      sheet.columns.forEach((column, index) => {
        const longest = Math.max(
          ...[table.columns[index]!.zh, ...table.rows.map((row) => row[index] ?? '')].map((value) =>
            [...value].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
          ),
        );
        column.width = Math.min(60, Math.max(8, longest + 2));
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
