import { importFailure } from '../../core/errors/import-failure.js';
import {
  blankCompetency,
  COMPETENCY_DIMENSIONS,
  COMPETENCY_TYPES,
  emptyBundle,
  POST_CATEGORIES,
  type Competency,
  type JobScene,
  type Post,
  type TaxonomyBundle,
} from '../../core/taxonomy/taxonomy-bundle.js';
import { findCycle, validateBundle } from '../../core/taxonomy/validate-bundle.js';
import { WORKBOOK_LIMITS, type TableFail, type TableRow } from '../tabular/table-limits.js';
import { machineKey, SHEET_LAYOUTS, type SheetLayout } from './taxonomy-workbook-layout.js';
import { XlsxWorkbook } from './xlsx-workbook.js';

type SheetKey = SheetLayout['key'];

/** One data row of a sheet: its number, and its cells as trimmed text by column key ('' when empty or absent). */
interface SheetRow {
  row: number;
  get(key: string): string;
}

const TRUE_WORDS = new Set(['是', 'yes', 'y', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', 'no', 'n', 'false', '0', '×']);

/**
 * Reads a taxonomy workbook (the layout `writeTaxonomyWorkbook` writes, edited by hand) into a framework version
 * (source `xlsx`). The Framework and Competencies sheets are required; Levels, Posts, Scenes and Requirements may
 * be left out. Every problem is an `IMPORT_FAILED` naming `file.xlsx:<row>:<Sheet>.<column>`: not an XLSX file,
 * a missing sheet or column, a value outside its list, a number out of range, a duplicate id, or a reference to
 * an unknown competency, post or level. The workbook (a file path or its bytes) is read by the bounded
 * `XlsxWorkbook`: a ZIP bomb, a truncated archive or an oversized sheet fails on `file.xlsx:0:(file)`.
 */
export async function readTaxonomyWorkbook(source: string | Buffer, displayName: string): Promise<TaxonomyBundle> {
  const reader = new WorkbookReader(await readSheets(source, displayName), displayName);
  // Competencies first: for the wrong workbook altogether, that is the sheet worth naming.
  reader.sheet('Competencies');
  reader.sheet('Framework');

  const [framework, extra] = reader.rows('Framework', true);
  if (!framework) throw reader.fail(2, 'Framework', 'key', 'the Framework sheet has no data row');
  if (extra) throw reader.fail(extra.row, 'Framework', 'key', 'a workbook holds one framework version: one data row');
  const bundle = emptyBundle({
    key: reader.required(framework, 'Framework', 'key'),
    label: reader.required(framework, 'Framework', 'label'),
    titleZh: reader.required(framework, 'Framework', 'titleZh'),
    titleEn: reader.required(framework, 'Framework', 'titleEn'),
    source: 'xlsx',
    releaseNotes: framework.get('releaseNotes'),
  });

  const levelRows = new Map<number, number>();
  for (const row of reader.rows('Levels', false)) {
    const level = reader.integer(row, 'Levels', 'level', 0, 10);
    const earlier = levelRows.get(level);
    if (earlier !== undefined)
      throw reader.fail(row.row, 'Levels', 'level', `level ${level} is already on row ${earlier}`);
    levelRows.set(level, row.row);
    bundle.levels.push({
      level,
      nameZh: reader.required(row, 'Levels', 'nameZh'),
      nameEn: reader.required(row, 'Levels', 'nameEn'),
      descriptorZh: row.get('descriptorZh'),
      descriptorEn: row.get('descriptorEn'),
    });
  }

  const competencyRows = new Map<string, number>();
  const references: { row: number; fromId: string; key: 'broader' | 'related'; toIds: string[] }[] = [];
  for (const row of reader.rows('Competencies', true)) {
    const id = reader.required(row, 'Competencies', 'id');
    const earlier = competencyRows.get(id);
    if (earlier !== undefined)
      throw reader.fail(row.row, 'Competencies', 'id', `id ${id} is already on row ${earlier}`);
    competencyRows.set(id, row.row);
    const competency: Competency = {
      ...blankCompetency(id, reader.choice(row, 'Competencies', 'type', COMPETENCY_TYPES)),
      dimension: row.get('dimension') ? reader.choice(row, 'Competencies', 'dimension', COMPETENCY_DIMENSIONS) : null,
      isGroup: row.get('isGroup') ? reader.yesNo(row, 'Competencies', 'isGroup') : false,
      labelZh: row.get('labelZh') || null,
      labelEn: row.get('labelEn') || null,
      aliasesZh: splitList(row.get('aliasesZh')),
      aliasesEn: splitList(row.get('aliasesEn')),
      descriptionZh: row.get('descriptionZh') || null,
      descriptionEn: row.get('descriptionEn') || null,
      escoUri: row.get('escoUri') || null,
      onetElementId: row.get('onetElementId') || null,
      caseGuid: row.get('caseGuid') || null,
      xStandardCode: row.get('xStandardCode') || null,
      previousIds: splitList(row.get('previousIds')),
    };
    if (competency.labelZh === null && competency.labelEn === null) {
      throw reader.fail(row.row, 'Competencies', 'labelZh', 'a competency needs a Chinese or an English label');
    }
    if (competency.escoUri !== null && !/^https?:\/\/\S+$/.test(competency.escoUri)) {
      throw reader.fail(row.row, 'Competencies', 'escoUri', `not a URI: "${competency.escoUri}"`);
    }
    bundle.competencies.push(competency);
    for (const key of ['broader', 'related'] as const) {
      const toIds = splitList(row.get(key));
      if (toIds.length > 0) references.push({ row: row.row, fromId: id, key, toIds });
    }
  }
  const broader = new Map<string, string[]>();
  for (const { row, fromId, key, toIds } of references) {
    for (const toId of toIds) {
      if (!competencyRows.has(toId)) throw reader.fail(row, 'Competencies', key, `unknown competency ${toId}`);
      if (toId === fromId) throw reader.fail(row, 'Competencies', key, 'a competency cannot name itself');
      bundle.relations.push({ fromId, toId, kind: key });
    }
    if (key === 'broader') broader.set(fromId, toIds);
  }
  const cycle = findCycle(broader);
  if (cycle) {
    throw reader.fail(
      competencyRows.get(cycle[0]!) ?? 0,
      'Competencies',
      'broader',
      `the broader hierarchy has a cycle: ${cycle.join(' → ')}`,
    );
  }

  const postRows = new Map<string, number>();
  for (const row of reader.rows('Posts', false)) {
    const id = reader.required(row, 'Posts', 'id');
    const earlier = postRows.get(id);
    if (earlier !== undefined) throw reader.fail(row.row, 'Posts', 'id', `id ${id} is already on row ${earlier}`);
    postRows.set(id, row.row);
    const post: Post = {
      id,
      titleZh: reader.required(row, 'Posts', 'titleZh'),
      titleEn: row.get('titleEn'),
      aliasesZh: splitList(row.get('aliasesZh')),
      aliasesEn: splitList(row.get('aliasesEn')),
      category: reader.choice(row, 'Posts', 'category', POST_CATEGORIES),
      subSectorZh: row.get('subSectorZh'),
      subSectorEn: row.get('subSectorEn'),
      descriptionZh: row.get('descriptionZh'),
      descriptionEn: row.get('descriptionEn'),
      scenes: [],
      references: {
        escoOccupations: splitList(row.get('escoOccupations')),
        isco: splitList(row.get('isco')),
        onetSoc: splitList(row.get('onetSoc')),
        cn2022: splitList(row.get('cn2022')),
      },
    };
    bundle.posts.push(post);
  }
  const postById = new Map(bundle.posts.map((post) => [post.id, post]));

  const scenes = new Map<string, { order: number; scene: JobScene }[]>();
  reader.rows('Scenes', false).forEach((row, index) => {
    const postId = reader.required(row, 'Scenes', 'postId');
    if (!postById.has(postId)) throw reader.fail(row.row, 'Scenes', 'postId', `unknown post ${postId}`);
    const order = row.get('order') ? reader.integer(row, 'Scenes', 'order', 1, 100) : 100 + index;
    const scene: JobScene = {
      nameZh: reader.required(row, 'Scenes', 'nameZh'),
      nameEn: row.get('nameEn'),
      descriptionZh: row.get('descriptionZh'),
      descriptionEn: row.get('descriptionEn'),
      tasksZh: splitLines(row.get('tasksZh')),
      tasksEn: splitLines(row.get('tasksEn')),
    };
    const list = scenes.get(postId);
    if (list) list.push({ order, scene });
    else scenes.set(postId, [{ order, scene }]);
  });
  for (const [postId, list] of scenes) {
    // Array.prototype.sort is stable: scenes with the same order keep their row order.
    postById.get(postId)!.scenes = list.sort((a, b) => a.order - b.order).map(({ scene }) => scene);
  }

  const requirementRows = new Map<string, number>();
  for (const row of reader.rows('Requirements', false)) {
    const postId = reader.required(row, 'Requirements', 'postId');
    if (!postById.has(postId)) throw reader.fail(row.row, 'Requirements', 'postId', `unknown post ${postId}`);
    const competencyId = reader.required(row, 'Requirements', 'competencyId');
    if (!competencyRows.has(competencyId)) {
      throw reader.fail(row.row, 'Requirements', 'competencyId', `unknown competency ${competencyId}`);
    }
    const pair = `${postId}\u0000${competencyId}`;
    const earlier = requirementRows.get(pair);
    if (earlier !== undefined) {
      throw reader.fail(
        row.row,
        'Requirements',
        'competencyId',
        `${competencyId} is already required on row ${earlier}`,
      );
    }
    requirementRows.set(pair, row.row);
    const level = reader.integer(row, 'Requirements', 'level', 0, 10);
    if (levelRows.size > 0 && !levelRows.has(level)) {
      const scale = [...levelRows.keys()].sort((a, b) => a - b).join(', ');
      throw reader.fail(row.row, 'Requirements', 'level', `level ${level} is not on the Levels sheet (${scale})`);
    }
    bundle.requirements.push({
      postId,
      competencyId,
      essential: reader.yesNo(row, 'Requirements', 'essential'),
      weight: reader.number(row, 'Requirements', 'weight', 0, 1),
      level,
    });
  }

  // The last gate; everything it checks should already have been caught above with a row to show.
  const issue = validateBundle(bundle, 1)[0];
  if (issue) {
    throw importFailure(
      { file: displayName, line: 0, field: `${issue.entity}[${issue.ref}].${issue.field}` },
      issue.reason,
    );
  }
  return bundle;
}

function splitList(text: string): string[] {
  return text
    .split(/[;；\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

interface Sheet {
  readonly name: string;
  readonly rows: readonly TableRow[];
}

/** The rows of every sheet the layout knows (by machine key; the first sheet of a name wins), read whole. */
async function readSheets(source: string | Buffer, file: string): Promise<Map<string, Sheet>> {
  const fail: TableFail = (line, field, reason) => importFailure({ file, line, field }, reason);
  const workbook = await XlsxWorkbook.open(source, {
    limits: WORKBOOK_LIMITS,
    fail,
    fileBytes: typeof source === 'string' ? 0 : source.length,
  });
  try {
    const known = new Set(SHEET_LAYOUTS.map((layout) => layout.key.toLowerCase()));
    const sheets = new Map<string, Sheet>();
    for (const sheet of workbook.sheets) {
      const key = machineKey(sheet.name);
      if (sheets.has(key)) continue;
      const rows: TableRow[] = [];
      if (known.has(key)) for await (const chunk of workbook.rows(sheet)) rows.push(...chunk.rows);
      sheets.set(key, { name: sheet.name, rows });
    }
    return sheets;
  } finally {
    workbook.close();
  }
}

class WorkbookReader {
  constructor(
    private readonly sheets: ReadonlyMap<string, Sheet>,
    private readonly file: string,
  ) {}

  fail(row: number, sheet: SheetKey, column: string, reason: string): Error {
    return importFailure({ file: this.file, line: row, field: `${sheet}.${column}` }, reason);
  }

  /** A required sheet. */
  sheet(key: SheetKey): Sheet {
    const sheet = this.sheets.get(key.toLowerCase());
    if (sheet) return sheet;
    const found = [...this.sheets.values()].map((candidate) => candidate.name).join(', ') || '(no sheets)';
    throw importFailure({ file: this.file, line: 0, field: key }, `${key} sheet not found; found: ${found}`);
  }

  /** The non-empty data rows of a sheet (none when an optional sheet is absent). */
  rows(key: SheetKey, required: boolean): SheetRow[] {
    const layout = SHEET_LAYOUTS.find((candidate) => candidate.key === key)!;
    const sheet = required ? this.sheet(key) : this.sheets.get(key.toLowerCase());
    if (!sheet) return [];

    const columns = new Map<string, number>();
    const header = sheet.rows[0]?.line === 1 ? sheet.rows[0].cells : [];
    header.forEach((text, index) => {
      const column = index + 1;
      const columnKey = machineKey(text);
      if (columnKey === '') return;
      if (columns.has(columnKey)) {
        throw importFailure(
          { file: this.file, line: 1, field: `${key}.${columnKey}` },
          `the column appears twice (columns ${columns.get(columnKey)} and ${column})`,
        );
      }
      columns.set(columnKey, column);
    });
    for (const column of layout.columns) {
      if (column.required && !columns.has(column.key.toLowerCase())) {
        const found = [...columns.keys()].join(', ') || '(empty header row)';
        throw importFailure(
          { file: this.file, line: 1, field: `${key}.${column.key}` },
          `column not found in the header row; found: ${found}`,
        );
      }
    }

    const known = layout.columns
      .map((column) => [column.key, columns.get(column.key.toLowerCase())] as const)
      .filter((entry): entry is readonly [string, number] => entry[1] !== undefined);
    const rows: SheetRow[] = [];
    for (const row of sheet.rows) {
      if (row.line < 2) continue;
      const values = new Map(known.map(([columnKey, column]) => [columnKey, (row.cells[column - 1] ?? '').trim()]));
      if ([...values.values()].every((value) => value === '')) continue;
      rows.push({ row: row.line, get: (columnKey) => values.get(columnKey) ?? '' });
    }
    return rows;
  }

  required(row: SheetRow, sheet: SheetKey, column: string): string {
    const value = row.get(column);
    if (value === '') throw this.fail(row.row, sheet, column, 'must not be empty');
    return value;
  }

  choice<T extends string>(row: SheetRow, sheet: SheetKey, column: string, allowed: readonly T[]): T {
    const value = this.required(row, sheet, column);
    const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (match === undefined)
      throw this.fail(row.row, sheet, column, `must be one of ${allowed.join(', ')} (found "${value}")`);
    return match;
  }

  yesNo(row: SheetRow, sheet: SheetKey, column: string): boolean {
    const value = this.required(row, sheet, column).toLowerCase();
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    throw this.fail(row.row, sheet, column, `must be 是 or 否 (yes/no, true/false) (found "${value}")`);
  }

  number(row: SheetRow, sheet: SheetKey, column: string, min: number, max: number): number {
    const text = this.required(row, sheet, column);
    const value = Number(text);
    if (!Number.isFinite(value)) throw this.fail(row.row, sheet, column, `not a number: "${text}"`);
    if (value < min || value > max) throw this.fail(row.row, sheet, column, `${value} is out of range (${min}–${max})`);
    return value;
  }

  integer(row: SheetRow, sheet: SheetKey, column: string, min: number, max: number): number {
    const value = this.number(row, sheet, column, min, max);
    if (!Number.isInteger(value)) throw this.fail(row.row, sheet, column, `must be a whole number (found ${value})`);
    return value;
  }
}
