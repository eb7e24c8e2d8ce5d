import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../src/interchange/zip/test-zip-files.js';
import { runZerodock } from './run-zerodock.js';

/**
 * Every CLI importer of workbooks, fed a truncated workbook and a ZIP bomb: exit 65 (bad data) with
 * FILE:LINE:FIELD on stderr, promptly — never a hang or Node's silent exit 13 of an unsettled promise — and no
 * import left running.
 */
let root: string;
let dataDir: string;
let truncated: string;
let bomb: string;
const env = () => ({ ZERODOCK_DATA_DIR: dataDir });
const COLLEGE = '苏州工业信息职业技术学院（演示）';

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-hostile-cli-'));
  dataDir = path.join(root, 'data');
  expect((await runZerodock(['demo', '--json', '--postings', '0'], { env: env(), timeoutMs: 280_000 })).code).toBe(0);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Competencies');
  sheet.addRow(['id', 'title', 'text', 'enterprise', 'date']);
  for (let row = 1; row <= 2000; row++)
    sheet.addRow([row, `岗位 ${row}`, `正文 ${row} `.repeat(20), '企业', '2024-01-01']);
  const whole = Buffer.from(await book.xlsx.writeBuffer());
  truncated = path.join(root, 'cut.xlsx');
  fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
  bomb = path.join(root, 'bomb.xlsx');
  fs.writeFileSync(bomb, xlsxBomb(3_000_000_000, { declaredSize: 50_000 }));
}, 300_000);
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('zerodock importers on hostile workbooks', () => {
  const commands: [string, (file: string) => string[]][] = [
    ['import postings', (file) => ['import', 'postings', file]],
    ['import xlsx', (file) => ['import', 'xlsx', file]],
    ['courses import', (file) => ['courses', 'import', file, '--college', COLLEGE]],
  ];
  for (const [name, args] of commands) {
    it(`${name} fails a truncated workbook and a ZIP bomb with exit 65 and FILE:LINE:FIELD`, async () => {
      const cut = await runZerodock(args(truncated), { env: env() });
      expect(cut.code, cut.stderr).toBe(65);
      expect(cut.stderr).toMatch(/^zerodock: cut\.xlsx:0:\(file\): not an XLSX workbook \(/m);
      const bombed = await runZerodock(args(bomb), { env: env() });
      expect(bombed.code, bombed.stderr).toBe(65);
      expect(bombed.stderr).toMatch(/^zerodock: bomb\.xlsx:0:\(file\): workbook refused: .*\(a ZIP bomb\?\)/m);
    });
  }

  it('keeps the failed postings imports as failed, none running', async () => {
    const demand = await runZerodock(['demand', '--json'], { env: env() });
    expect(demand.code, demand.stderr).toBe(0);
    const report = JSON.parse(demand.stdout) as { imports: { fileName: string; status: string; failure: string }[] };
    const ours = report.imports.filter((item) => item.fileName === 'cut.xlsx' || item.fileName === 'bomb.xlsx');
    expect(ours.map((item) => item.status)).toEqual(['failed', 'failed']);
    expect(report.imports.some((item) => item.status === 'running')).toBe(false);
  });
});
