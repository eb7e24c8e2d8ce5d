import { COMPETENCY_DIMENSIONS, COMPETENCY_TYPES, POST_CATEGORIES } from '../../core/taxonomy/taxonomy-bundle.js';

/**
 * The taxonomy workbook that colleges edit by hand: one sheet per record kind, Chinese-first bilingual names
 * (`能力 Competencies`, header `编号 id`). Sheets and columns are found by the machine key after the last space,
 * case-insensitively (a bare `id` header works too), so people may reorder columns, retitle the Chinese part
 * or add columns of their own. The writer and the reader share this one description.
 */
export const SHEET_KEYS = ['README', 'Framework', 'Levels', 'Competencies', 'Posts', 'Scenes', 'Requirements'] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export interface ColumnLayout {
  key: string;
  labelZh: string;
  width: number;
  /** The reader fails when the header row lacks this column (others read as empty when absent). */
  required?: boolean;
  /** Kept as text in Excel (`@`), so codes like `0110` or `2026.10` are not turned into numbers. */
  text?: boolean;
  /** Long or multi-line text: wrap in the cell. */
  wrap?: boolean;
  /** A drop-down list of allowed values. */
  list?: readonly string[];
  /** A number validation: whole numbers or decimals within bounds. */
  number?: { whole: boolean; min: number; max: number };
}

export interface SheetLayout {
  key: Exclude<SheetKey, 'README'>;
  nameZh: string;
  aboutZh: string;
  aboutEn: string;
  /** Freeze the first column too (the id) on wide sheets. */
  freezeFirstColumn: boolean;
  columns: ColumnLayout[];
}

/** How a yes/no cell is written; the reader also accepts yes/no, true/false, y/n and 1/0. */
export const YES = '是';
export const NO = '否';
/** What separates the items of a list cell (aliases, ids, reference codes). Tasks go one per line instead. */
export const LIST_SEPARATOR = '; ';

const bilingual = (key: string, zh: string, width = 24): ColumnLayout[] => [
  { key: `${key}Zh`, labelZh: zh, width, wrap: width > 30 },
  { key: `${key}En`, labelZh: `${zh}（英文）`, width: Math.round(width * 1.3), wrap: width > 30 },
];

