import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../src/interchange/shared-data.js';
import { PROJECT_ROOT, runZerodock } from './run-zerodock.js';

/**
 * The taxonomy commands as a black box on one data directory: the official releases from ../shared/data, the
 * curated catalogue, CASE and XLSX round trips, the version diff, and hostile files that must fail with
 * FILE:LINE:FIELD, a data-error exit code, and the database exactly as before.
 */
let root: string;
let dataDir: string;
const env = () => ({ ZERODOCK_DATA_DIR: dataDir });
const esco = sharedDataPath('esco-v1.1.1-en');

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-taxonomy-cli-'));
  dataDir = path.join(root, 'data');
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

async function json<T>(args: string[]): Promise<T> {
  const result = await runZerodock([...args, '--json'], { env: env(), timeoutMs: 300_000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** Everything a failed import could have touched: every version with its row counts per table and its update time. */
async function snapshot(): Promise<string> {
  return JSON.stringify(await json<unknown[]>(['frameworks']));
}

/** Each hostile import must exit 65 naming FILE:LINE:FIELD; the test compares the database before and after all. */
async function expectImportFailure(args: string[], where: RegExp): Promise<void> {
  const result = await runZerodock(args, { env: env(), timeoutMs: 300_000 });
  expect(result.code, result.stderr).toBe(65);
  expect(result.stderr).toMatch(where);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('zerodock taxonomy commands', () => {
  it('imports the curated catalogue, then the same again without change', async () => {
    const first = await json<{ status: string; counts: { competencies: number; posts: number } }>([
      'import',
      'catalogue',
      path.join(PROJECT_ROOT, 'data', 'catalogue'),
    ]);
    expect(first.status).toBe('created');
    expect(first.counts.competencies).toBeGreaterThanOrEqual(300);
    expect(first.counts.posts).toBeGreaterThanOrEqual(18);
    const again = await json<{ status: string }>(['import', 'catalogue', path.join(PROJECT_ROOT, 'data', 'catalogue')]);
    expect(again.status).toBe('unchanged');
  });

  it('imports the national catalogues', async (context) => {
    const specialties = sharedDataPath('cn-vocational-catalog-2021', 'vocational-2021.csv');
    const occupations = sharedDataPath(
      'cn-occupation-classification-2022-small-categories',
      'small_categories_2022.csv',
    );
    if (!specialties || !occupations) return context.skip('../shared/data is absent');
    const moe = await json<{ counts: { specialties: number } }>(['import', 'specialties', specialties]);
    expect(moe.counts.specialties).toBeGreaterThan(1600);
    const cn = await json<{ counts: { occupations: number } }>(['import', 'occupations-cn', occupations]);
    expect(cn.counts.occupations).toBeGreaterThanOrEqual(448);
  });

  it('stops on hostile files with FILE:LINE:FIELD and leaves the database exactly as it was', async () => {
    const before = await snapshot();
    // A specialty catalogue with a truncated row (unclosed quote).
    const truncated = path.join(root, 'vocational-bad.csv');
    fs.writeFileSync(
      truncated,
      'catalogCode,educationLevel,categoryCode,categoryName,classCode,className,majorCode,majorName,parentCode,itemLevel,source\n' +
        'MOE_VOCATIONAL_2021,VOCATIONAL_SECONDARY,61,农林牧渔大类,,,61,农林牧渔大类,,CATEGORY,教育部\n' +
        'MOE_VOCATIONAL_2021,VOCATIONAL_SECONDARY,61,"农林牧渔大类,6101\n',
    );
    await expectImportFailure(['import', 'specialties', truncated], /vocational-bad\.csv:3:/);

    // A semicolon-delimited file: the header has none of the expected columns.
    const semicolons = path.join(root, 'small-categories.csv');
    fs.writeFileSync(semicolons, 'small_category_code;title;major_group_code\n1-01-00;负责人;1\n');
    await expectImportFailure(['import', 'occupations-cn', semicolons], /small-categories\.csv:1:/);

    // A workbook whose sheets are not the taxonomy workbook's.
    const wrongSheet = path.join(root, 'wrong-sheet.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['id', 'name']);
    await workbook.xlsx.writeFile(wrongSheet);
    await expectImportFailure(['import', 'xlsx', wrongSheet], /wrong-sheet\.xlsx:\d+:.*Competencies/);

    // A CASE package whose isChildOf associations form a cycle.
    const cycle = path.join(root, 'cycle.json');
    const item = (id: string) => ({
      identifier: id,
      uri: `urn:x:${id}`,
      fullStatement: `能力${id}`,
      lastChangeDateTime: '2026-01-01T00:00:00Z',
    });
    const node = (id: string) => ({ identifier: id, uri: `urn:x:${id}`, title: id });
    const association = (id: string, from: string, to: string) => ({
      identifier: id,
      uri: `urn:x:${id}`,
      associationType: 'isChildOf',
      originNodeURI: node(from),
      destinationNodeURI: node(to),
      lastChangeDateTime: '2026-01-01T00:00:00Z',
    });
    fs.writeFileSync(
      cycle,
      JSON.stringify(
        {
          CFDocument: {
            identifier: 'd0000000-0000-4000-8000-000000000000',
            uri: 'urn:x:doc',
            creator: 'x',
            title: '循环',
            lastChangeDateTime: '2026-01-01T00:00:00Z',
          },
          CFItems: [item('a0000000-0000-4000-8000-000000000001'), item('a0000000-0000-4000-8000-000000000002')],
          CFAssociations: [
            association(
              'b0000000-0000-4000-8000-000000000001',
              'a0000000-0000-4000-8000-000000000001',
              'a0000000-0000-4000-8000-000000000002',
            ),
            association(
              'b0000000-0000-4000-8000-000000000002',
              'a0000000-0000-4000-8000-000000000002',
              'a0000000-0000-4000-8000-000000000001',
            ),
          ],
        },
        null,
        2,
      ),
    );
    await expectImportFailure(['import', 'case', cycle], /cycle\.json:\d+:CFAssociations\[\d\].*cycle/);

    // An ESCO release whose occupation–skill relations name a skill that does not exist (a dangling URI).
    if (esco) {
      const broken = path.join(root, 'esco-broken');
      fs.mkdirSync(broken);
      for (const file of fs.readdirSync(esco)) {
        if (file !== 'occupationSkillRelations.csv') fs.symlinkSync(path.join(esco, file), path.join(broken, file));
      }
      const lines = fs.readFileSync(path.join(esco, 'occupationSkillRelations.csv'), 'utf8').split('\n').slice(0, 4);
      lines[2] = lines[2]!.replace(/skill\/[0-9a-f-]{36}/, 'skill/00000000-0000-4000-8000-00000000dead');
      fs.writeFileSync(path.join(broken, 'occupationSkillRelations.csv'), `${lines.join('\n')}\n`);
      await expectImportFailure(
        ['import', 'esco', broken, '--label', 'v9'],
        /occupationSkillRelations\.csv:3:skillUri/,
      );
    }
    // Any partial write by any of them would show here: versions, their row counts per table, their update times.
    expect(await snapshot()).toBe(before);
  }, 600_000);

  it('imports the full ESCO release and an O*NET release, and stats reports them', async (context) => {
    const onet = sharedDataPath('onet', 'onet-23.0-core');
    if (!esco || !onet) return context.skip('../shared/data is absent');
    const imported = await json<{ status: string; label: string; counts: Record<string, number> }>([
      'import',
      'esco',
      esco,
    ]);
    expect(imported).toMatchObject({ status: 'created', label: 'v1.1.1' });
    // 67 of the 123,855 occupation–skill rows name occupations that occupations_en.csv does not define (the release's
    // own gap); they are skipped and counted in the release notes, so 123,788 links are stored.
    expect(imported.counts).toMatchObject({ competencies: 13_896, occupationCompetencyLinks: 123_788 });
    expect(imported.counts.occupations).toBeGreaterThanOrEqual(3_007);
    const onetResult = await json<{ label: string; counts: Record<string, number> }>(['import', 'onet', onet]);
    expect(onetResult.label).toBe('23.0');
    expect(onetResult.counts.occupations).toBe(1_110);
    const stats = await json<Record<string, number>>(['stats']);
    for (const key of [
      'competencies',
      'occupations',
      'occupationCompetencyLinks',
      'posts',
      'postRequirements',
      'specialties',
    ]) {
      expect(stats[key], key).toBeGreaterThan(0);
    }
    expect(stats.competencies).toBeGreaterThan(13_896);
  });

  it('round-trips the curated framework through CASE and XLSX, and diffs the copies', async () => {
    const caseFile = path.join(root, 'zerodock.case.json');
    expect((await runZerodock(['export', 'case', 'zerodock', '--out', caseFile], { env: env() })).code).toBe(0);
    const casePackage = JSON.parse(fs.readFileSync(caseFile, 'utf8')) as {
      CFItems: unknown[];
      CFAssociations: unknown[];
    };
    expect(casePackage.CFItems.length).toBeGreaterThanOrEqual(300);
    const fromCase = await json<{ counts: { competencies: number; relations: number } }>([
      'import',
      'case',
      caseFile,
      '--key',
      'zerodock-case',
      '--label',
      'copy',
    ]);
    const xlsxFile = path.join(root, 'zerodock.xlsx');
    expect((await runZerodock(['export', 'xlsx', 'zerodock@2026.1', '--out', xlsxFile], { env: env() })).code).toBe(0);
    const fromXlsx = await json<{ counts: Record<string, number> }>([
      'import',
      'xlsx',
      xlsxFile,
      '--key',
      'zerodock-xlsx',
      '--label',
      'copy',
    ]);
    const original = (await json<{ key: string; counts: Record<string, number> }[]>(['frameworks'])).find(
      (v) => v.key === 'zerodock',
    )!;
    expect(fromCase.counts.competencies).toBe(original.counts.competencies);
    expect(fromCase.counts.relations).toBe(original.counts.relations);
    expect(fromXlsx.counts).toEqual(original.counts);
    const diff = await json<{ counts: Record<string, number> }>([
      'diff',
      'framework',
      'zerodock',
      'zerodock-xlsx@copy',
    ]);
    expect(diff.counts).toMatchObject({
      added: 0,
      removed: 0,
      relabelled: 0,
      relinked: 0,
      postsChanged: 0,
      unchanged: original.counts.competencies,
    });
    const text = await runZerodock(['diff', 'framework', 'zerodock', 'zerodock-case'], { env: env() });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('zerodock@2026.1 → zerodock-case@copy');
  });

  it('names an unknown framework version clearly', async () => {
    const result = await runZerodock(['export', 'case', 'nope'], { env: env() });
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/No framework version "nope" \(known: .*zerodock@2026\.1/);
  });
});
