import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runZerodock } from './run-zerodock.js';

/**
 * `zerodock courses` as a black box on a fresh data directory with the demo dataset: a course list imported all
 * or nothing (a bad file exits 65 naming FILE:LINE:FIELD and changes nothing), the college found by its name.
 */
let root: string;
let dataDir: string;
const env = () => ({ ZERODOCK_DATA_DIR: dataDir });
const COLLEGE = '苏州工业信息职业技术学院（演示）';
const DEMO_COURSES = path.join(PROJECT_ROOT, 'data', 'demo', 'demo-courses.csv');

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-courses-cli-'));
  dataDir = path.join(root, 'data');
  expect((await runZerodock(['demo', '--json', '--postings', '0'], { env: env(), timeoutMs: 280_000 })).code).toBe(0);
}, 300_000);
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('zerodock courses', () => {
  it('imports a course list for a college named in Chinese and lists it', async () => {
    const imported = await runZerodock(['courses', 'import', DEMO_COURSES, '--college', COLLEGE], { env: env() });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('17 courses imported from demo-courses.csv');
    const listed = await runZerodock(['courses', 'list', '--college', COLLEGE], { env: env() });
    expect(listed.stdout).toContain('course list: 17 courses');
  });

  it('refuses a malformed list with FILE:LINE:FIELD and exit 65, keeping the old list', async () => {
    const bad = path.join(root, 'bad.csv');
    fs.writeFileSync(
      bad,
      '课程代码,课程名称,学分,学时,课程类型,课程描述\nX1,甲,2,32,专业核心课,x\nX2,乙,abc,32,专业核心课,y\n',
    );
    const result = await runZerodock(['courses', 'import', bad, '--college', COLLEGE], { env: env() });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('bad.csv:3:credits');
    const listed = await runZerodock(['courses', 'list', '--college', COLLEGE], { env: env() });
    expect(listed.stdout).toContain('course list: 17 courses');
    const nobody = await runZerodock(['courses', 'import', DEMO_COURSES, '--college', '不存在的学院'], { env: env() });
    expect(nobody.code).toBe(65);
    expect(nobody.stderr).toContain('不存在的学院');
  });

  it('writes the training-plan version --version names (the program version only before a subcommand)', async () => {
    const listed = await runZerodock(['courses', 'list', '--college', COLLEGE], { env: env() });
    const planId = /training plan (\S+)/.exec(listed.stdout)?.[1];
    expect(planId, listed.stdout).toBeDefined();
    const out = path.join(root, 'plan.docx');
    const args = ['courses', 'export-plan', '--college', COLLEGE, '--plan', planId!, '--format', 'docx', '--out', out];
    const written = await runZerodock([...args, '--version', '1'], { env: env() });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/\.docx: \d+ bytes → /);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);

    const missing = path.join(root, 'missing.docx');
    const none = await runZerodock([...args.slice(0, -1), missing, '--version', '9'], { env: env() });
    expect(none.code).not.toBe(0);
    expect(fs.existsSync(missing)).toBe(false);

    const program = await runZerodock(['--version']);
    expect(program.code).toBe(0);
    expect(program.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
