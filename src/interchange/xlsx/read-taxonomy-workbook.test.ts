import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors/domain-error.js';
import { buildTestBundle } from '../test-bundle.js';
import { readTaxonomyWorkbook } from './read-taxonomy-workbook.js';
import { writeTaxonomyWorkbook } from './write-taxonomy-workbook.js';

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

let written: Buffer;
beforeAll(async () => {
  written = await writeTaxonomyWorkbook(buildTestBundle());
});

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as XlsxInput);
  return workbook;
}

/** The written workbook, changed by `edit` the way a person might, saved again. */
async function edited(edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await load(written);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetOf(workbook: ExcelJS.Workbook, key: string): Worksheet {
  const sheet = workbook.worksheets.find((candidate) => candidate.name.endsWith(` ${key}`));
  if (!sheet) throw new Error(`no ${key} sheet`);
  return sheet;
}

/** The column number whose header ends in the machine key `key` (case-insensitive, as the reader matches). */
function columnOf(sheet: Worksheet, key: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.text.trim().split(/\s+/).pop()?.toLowerCase() === key.toLowerCase()) found = column;
  });
  if (found === 0) throw new Error(`no ${key} column on ${sheet.name}`);
  return found;
}

/** The row number whose cell in column `key` is `value`. */
function rowOf(sheet: Worksheet, key: string, value: string): number {
  const column = columnOf(sheet, key);
  for (let row = 2; row <= sheet.rowCount; row++) if (sheet.getRow(row).getCell(column).value === value) return row;
  throw new Error(`no row with ${key} = ${value}`);
}

function setCell(workbook: ExcelJS.Workbook, sheetKey: string, row: number, key: string, value: ExcelJS.CellValue) {
  const sheet = sheetOf(workbook, sheetKey);
  sheet.getRow(row).getCell(columnOf(sheet, key)).value = value;
}

async function failureOf(buffer: Buffer): Promise<DomainError> {
  try {
    await readTaxonomyWorkbook(buffer, 'catalogue.xlsx');
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('IMPORT_FAILED');
    return error as DomainError;
  }
  throw new Error('expected an import failure');
}

