import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkPlanRules } from '../../core/courses/check-plan-rules.js';
import { draftTrainingPlanWithFigures, type TrainingPlanFacts } from '../../core/courses/training-plan.js';
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

const DRAFT = draftTrainingPlanWithFigures(FACTS);
const DOCUMENT: TrainingPlanDocument = {
  titleZh: '软件技术（软件测试方向）专业人才培养方案',
  college: '演示职业技术学院',
  versionLine: '第 1 版 · 草稿（未审定）',
  sections: DRAFT.sections,
  rules: checkPlanRules(DRAFT.figures, DRAFT.sections),
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
    const schedule = DOCUMENT.sections.find((section) => section.key === 'schedule')!.tables[1]!;
    expect(schedule.landscape).toBe(true);
    expect(schedule.columns).toHaveLength(8 + 6);
    // 3 courses + the 24-week placement the platform adds, then the offered and the student's totals.
    expect(schedule.rows.find((row) => row[0] === '岗位实习')).toEqual([
      '岗位实习',
      '岗位实习',
      '必修',
      '考核',
      '24',
      '576',
      '0',
      '576',
      '',
      '',
      '',
      '',
      '',
      '24周',
    ]);
    // … and the 2-week 军事技能 (112 学时) in the first semester.
    expect(schedule.rows.find((row) => row[0] === '军事技能')!.slice(4, 9)).toEqual(['2', '112', '0', '112', '2周']);
    expect(schedule.rows.at(-2)!.slice(0, 8)).toEqual(['开设课程合计', '', '', '', '36', '848', '84', '764']);
    expect(schedule.rows.at(-2)!.slice(8)).toEqual(['8学分', '4学分', '0学分', '0学分', '0学分', '24学分']);
    expect(DOCUMENT.sections.find((section) => section.key === 'curriculum')!.text).toContain('开设课程3门及岗位实习');
    expect(DOCUMENT.sections.find((section) => section.key === 'graduation')!.text).toContain(
      '修满本方案规定的36学分，其中必修课（公共基础课、平台课、核心课与岗位实习）36学分、选修课不少于0学分',
    );
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
    // 职业面向, 岗位与证书, 课程设置, 学时分配, 教学进程表, 附录
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(6);
    // The 教学进程表 in a landscape section of its own (A4 turned: 16838 × 11906 twips), the rest portrait.
    const sizes = [...xml.matchAll(/<w:pgSz [^>]*>/g)].map((match) => match[0]);
    expect(sizes).toHaveLength(3);
    expect(sizes[1]).toMatch(/w:w="16838"/);
    expect(sizes[1]).toMatch(/w:orient="landscape"/);
    expect(sizes[0]).toMatch(/w:w="11906"/);
    const landscape = xml.slice(xml.indexOf('</w:sectPr>'), xml.indexOf(sizes[1]!));
    expect(landscape).toContain('教学进程表');
    expect(landscape).not.toContain('七、实施保障');
    expect(xml).toContain('附录  规则核验');
    expect(xml).toContain('三年制高职总学时');
    expect(xml).toContain('不符合');
  });

  it('writes XLSX with the text sheet and one sheet per table', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTrainingPlanXlsx(DOCUMENT)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '方案',
      '职业面向',
      '岗位与职业技能等级证书',
      '课程设置',
      '学时与学分分配',
      '教学进程表',
      '附录 规则核验',
    ]);
    expect(workbook.getWorksheet('教学进程表')!.pageSetup.orientation).toBe('landscape');
    expect(workbook.getWorksheet('课程设置')!.getRow(4).getCell(2).value).toBe('软件测试基础');
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
      expect(pages.length).toBeGreaterThanOrEqual(3);
      if (existsSync('/usr/bin/pdfinfo')) {
        const info = execFileSync('/usr/bin/pdfinfo', ['-f', '1', '-l', String(pages.length), join(dir, 'plan.pdf')], {
          encoding: 'utf8',
        });
        const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
          (m) => Number(m[1]) > Number(m[2]),
        );
        // Portrait pages, then the landscape 教学进程表, then portrait again (support, graduation, 附录).
        expect(sizes[0]).toBe(false);
        expect(sizes).toContain(true);
        expect(sizes.at(-1)).toBe(false);
      }
      if (existsSync('/usr/bin/pdftotext')) {
        execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(dir, 'plan.pdf'), join(dir, 'plan.txt')]);
        const text = await readFile(join(dir, 'plan.txt'), 'utf8');
        expect(text).toContain('人才培养方案');
        expect(text).toContain('职业面向');
        expect(text).toContain('教学进程表');
        expect(text).toContain('附录');
        expect(text).toContain('规则核验');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
