import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { draftTrainingPlan, type TrainingPlanFacts } from '../../core/courses/training-plan.js';
import { blocksOf, chineseNumeral, type TrainingPlanDocument } from './training-plan-document.js';
import { writeTrainingPlanDocx } from './write-training-plan-docx.js';
import { findCjkFont, writeTrainingPlanPdf } from './write-training-plan-pdf.js';
import { writeTrainingPlanXlsx } from './write-training-plan-xlsx.js';

const FACTS: TrainingPlanFacts = {
  specialty: { code: '510203', nameZh: '软件技术（软件测试方向）' },
  group: {
    nameZh: '工业信息系统开发与运维专业群',
    specialties: [
      { code: '510203', nameZh: '软件技术（软件测试方向）' },
      { code: '510213', nameZh: '移动应用开发' },
    ],
  },
  catalogue: { categoryCode: '51', classCode: '5102', categoryZh: '电子与信息大类', classZh: '计算机类' },
  posts: [
    {
      titleZh: '工业软件测试工程师',
      subSectorZh: '工业软件测试服务',
      category: 'ITO',
      occupations: ['软件测试工程技术人员（2-02-10-11）'],
      sceneNames: ['功能测试', '自动化测试'],
    },
  ],
  certificates: ['1+X 职业技能等级证书（软件测试）'],
  competencies: { knowledge: ['软件测试基础'], skill: ['测试用例设计', '自动化测试'], attitude: ['细致严谨'] },
  courses: [
    {
      id: 'GG101',
      kind: 'public',
      titleZh: '思想道德与法治',
      credits: 3,
      hours: 48,
      postZh: null,
      contentZh: '',
      semester: 0,
      assessment: '考试',
    },
    {
      id: 'P01',
      kind: 'platform',
      titleZh: '软件测试基础',
      credits: 3,
      hours: 48,
      postZh: null,
      contentZh: '软件测试基础、测试用例设计',
      semester: 0,
      assessment: '考试',
    },
    {
      id: 'M01',
      kind: 'module',
      titleZh: '自动化测试',
      credits: 4,
      hours: 64,
      postZh: '工业软件测试工程师',
      contentZh: '自动化测试、接口测试',
      semester: 1,
      assessment: '考试',
    },
  ],
  semesters: 6,
  practical: [6],
  industries: ['软件和信息技术服务业（65）'],
};

const DOCUMENT: TrainingPlanDocument = {
  titleZh: '软件技术（软件测试方向）专业人才培养方案',
  college: '演示职业技术学院',
  versionLine: '第 1 版 · 草稿（未审定）',
  sections: draftTrainingPlan(FACTS),
};

describe('Talent Training Plan documents', () => {
  it('drafts the nine sections of the national template from the data', () => {
    expect(DOCUMENT.sections.map((section) => section.key)).toEqual([
      'name',
      'admission',
      'duration',
      'orientation',
      'objectives',
      'curriculum',
      'schedule',
      'support',
      'graduation',
    ]);
    const schedule = DOCUMENT.sections.find((section) => section.key === 'schedule')!.tables[0]!;
    expect(schedule.columns).toHaveLength(3 + 6);
    expect(schedule.rows.at(-1)).toEqual(['学期学分合计', '', '10', '6', '4', '0', '0', '0', '0']);
    expect(DOCUMENT.sections.find((section) => section.key === 'curriculum')!.text).toContain('共3门、10学分、160学时');
  });

  it('splits section text into paragraphs, list items and enumerated sub-headings', () => {
    expect(blocksOf('甲乙。\n丙丁。\n\n（一）素质\n- 细致严谨\n- 团队合作')).toEqual([
      { kind: 'paragraph', text: '甲乙。丙丁。' },
      { kind: 'heading', text: '（一）素质' },
      { kind: 'bullet', text: '细致严谨' },
      { kind: 'bullet', text: '团队合作' },
    ]);
    expect([1, 9, 10, 12, 20, 21].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '二十一']);
  });

  it('writes DOCX with East Asian fonts, numbered headings and the tables', async () => {
    const zip = await JSZip.loadAsync(await writeTrainingPlanDocx(DOCUMENT));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('一、专业名称及代码');
    expect(xml).toContain('九、毕业要求');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('工业软件测试工程师');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
  });

  it('writes XLSX with the text sheet and one sheet per table', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTrainingPlanXlsx(DOCUMENT)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '方案',
      '职业面向',
      '课程设置',
      '教学进程安排表（学时按学期）',
    ]);
    expect(workbook.getWorksheet('课程设置')!.getRow(3).getCell(2).value).toBe('软件测试基础');
  });

  it.runIf(findCjkFont() !== null)('writes a PDF with the Chinese font embedded, rendered to PNG', async () => {
    const pdf = await writeTrainingPlanPdf(DOCUMENT);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2|\/FontFile3/);
    if (!existsSync('/usr/bin/pdftoppm')) return;
    const dir = await mkdtemp(join(tmpdir(), 'zerodock-pdf-'));
    try {
      await writeFile(join(dir, 'plan.pdf'), pdf);
      execFileSync('/usr/bin/pdftoppm', ['-r', '30', '-png', join(dir, 'plan.pdf'), join(dir, 'page')]);
      const pages = (await readdir(dir)).filter((name) => name.endsWith('.png'));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      if (existsSync('/usr/bin/pdftotext')) {
        execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(dir, 'plan.pdf'), join(dir, 'plan.txt')]);
        const text = await readFile(join(dir, 'plan.txt'), 'utf8');
        expect(text).toContain('人才培养方案');
        expect(text).toContain('职业面向');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