describe('readTaxonomyWorkbook', () => {
  it('reads back exactly what writeTaxonomyWorkbook wrote, posts, scenes and requirements included', async () => {
    const original = buildTestBundle();
    const imported = await readTaxonomyWorkbook(written, 'catalogue.xlsx');
    expect(imported).toEqual({ ...original, framework: { ...original.framework, source: 'xlsx' } });
  });

  it('takes a hand-edited workbook: reordered and bare headers, extra columns, links, words for yes/no', async () => {
    const buffer = await edited((workbook) => {
      const competencies = sheetOf(workbook, 'Competencies');
      competencies.getRow(1).getCell(columnOf(competencies, 'id')).value = 'ID';
      competencies.getRow(1).getCell(columnOf(competencies, 'labelEn')).value = 'English name LABELEN';
      competencies.spliceColumns(2, 0, ['备注 myNotes', 'anything']);
      const python = rowOf(competencies, 'ID', 'python-programming');
      competencies.getRow(python).getCell(columnOf(competencies, 'escoUri')).value = {
        text: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
        hyperlink: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
      };
      competencies.getRow(python).getCell(columnOf(competencies, 'aliasesZh')).value = {
        richText: [{ text: 'Python 编程；' }, { text: 'Python开发', font: { bold: true } }],
      };
      setCell(workbook, 'Competencies', rowOf(competencies, 'ID', 'it-foundation'), 'isGroup', 'Yes');
      const requirements = sheetOf(workbook, 'Requirements');
      setCell(workbook, 'Requirements', 2, 'essential', true);
      setCell(workbook, 'Requirements', 3, 'essential', 'no');
      setCell(workbook, 'Requirements', 4, 'weight', '0.2');
      expect(requirements.rowCount).toBe(6);
      const posts = sheetOf(workbook, 'Posts');
      setCell(workbook, 'Posts', rowOf(posts, 'id', 'it-helpdesk-engineer'), 'isco', 3512);
      setCell(workbook, 'Posts', rowOf(posts, 'id', 'it-helpdesk-engineer'), 'category', 'ito');
    });
    const original = buildTestBundle();
    expect(await readTaxonomyWorkbook(buffer, 'edited.xlsx')).toEqual({
      ...original,
      framework: { ...original.framework, source: 'xlsx' },
    });
  });

  it('orders scenes by their order column and allows optional sheets to be absent', async () => {
    const reordered = await edited((workbook) => {
      const scenes = sheetOf(workbook, 'Scenes');
      setCell(workbook, 'Scenes', 2, 'order', 2);
      setCell(workbook, 'Scenes', 3, 'order', 1);
      expect(scenes.getRow(2).getCell(columnOf(scenes, 'nameZh')).value).toBe('图像标注');
    });
    const bundle = await readTaxonomyWorkbook(reordered, 'x.xlsx');
    expect(bundle.posts[0]!.scenes.map((scene) => scene.nameZh)).toEqual(['数据质检', '图像标注']);

    const minimal = await edited((workbook) => {
      for (const key of ['README', 'Levels', 'Posts', 'Scenes', 'Requirements']) {
        workbook.removeWorksheet(sheetOf(workbook, key).id);
      }
    });
    const competenciesOnly = await readTaxonomyWorkbook(minimal, 'x.xlsx');
    expect(competenciesOnly.competencies).toHaveLength(7);
    expect(competenciesOnly.posts).toEqual([]);
    expect(competenciesOnly.levels).toEqual([]);
  });

  describe('rejects bad input naming file.xlsx:<row>:<Sheet>.<column>', () => {
    it('bytes that are not an XLSX workbook', async () => {
      const error = await failureOf(Buffer.from('id,type\npython,skill\n'));
      expect(error.details).toMatchObject({ file: 'catalogue.xlsx', line: 0, field: '(file)' });
      expect(error.message).toMatch(/not an XLSX workbook/);
    });

    it('an XLSX with the wrong sheets', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Sheet1').addRow(['学号', '姓名']);
      workbook.addWorksheet('成绩');
      const error = await failureOf(Buffer.from(await workbook.xlsx.writeBuffer()));
      expect(error.message).toBe('catalogue.xlsx:0:Competencies: Competencies sheet not found; found: Sheet1, 成绩');
    });

    it('a missing column', async () => {
      const error = await failureOf(
        await edited((workbook) => {
          const competencies = sheetOf(workbook, 'Competencies');
          competencies.spliceColumns(columnOf(competencies, 'type'), 1);
        }),
      );
      expect(error.details).toMatchObject({ line: 1, field: 'Competencies.type' });
      expect(error.message).toMatch(/column not found in the header row; found: id, dimension/);
    });

    it('a type outside the list', async () => {
      const error = await failureOf(await edited((workbook) => setCell(workbook, 'Competencies', 3, 'type', 'skil')));
      expect(error.message).toBe(
        'catalogue.xlsx:3:Competencies.type: must be one of knowledge, skill, attitude (found "skil")',
      );
    });

    it('a dimension, category or yes/no outside its list', async () => {
      const dimension = await failureOf(
        await edited((workbook) => setCell(workbook, 'Competencies', 4, 'dimension', '信息技术')),
      );
      expect(dimension.details).toMatchObject({ line: 4, field: 'Competencies.dimension' });
      const category = await failureOf(await edited((workbook) => setCell(workbook, 'Posts', 2, 'category', 'SaaS')));
      expect(category.details).toMatchObject({ line: 2, field: 'Posts.category' });
      const essential = await failureOf(
        await edited((workbook) => setCell(workbook, 'Requirements', 5, 'essential', '必须')),
      );
      expect(essential.details).toMatchObject({ line: 5, field: 'Requirements.essential' });
    });

    it('a weight out of range', async () => {
      const error = await failureOf(await edited((workbook) => setCell(workbook, 'Requirements', 4, 'weight', 1.5)));
      expect(error.message).toBe('catalogue.xlsx:4:Requirements.weight: 1.5 is out of range (0–1)');
    });

    it('a level that is not on the scale', async () => {
      const error = await failureOf(await edited((workbook) => setCell(workbook, 'Requirements', 2, 'level', 6)));
      expect(error.message).toBe(
        'catalogue.xlsx:2:Requirements.level: level 6 is not on the Levels sheet (1, 2, 3, 4, 5)',
      );
    });

    it('a requirement naming an unknown competency or post', async () => {
      const competency = await failureOf(
        await edited((workbook) => setCell(workbook, 'Requirements', 3, 'competencyId', 'python-programing')),
      );
      expect(competency.message).toBe(
        'catalogue.xlsx:3:Requirements.competencyId: unknown competency python-programing',
      );
      const post = await failureOf(
        await edited((workbook) => setCell(workbook, 'Requirements', 6, 'postId', 'helpdesk')),
      );
      expect(post.message).toBe('catalogue.xlsx:6:Requirements.postId: unknown post helpdesk');
    });

    it('duplicate ids', async () => {
      const competency = await failureOf(
        await edited((workbook) => setCell(workbook, 'Competencies', 5, 'id', 'python-programming')),
      );
      expect(competency.message).toBe('catalogue.xlsx:5:Competencies.id: id python-programming is already on row 3');
      const post = await failureOf(
        await edited((workbook) => setCell(workbook, 'Posts', 3, 'id', 'data-annotation-specialist')),
      );
      expect(post.details).toMatchObject({ line: 3, field: 'Posts.id' });
      const requirement = await failureOf(
        await edited((workbook) => setCell(workbook, 'Requirements', 3, 'competencyId', 'data-cleaning')),
      );
      expect(requirement.message).toMatch(/^catalogue\.xlsx:3:Requirements\.competencyId: .*already required on row 2/);
    });

    it('an unknown broader competency and a broader cycle', async () => {
      const unknown = await failureOf(
        await edited((workbook) => setCell(workbook, 'Competencies', 3, 'broader', 'it-foundations')),
      );
      expect(unknown.message).toBe('catalogue.xlsx:3:Competencies.broader: unknown competency it-foundations');
      const cycle = await failureOf(
        await edited((workbook) => setCell(workbook, 'Competencies', 2, 'broader', 'data-cleaning')),
      );
      expect(cycle.details).toMatchObject({ field: 'Competencies.broader' });
      expect(cycle.message).toMatch(/cycle: (it-foundation|data-cleaning) → .*→ \1$/);
    });

    it('a competency without any label', async () => {
      const error = await failureOf(
        await edited((workbook) => {
          setCell(workbook, 'Competencies', 6, 'labelZh', null);
          setCell(workbook, 'Competencies', 6, 'labelEn', '  ');
        }),
      );
      expect(error.details).toMatchObject({ line: 6, field: 'Competencies.labelZh' });
    });
  });
});
