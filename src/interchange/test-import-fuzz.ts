import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { bundleToCasePackage } from './case/bundle-to-case-package.js';
import { casePackageToBundle } from './case/case-package-to-bundle.js';
import { readCourseList } from './courses/read-course-list.js';
import { readDemandDeclarations } from './postings/read-demand-declarations.js';
import { readPostingsFile } from './postings/read-postings-file.js';
import { buildTestBundle } from './test-bundle.js';
import {
  hostileCasePackage,
  hostileCsv,
  hostileJsonLines,
  hostileWorkbookBytes,
  hostileXlsx,
  importOutcomeProblem,
  settleWithin,
  type HostileFile,
} from './test-hostile-files.js';
import { readTaxonomyWorkbook } from './xlsx/read-taxonomy-workbook.js';
import { writeTaxonomyWorkbook } from './xlsx/write-taxonomy-workbook.js';

/** One importer fed one format of hostile file. */
export interface FuzzTarget {
  readonly importer: string;
  readonly format: 'CSV' | 'XLSX' | 'JSONL' | 'CASE JSON';
  /** Cases in the CI run (the bench multiplies them). */
  readonly runs: number;
  readonly files: fc.Arbitrary<HostileFile>;
  /** Reads the file at `path`, named `name` in messages, to the end. */
  read(path: string, name: string): Promise<unknown>;
}

export const POSTING_HEADER = ['id', 'title', 'text', 'enterprise', 'province', 'city', 'date', 'post'];
export const DECLARATION_HEADER = ['企业', '岗位', '人数', '年份', '地区', '备注'];
export const COURSE_HEADER = ['课程代码', '课程名称', '学分', '学时', '课程描述', '课程类型'];

const words = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }).filter((text) => text.trim() !== '');
const chinese = fc.constantFrom(
  '软件测试工程师',
  '云运维工程师',
  '数据标注员',
  '客户服务专员',
  '负责自动化测试与缺陷跟踪',
);

