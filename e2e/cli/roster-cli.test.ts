import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZerodock } from './run-zerodock.js';

/**
 * `zerodock roster` as a black box on a fresh data directory with the demo dataset: the template written in both
 * languages, a roster previewed (nothing applied), applied, re-imported as a diff, and a bad file refused with
 * FILE:LINE:FIELD and exit 65, changing nothing.
 */
let root: string;
let dataDir: string;
const env = () => ({ ZERODOCK_DATA_DIR: dataDir });
// The demo's second college: the first one carries the demo roster, which a --mark-left re-import would empty.
const COLLEGE = '苏州现代服务职业学院（演示）';
const HEADER = '学号,姓名,性别,专业代码,专业名称,班级,年级,学制,手机,邮箱';
const ROWS = [
  'R2026001,陈一,男,510213,移动应用开发,移动2601,2026,3,13800000001,',
  'R2026002,林二,女,510213,移动应用开发,移动2601,2026,3,,',
  'R2026003,黄三,女,510203,软件技术,软件2601,2026,3,,',
];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-roster-cli-'));
  dataDir = path.join(root, 'data');
  expect((await runZerodock(['demo', '--json', '--postings', '0'], { env: env(), timeoutMs: 280_000 })).code).toBe(0);
}, 300_000);
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('zerodock roster', () => {
  it('writes the template in Chinese and English', async () => {
    const zh = path.join(root, 'template.csv');
    const result = await runZerodock(['roster', 'template', '--kind', 'teacher', '--format', 'csv', '--out', zh]);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(zh, 'utf8')).toContain('工号,姓名,性别,院系,职称,双师型,手机,邮箱');
    const en = path.join(root, 'template.xlsx');
    const english = await runZerodock(['roster', 'template', '--kind', 'student', '--lang', 'en', '--out', en]);
    expect(english.code, english.stderr).toBe(0);
    expect(fs.readFileSync(en).subarray(0, 2).toString()).toBe('PK');
  });

  it('previews without applying, applies with --apply, then shows a re-import as a diff', async () => {
    const file = path.join(root, 'students.csv');
    fs.writeFileSync(file, `${HEADER}\n${ROWS.join('\n')}\n`);
    const args = ['roster', 'import', '--organisation', COLLEGE, '--kind', 'student', '--file', file];
    const preview = await runZerodock(args, { env: env() });
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('3 new, 0 changed');
    expect(preview.stdout).toContain('Not applied');
    const applied = await runZerodock([...args, '--apply', '--json'], { env: env() });
    expect(applied.code, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ preview: { counts: { new: 3 } }, applied: { created: 3 } });

    fs.writeFileSync(file, `${HEADER}\n${ROWS[0]!.replace('陈一', '陈壹')}\n${ROWS[1]}\n`);
    const again = await runZerodock([...args, '--apply', '--mark-left'], { env: env() });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 new, 1 changed, 1 unchanged, 1 left');
    expect(again.stdout).toContain('name: 陈一 → 陈壹');
    expect(again.stdout).toContain('1 marked as left');
  });

  it('refuses a bad file with FILE:LINE:FIELD and exit 65, applying nothing', async () => {
    const bad = path.join(root, 'bad.csv');
    fs.writeFileSync(bad, `${HEADER}\n${ROWS[0]}\n${ROWS[0]}\nR9,甲,x,,,班,2026,3,,\n`);
    const result = await runZerodock(
      ['roster', 'import', '--organisation', COLLEGE, '--kind', 'student', '--file', bad, '--apply'],
      { env: env() },
    );
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('bad.csv:3:externalId');
    const wrongKind = await runZerodock(
      ['roster', 'import', '--organisation', COLLEGE, '--kind', 'engineer', '--file', bad],
      { env: env() },
    );
    expect(wrongKind.code).not.toBe(0);
    expect(wrongKind.stderr).toContain('engineer');
  });
});