export const SHEET_LAYOUTS: readonly SheetLayout[] = [
  {
    key: 'Framework',
    nameZh: '框架',
    aboutZh: '框架版本信息（只填一行）：标识、版本号、中英文名称与版本说明。',
    aboutEn: 'The framework version (one row): key, version label, Chinese and English titles, release notes.',
    freezeFirstColumn: false,
    columns: [
      { key: 'key', labelZh: '框架标识', width: 16, required: true, text: true },
      { key: 'label', labelZh: '版本', width: 12, required: true, text: true },
      { key: 'titleZh', labelZh: '中文名称', width: 36, required: true },
      { key: 'titleEn', labelZh: '英文名称', width: 48, required: true },
      { key: 'releaseNotes', labelZh: '版本说明', width: 60, wrap: true },
    ],
  },
  {
    key: 'Levels',
    nameZh: '熟练等级',
    aboutZh: '熟练程度等级：岗位要求中的“等级”须取自此表。',
    aboutEn: 'The proficiency scale; every requirement level must be one of these.',
    freezeFirstColumn: false,
    columns: [
      { key: 'level', labelZh: '等级', width: 10, required: true, number: { whole: true, min: 0, max: 10 } },
      { key: 'nameZh', labelZh: '中文名称', width: 14, required: true },
      { key: 'nameEn', labelZh: '英文名称', width: 16, required: true },
      { key: 'descriptorZh', labelZh: '中文描述', width: 48, wrap: true },
      { key: 'descriptorEn', labelZh: '英文描述', width: 60, wrap: true },
    ],
  },
  {
    key: 'Competencies',
    nameZh: '能力',
    aboutZh: '能力条目：类型、维度、中英文名称与别名、描述、外部编码，以及上位、相关与曾用编号。',
    aboutEn:
      'Competencies: type, dimension, labels and aliases, descriptions, external codes, broader/related/previous ids.',
    freezeFirstColumn: true,
    columns: [
      { key: 'id', labelZh: '编号', width: 28, required: true, text: true },
      { key: 'type', labelZh: '类型', width: 12, required: true, list: COMPETENCY_TYPES },
      { key: 'dimension', labelZh: '维度', width: 12, list: COMPETENCY_DIMENSIONS },
      { key: 'isGroup', labelZh: '分组节点', width: 10, list: [YES, NO] },
      { key: 'labelZh', labelZh: '中文名称', width: 24, required: true },
      { key: 'labelEn', labelZh: '英文名称', width: 30, required: true },
      ...bilingual('aliases', '别名', 28),
      ...bilingual('description', '描述', 48),
      { key: 'escoUri', labelZh: 'ESCO 技能', width: 30, text: true },
      { key: 'onetElementId', labelZh: 'O*NET 要素', width: 14, text: true },
      { key: 'xStandardCode', labelZh: '1+X 标准代码', width: 16, text: true },
      { key: 'caseGuid', labelZh: 'CASE 标识', width: 20, text: true },
      { key: 'broader', labelZh: '上位能力', width: 24, text: true },
      { key: 'related', labelZh: '相关能力', width: 28, text: true },
      { key: 'previousIds', labelZh: '曾用编号', width: 20, text: true },
    ],
  },
  {
    key: 'Posts',
    nameZh: '岗位',
    aboutZh: '岗位：名称与别名、类别（ITO/BPO/KPO）、细分领域、描述，以及按体系列出的参考职业编码。',
    aboutEn:
      'Posts: titles and aliases, category (ITO/BPO/KPO), sub-sector, descriptions, reference occupations by scheme.',
    freezeFirstColumn: true,
    columns: [
      { key: 'id', labelZh: '编号', width: 28, required: true, text: true },
      { key: 'titleZh', labelZh: '中文名称', width: 20, required: true },
      { key: 'titleEn', labelZh: '英文名称', width: 28 },
      ...bilingual('aliases', '别名', 24),
      { key: 'category', labelZh: '类别', width: 10, required: true, list: POST_CATEGORIES },
      ...bilingual('subSector', '细分领域', 18),
      ...bilingual('description', '描述', 48),
      { key: 'escoOccupations', labelZh: 'ESCO 职业', width: 30, text: true },
      { key: 'isco', labelZh: 'ISCO-08', width: 12, text: true },
      { key: 'onetSoc', labelZh: 'O*NET-SOC', width: 14, text: true },
      { key: 'cn2022', labelZh: '职业大典2022', width: 16, text: true },
    ],
  },
  {
    key: 'Scenes',
    nameZh: '工作场景',
    aboutZh: '岗位的典型工作场景：每行一个场景，任务每行一项（单元格内按 Alt+Enter 换行）。',
    aboutEn: 'Job scenes of each post, one per row; tasks one per line inside the cell (Alt+Enter).',
    freezeFirstColumn: false,
    columns: [
      { key: 'postId', labelZh: '岗位编号', width: 28, required: true, text: true },
      { key: 'order', labelZh: '序号', width: 8, number: { whole: true, min: 1, max: 100 } },
      { key: 'nameZh', labelZh: '场景名称', width: 20, required: true },
      { key: 'nameEn', labelZh: '场景名称（英文）', width: 26 },
      ...bilingual('description', '描述', 40),
      { key: 'tasksZh', labelZh: '工作任务', width: 40, wrap: true },
      { key: 'tasksEn', labelZh: '工作任务（英文）', width: 48, wrap: true },
    ],
  },
  {
    key: 'Requirements',
    nameZh: '岗位能力要求',
    aboutZh: '岗位对能力的要求：是否必备（是/否）、权重（0–1）与熟练等级。',
    aboutEn: 'What each post requires: essential (是/否, yes/no), weight (0–1) and proficiency level.',
    freezeFirstColumn: false,
    columns: [
      { key: 'postId', labelZh: '岗位编号', width: 28, required: true, text: true },
      { key: 'competencyId', labelZh: '能力编号', width: 28, required: true, text: true },
      { key: 'essential', labelZh: '是否必备', width: 10, required: true, list: [YES, NO] },
      { key: 'weight', labelZh: '权重', width: 8, required: true, number: { whole: false, min: 0, max: 1 } },
      { key: 'level', labelZh: '等级', width: 8, required: true, number: { whole: true, min: 0, max: 10 } },
    ],
  },
];

/** `能力 Competencies`: the sheet name people see (Chinese first), ending in the key the reader looks for. */
export function sheetName(layout: SheetLayout): string {
  return `${layout.nameZh} ${layout.key}`;
}

/** `编号 id`: a bilingual header ending in the column's machine key. */
export function columnHeader(column: ColumnLayout): string {
  return `${column.labelZh} ${column.key}`;
}

/** The machine key a sheet name or header ends in, lower-cased for matching (`编号 ID` → `id`). */
export function machineKey(name: string): string {
  const words = name.trim().split(/\s+/);
  return (words[words.length - 1] ?? '').toLowerCase();
}
