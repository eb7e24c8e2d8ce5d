import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestBundle } from '../test-bundle.js';
import { writeTaxonomyWorkbook } from './write-taxonomy-workbook.js';

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

describe('writeTaxonomyWorkbook', () => {
  const workbook = new ExcelJS.Workbook();
  beforeAll(async () => {
    const buffer = await writeTaxonomyWorkbook(buildTestBundle());
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    await workbook.xlsx.load(buffer as unknown as XlsxInput);
  });
  const sheet = (name: string) => workbook.getWorksheet(name)!;
  const headers = (name: string) => (sheet(name).getRow(1).values as unknown[]).slice(1);

  it('writes the README first, then one Chinese-first bilingual sheet per record kind', () => {
    expect(workbook.worksheets.map((candidate) => candidate.name)).toEqual([
      '说明 README',
      '框架 Framework',
      '熟练等级 Levels',
      '能力 Competencies',
      '岗位 Posts',
      '工作场景 Scenes',
      '岗位能力要求 Requirements',
    ]);
    expect(sheet('说明 README').getColumn(1).values).toContain('能力 Competencies');
  });

  it('heads every column "中文 key" and freezes the header row', () => {
    expect(headers('能力 Competencies').slice(0, 6)).toEqual([
      '编号 id',
      '类型 type',
      '维度 dimension',
      '分组节点 isGroup',
      '中文名称 labelZh',
      '英文名称 labelEn',
    ]);
    expect(headers('岗位能力要求 Requirements')).toEqual([
      '岗位编号 postId',
      '能力编号 competencyId',
      '是否必备 essential',
      '权重 weight',
      '等级 level',
    ]);
    for (const candidate of workbook.worksheets) {
      expect(candidate.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    expect(sheet('能力 Competencies').views[0]).toMatchObject({ xSplit: 1 });
    expect(sheet('能力 Competencies').getColumn(1).width).toBe(28);
  });

  it('joins lists with "; ", tasks with line breaks, and writes 是/否', () => {
    const competencies = sheet('能力 Competencies');
    expect(competencies.getRow(3).values).toEqual(
      expect.arrayContaining(['python-programming', 'Python 编程; Python开发', 'it-foundation', 'python-basics']),
    );
    expect(competencies.getCell('D2').value).toBe('是');
    expect(sheet('工作场景 Scenes').getCell('G2').value).toBe('阅读标注规范\n完成图像拉框标注\n自检并提交');
    expect(sheet('岗位能力要求 Requirements').getRow(2).values).toEqual([
      undefined,
      'data-annotation-specialist',
      'data-cleaning',
      '是',
      0.35,
      3,
    ]);
  });

  it('offers drop-down lists and number checks, and keeps code columns as text', () => {
    const competencies = sheet('能力 Competencies');
    expect(competencies.getCell('B2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"knowledge,skill,attitude"'],
    });
    expect(competencies.getCell('C500').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet('岗位 Posts').getCell('F2').dataValidation).toMatchObject({ formulae: ['"ITO,BPO,KPO"'] });
    const requirements = sheet('岗位能力要求 Requirements');
    expect(requirements.getCell('C2').dataValidation).toMatchObject({ formulae: ['"是,否"'] });
    expect(requirements.getCell('D2').dataValidation).toMatchObject({ type: 'decimal', operator: 'between' });
    expect(competencies.getCell('A2').numFmt).toBe('@');
  });
});
