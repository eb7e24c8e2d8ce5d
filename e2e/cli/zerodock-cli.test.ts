import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZerodock } from './run-zerodock.js';

let root: string;
let dataDir: string;
const env = () => ({ ZERODOCK_DATA_DIR: dataDir });

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-cli-'));
  dataDir = path.join(root, 'data');
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

async function stats(): Promise<Record<string, number>> {
  const result = await runZerodock(['stats', '--json'], { env: env() });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, number>;
}

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
}

describe('zerodock CLI', () => {
  it('prints help for every command and exits 0; a usage error exits 2', async () => {
    const help = await runZerodock(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'admin', 'stats']) expect(help.stdout).toContain(command);
    const adminHelp = await runZerodock(['admin', 'create', '--help']);
    expect(adminHelp.code).toBe(0);
    expect(adminHelp.stdout).toContain('--password-stdin');
    const unknown = await runZerodock(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
  });

  it('migrates a fresh data directory once, then has nothing to do', async () => {
    const first = await runZerodock(['migrate', '--json'], { env: env() });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      backend: 'pglite',
      applied: [
        '0001-foundation',
        '0002-taxonomy',
        '0003-demand',
        '0004-groups',
        '0005-courses',
        '0006-access',
        '0007-upload-safety',
        '0008-integrity',
        '0009-posting-search',
        '0010-committee-votes',
        '0011-course-titles',
        '0012-plan-figures',
        '0013-committee-votes-kept',
        '0014-revisions',
        '0015-revision-results',
        '0016-people',
        '0017-student-pathways',
      ],
    });
    const second = await runZerodock(['migrate', '--json'], { env: env() });
    expect(JSON.parse(second.stdout)).toMatchObject({ applied: [] });
    const empty = await stats();
    expect(Object.values(empty).every((value) => value === 0)).toBe(true);
    expect(Object.keys(empty)).toEqual([
      'organisations',
      'people',
      'memberships',
      'invitations',
      'sessions',
      'auditEvents',
      'frameworks',
      'frameworkVersions',
      'competencies',
      'occupations',
      'occupationCompetencyLinks',
      'posts',
      'postRequirements',
      'specialties',
      'postingImports',
      'postings',
      'demandDeclarations',
      'collegeSpecialties',
      'specialtyGroupProposals',
      'courseSystems',
      'courseLists',
      'collegeCourses',
      'trainingPlans',
      'trainingPlanVersions',
      'revisions',
    ]);
  });

  it('creates the first admin from a password on stdin, refusing weak passwords and duplicates', async () => {
    const weak = await runZerodock(
      ['admin', 'create', '--email', 'root@college.edu.cn', '--name', '管理员', '--password-stdin'],
      {
        env: env(),
        input: 'short\n',
      },
    );
    expect(weak.code).toBe(65);
    expect(weak.stderr).toContain('at least 10 characters');
    expect((await stats()).people).toBe(0);

    const created = await runZerodock(
      ['admin', 'create', '--email', 'root@college.edu.cn', '--name', '管理员', '--password-stdin', '--json'],
      { env: env(), input: 'a-strong-admin-password\n' },
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toHaveProperty('personId');

    const duplicate = await runZerodock(
      ['admin', 'create', '--email', 'ROOT@college.edu.cn', '--name', 'x', '--password-stdin'],
      {
        env: env(),
        input: 'another-strong-password\n',
      },
    );
    expect(duplicate.code).toBe(65);
    expect(duplicate.stderr).toContain('exists already');
    expect(await stats()).toMatchObject({ organisations: 1, people: 1, memberships: 1 });
  });

  it('refuses a malformed demo file, naming the file and field, and writes nothing', async () => {
    const before = await stats();
    const broken = path.join(root, 'broken.json');
    fs.writeFileSync(broken, '{"password": "zerodock-demo", "organisations": [');
    const malformed = await runZerodock(['demo', '--file', broken], { env: env() });
    expect(malformed.code).toBe(65);
    expect(malformed.stderr).toContain(broken);
    expectNoStack(malformed.stderr);

    const dataset = JSON.parse(fs.readFileSync(path.resolve('data/demo/demo-dataset.json'), 'utf8')) as {
      people: { memberships: { organisation: string }[] }[];
    };
    const person = dataset.people[3];
    const membership = person?.memberships[0];
    if (membership) membership.organisation = 'no-such-organisation';
    const badReference = path.join(root, 'bad-reference.json');
    fs.writeFileSync(badReference, JSON.stringify(dataset));
    const refused = await runZerodock(['demo', '--file', badReference], { env: env() });
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('people.3.memberships.0.organisation');
    expect(await stats()).toEqual(before);
  });

  it('loads the same full demo as npm start, in phases, and stats counts every part of it', async () => {
    const loaded = await runZerodock(['demo', '--postings', '150'], { env: env(), timeoutMs: 240_000 });
    expect(loaded.code, loaded.stderr).toBe(0);
    for (const phase of [
      'Demo dataset loaded: 9 organisations, 89 people.',
      'Curated catalogue loaded:',
      'Demo postings loaded:',
      'Demo specialty groups loaded: a submitted proposal with 2 groups.',
      'Demo course system loaded:',
      'Demo roster loaded: 120 students in 4 classes, 15 teachers, 2 departments.',
      'Demo password',
    ])
      expect(loaded.stdout).toContain(phase);
    expect(loaded.stdout + loaded.stderr).not.toMatch(/"level":/);
    const counts = await stats();
    expect(counts).toMatchObject({
      organisations: 9,
      // 89 demo people, one more added by an earlier test, and the demo roster's 133 new ones (120 students and 15
      // teachers, the featured student and teacher among them).
      people: 90 + 133,
      frameworks: 1,
      postingImports: 1,
      specialtyGroupProposals: 1,
      courseSystems: 1,
      courseLists: 1,
      collegeCourses: 17,
      trainingPlans: 1,
      trainingPlanVersions: 1,
      revisions: 1,
    });
    expect(counts.postings).toBeGreaterThan(100);
    expect(counts.competencies).toBeGreaterThan(100);
    expect(counts.collegeSpecialties).toBeGreaterThan(0);
    const again = await runZerodock(['demo', '--postings', '0', '--json'], { env: env() });
    expect(again.code).toBe(65);
    expect(again.stderr).toContain('exists already');
    expect(await stats()).toEqual(counts);
    const refused = await runZerodock(['demo', '--postings', 'many'], { env: env() });
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('--postings');
  }, 300_000);

  it('says clearly when PostgreSQL cannot be reached, without a stack or the password', async () => {
    const result = await runZerodock(['stats', '--json'], {
      env: { DATABASE_URL: 'postgres://zerodock:s3cret-pass@127.0.0.1:1/zerodock' },
    });
    expect(result.code).toBe(69);
    expect(result.stderr).toContain('Cannot connect to PostgreSQL at 127.0.0.1:1/zerodock');
    expect(result.stderr).not.toContain('s3cret-pass');
    expectNoStack(result.stderr);
  });

  it('says clearly when the data directory cannot be written', async () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, '');
    const result = await runZerodock(['stats'], { env: { ZERODOCK_DATA_DIR: path.join(file, 'data') } });
    expect(result.code).toBe(73);
    expect(result.stderr).toContain('is not writable');
    expectNoStack(result.stderr);
  });

  it('refuses to open an embedded database another live process holds', async () => {
    const held = path.join(root, 'held');
    fs.mkdirSync(held);
    fs.writeFileSync(path.join(held, 'zerodock.lock'), String(process.pid));
    const result = await runZerodock(['stats'], { env: { ZERODOCK_DATA_DIR: held } });
    expect(result.code).toBe(69);
    expect(result.stderr).toContain(`in use by process ${process.pid}`);
  });

  it('names a bad environment variable', async () => {
    const result = await runZerodock(['serve'], { env: { ...env(), PORT: 'eighty' } });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('PORT');
  });

  it('never loads or lists the demo accounts in production mode', async () => {
    const empty = path.join(root, 'production');
    // serve does not exit by itself: it is stopped once its start-up banner has printed.
    const result = await runZerodock(['serve', '--demo-if-empty', '--port', '0'], {
      env: { ZERODOCK_DATA_DIR: empty, NODE_ENV: 'production' },
      until: /No administrator yet|Demo accounts/,
    });
    expect(result.stdout).toContain('the demo dataset and its known password are not loaded');
    expect(result.stdout).toContain('Zerodock listening on');
    expect(result.stdout).not.toContain('Demo accounts');
    expect(result.stdout).toContain('No administrator yet');
  });
});