/** Postings the reader accepts (ids unique within the file). */
export const VALID_POSTINGS = fc
  .array(
    fc.tuple(
      fc.oneof(chinese, words),
      fc.oneof(chinese, words),
      fc.constantFrom('无锡恒信软件有限公司', 'Acme Ltd'),
      fc.constantFrom('江苏省', '浙江省', ''),
      fc.constantFrom('无锡市', '杭州市', ''),
      fc.constantFrom('2024-03-05', '2025/1/2', '2024年3月5日', '2023-07'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) =>
    rows.map(([title, text, enterprise, province, city, date], index) => [
      `f${index}-${title.length}-${text.length}`,
      title,
      text,
      enterprise,
      province,
      city,
      date,
      '',
    ]),
  );

/** Declarations the reader accepts (one per post and year). */
export const VALID_DECLARATIONS = fc
  .uniqueArray(
    fc.tuple(
      fc.constantFrom('ito-cloud-operations', 'bpo-hr-management', 'ito-industrial-software-testing'),
      fc.integer({ min: 2024, max: 2030 }),
      fc.integer({ min: 1, max: 500 }),
      fc.oneof(chinese, words),
    ),
    { minLength: 1, maxLength: 6, selector: ([post, year]) => `${post}/${year}` },
  )
  .map((rows) =>
    rows.map(([post, year, headcount, note]) => [
      '无锡恒信软件有限公司',
      post,
      String(headcount),
      String(year),
      '江苏省无锡市',
      note,
    ]),
  );

/** Course lists the reader accepts (codes unique). */
export const VALID_COURSES = fc
  .array(
    fc.tuple(
      fc.oneof(chinese, words),
      fc.constantFrom('1', '2', '3.5', '4学分'),
      fc.constantFrom('16', '32', '64学时'),
      fc.oneof(chinese, words),
      fc.constantFrom('专业核心课', '公共基础课', 'elective', '实践课'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) =>
    rows.map(([name, credits, hours, description, type], index) => [
      `C${index}`,
      name,
      credits,
      hours,
      description,
      type,
    ]),
  );

async function drainPostings(path: string, name: string): Promise<void> {
  for await (const _ of readPostingsFile(path, { file: name, batchSize: 100 })) {
    // read to the end
  }
}

/** Every importer × format of the reader-level fuzz suite. */
export async function importFuzzTargets(): Promise<FuzzTarget[]> {
  const bundle = buildTestBundle();
  const workbook = await writeTaxonomyWorkbook(bundle);
  const casePackage = bundleToCasePackage(bundle, { baseUri: 'https://zerodock.test/case', now: new Date(0) });
  const taxonomyHeader = ['id', 'type', 'labelZh', 'labelEn', 'broader'];
  return [
    {
      importer: 'postings',
      format: 'CSV',
      runs: 1000,
      files: hostileCsv(POSTING_HEADER, '.csv', VALID_POSTINGS),
      read: drainPostings,
    },
    {
      importer: 'postings',
      format: 'XLSX',
      runs: 700,
      files: hostileXlsx(POSTING_HEADER, VALID_POSTINGS),
      read: drainPostings,
    },
    { importer: 'postings', format: 'JSONL', runs: 2000, files: hostileJsonLines(), read: drainPostings },
    {
      importer: 'declarations',
      format: 'CSV',
      runs: 500,
      files: hostileCsv(DECLARATION_HEADER, '.csv', VALID_DECLARATIONS),
      read: (path, name) => readDemandDeclarations(path, { file: name }),
    },
    {
      importer: 'declarations',
      format: 'XLSX',
      runs: 400,
      files: hostileXlsx(DECLARATION_HEADER, VALID_DECLARATIONS),
      read: (path, name) => readDemandDeclarations(path, { file: name }),
    },
    {
      importer: 'course list',
      format: 'CSV',
      runs: 500,
      files: hostileCsv(COURSE_HEADER, '.csv', VALID_COURSES),
      read: (path, name) => readCourseList(path, { file: name }),
    },
    {
      importer: 'course list',
      format: 'XLSX',
      runs: 400,
      files: hostileXlsx(COURSE_HEADER, VALID_COURSES),
      read: (path, name) => readCourseList(path, { file: name }),
    },
    {
      importer: 'taxonomy workbook',
      format: 'XLSX',
      runs: 500,
      files: fc.oneof(hostileXlsx(taxonomyHeader), hostileWorkbookBytes(workbook)),
      read: (path, name) => readTaxonomyWorkbook(path, name),
    },
    {
      importer: 'CASE package',
      format: 'CASE JSON',
      runs: 2000,
      files: hostileCasePackage(casePackage),
      read: async (path, name) => {
        const { readFile } = await import('node:fs/promises');
        return casePackageToBundle(await readFile(path, 'utf8'), name);
      },
    },
  ];
}

export interface FuzzFigure {
  readonly importer: string;
  readonly format: string;
  readonly cases: number;
  /** Cases the importer accepted (the rest failed with IMPORT_FAILED, as they should). */
  readonly accepted: number;
  readonly seconds: number;
  /** The first case that broke the rule (another error, a hang), with fast-check's counterexample; null if none. */
  readonly problem: string | null;
}

/**
 * Runs every target `scale` × its CI case count: each hostile file must be read to the end, or refused with
 * IMPORT_FAILED naming FILE:LINE:FIELD, within `deadlineMs`.
 */
export async function runImportFuzz(options: {
  dir: string;
  scale?: number;
  deadlineMs?: number;
}): Promise<FuzzFigure[]> {
  const figures: FuzzFigure[] = [];
  let counter = 0;
  for (const target of await importFuzzTargets()) {
    const started = performance.now();
    let cases = 0;
    let accepted = 0;
    const result = await fc.check(
      fc.asyncProperty(target.files, async (file) => {
        cases++;
        const path = join(options.dir, `${counter++}-${file.name}`);
        await writeFile(path, file.bytes);
        const outcome = await settleWithin(() => target.read(path, file.name), options.deadlineMs ?? 20_000, file.kind);
        if (outcome === 'ok') accepted++;
        const problem = importOutcomeProblem(outcome, file.name);
        if (problem !== null) throw new Error(`${file.kind}: ${problem}`);
      }),
      { numRuns: Math.round(target.runs * (options.scale ?? 1)) },
    );
    figures.push({
      importer: target.importer,
      format: target.format,
      cases,
      accepted,
      seconds: (performance.now() - started) / 1000,
      problem: result.failed ? (fc.defaultReportMessage(result) ?? 'failed') : null,
    });
  }
  return figures;
}
