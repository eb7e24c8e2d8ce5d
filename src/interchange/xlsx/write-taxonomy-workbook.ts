import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import type { Competency, TaxonomyBundle } from '../../core/taxonomy/taxonomy-bundle.js';
import {
  columnHeader,
  LIST_SEPARATOR,
  NO,
  SHEET_LAYOUTS,
  sheetName,
  YES,
  type SheetLayout,
} from './taxonomy-workbook-layout.js';

type Row = Record<string, string | number | null>;

/** exceljs 4.4 has `worksheet.dataValidations.add(range, rule)` at run time but leaves it out of its typings. */
interface WorksheetValidations {
  dataValidations: { add(range: string, rule: DataValidation): void };
}

/** Validations cover this many rows below the data, so rows people add are checked too. */
const SPARE_ROWS = 1000;

/**
 * The framework version as an XLSX workbook for hand editing (layout in `taxonomy-workbook-layout.ts`):
 * a 说明 README sheet, then Framework, Levels, Competencies, Posts, Scenes and Requirements, each with a frozen
 * bilingual header row, column widths, filters and drop-down lists / number checks where Excel supports them.
 * Reference occupations, occupation links and specialties are not part of the workbook.
 */
export async function writeTaxonomyWorkbook(bundle: TaxonomyBundle): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zerodock';
  writeReadme(workbook);

  const rows: Record<SheetLayout['key'], Row[]> = {
    Framework: [
      {
        key: bundle.framework.key,
        label: bundle.framework.label,
        titleZh: bundle.framework.titleZh,
        titleEn: bundle.framework.titleEn,
        releaseNotes: bundle.framework.releaseNotes,
      },
    ],
    Levels: bundle.levels.map((level) => ({ ...level })),
    Competencies: bundle.competencies.map((competency) => competencyRow(competency, bundle)),
    Posts: bundle.posts.map((post) => ({
      id: post.id,
      titleZh: post.titleZh,
      titleEn: post.titleEn,
      aliasesZh: list(post.aliasesZh),
      aliasesEn: list(post.aliasesEn),
      category: post.category,
      subSectorZh: post.subSectorZh,
      subSectorEn: post.subSectorEn,
      descriptionZh: post.descriptionZh,
      descriptionEn: post.descriptionEn,
      escoOccupations: list(post.references.escoOccupations),
      isco: list(post.references.isco),
      onetSoc: list(post.references.onetSoc),
      cn2022: list(post.references.cn2022),
    })),
    Scenes: bundle.posts.flatMap((post) =>
      post.scenes.map((scene, index) => ({
        postId: post.id,
        order: index + 1,
        nameZh: scene.nameZh,
        nameEn: scene.nameEn,
        descriptionZh: scene.descriptionZh,
        descriptionEn: scene.descriptionEn,
        tasksZh: scene.tasksZh.join('\n'),
        tasksEn: scene.tasksEn.join('\n'),
      })),
    ),
    Requirements: bundle.requirements.map((requirement) => ({
      postId: requirement.postId,
      competencyId: requirement.competencyId,
      essential: requirement.essential ? YES : NO,
      weight: requirement.weight,
      level: requirement.level,
    })),
  };
  for (const layout of SHEET_LAYOUTS) writeSheet(workbook, layout, rows[layout.key]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function list(values: readonly string[]): string | null {
  return values.length > 0 ? values.join(LIST_SEPARATOR) : null;
}

function competencyRow(competency: Competency, bundle: TaxonomyBundle): Row {
  const targets = (kind: 'broader' | 'related') =>
    list(
      bundle.relations
        .filter((relation) => relation.fromId === competency.id && relation.kind === kind)
        .map((relation) => relation.toId),
    );
  return {
    id: competency.id,
    type: competency.type,
    dimension: competency.dimension,
    isGroup: competency.isGroup ? YES : NO,
    labelZh: competency.labelZh,
    labelEn: competency.labelEn,
    aliasesZh: list(competency.aliasesZh),
    aliasesEn: list(competency.aliasesEn),
    descriptionZh: competency.descriptionZh,
    descriptionEn: competency.descriptionEn,
    escoUri: competency.escoUri,
    onetElementId: competency.onetElementId,
    xStandardCode: competency.xStandardCode,
    caseGuid: competency.caseGuid,
    broader: targets('broader'),
    related: targets('related'),
    previousIds: list(competency.previousIds),
  };
}

function styleHeader(sheet: Worksheet, columnCount: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (let column = 1; column <= columnCount; column++) {
    header.getCell(column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  }
}

function writeSheet(workbook: ExcelJS.Workbook, layout: SheetLayout, rows: Row[]): void {
  const sheet = workbook.addWorksheet(sheetName(layout), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: layout.freezeFirstColumn ? 1 : 0 }],
  });
  sheet.columns = layout.columns.map((column) => ({
    header: columnHeader(column),
    key: column.key,
    width: column.width,
    style: {
      ...(column.text ? { numFmt: '@' } : {}),
      ...(column.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    },
  }));
  for (const row of rows) sheet.addRow(row);
  styleHeader(sheet, layout.columns.length);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.columns.length } };

  const validations = (sheet as unknown as WorksheetValidations).dataValidations;
  const lastRow = rows.length + 1 + SPARE_ROWS;
  layout.columns.forEach((column, index) => {
    const letter = sheet.getColumn(index + 1).letter;
    const range = `${letter}2:${letter}${lastRow}`;
    if (column.list) {
      validations.add(range, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${column.list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '无效的值 Invalid value',
        error: `请选择 Choose one of: ${column.list.join(', ')}`,
      });
    } else if (column.number) {
      const { whole, min, max } = column.number;
      validations.add(range, {
        type: whole ? 'whole' : 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorTitle: '无效的数字 Invalid number',
        error: `${whole ? '整数' : '数值'} ${min}–${max}`,
      });
    }
  });
}

function writeReadme(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('说明 README', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '工作表 Sheet', key: 'sheet', width: 24 },
    { header: '内容 Contents', key: 'zh', width: 70, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { header: 'Contents (English)', key: 'en', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  for (const layout of SHEET_LAYOUTS)
    sheet.addRow({ sheet: sheetName(layout), zh: layout.aboutZh, en: layout.aboutEn });
  sheet.addRow({});
  const notes: [string, string][] = [
    [
      '表头为“中文 英文键”，导入时按空格后的英文键识别列，可调整列顺序或增加自己的列。',
      'Headers read "中文 key": columns are matched by the key after the space, so they may be reordered or added to.',
    ],
    [
      `别名、编号列表与参考职业编码用分号（${LIST_SEPARATOR.trim()}）分隔；工作任务每行一项。`,
      `Aliases, id lists and reference codes are separated by "${LIST_SEPARATOR.trim()}"; tasks go one per line.`,
    ],
    [
      `是否类的列填“${YES}”或“${NO}”（也接受 yes/no、true/false）；权重取 0–1；等级须出现在“熟练等级”表中。`,
      `Yes/no columns take ${YES}/${NO} (or yes/no, true/false); weight is 0–1; levels must be on the Levels sheet.`,
    ],
    [
      '参考职业、职业–能力关联与专业目录不在本工作簿中。',
      'Reference occupations, occupation–competency links and specialties are not part of this workbook.',
    ],
  ];
  for (const [zh, en] of notes) sheet.addRow({ sheet: '', zh, en });
  styleHeader(sheet, 3);
}
