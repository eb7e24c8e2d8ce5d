import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedGroupPosts } from '../../src/core/courses/generate-course-group.js';
import { runZerodock } from './run-zerodock.js';

/**
 * `zerodock plan` and `zerodock pathway` as black boxes: the evaluation contract's invariants on the output, and
 * bad input (cyclic prerequisites, impossible caps, unknown posts) failing with a specific message and no output.
 */
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-plan-cli-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(name: string, content: unknown): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 1));
  return file;
}

/** Three testing/operations posts sharing a core, each with its own essential and optional competencies. */
function group() {
  const posts = ['tester', 'developer', 'operator'].map((id, index) => ({
    id,
    label: id,
    competencies: [
      { id: 'sql', weight: 1 },
      { id: 'linux', weight: 0.75 },
      { id: 'git', weight: 0.5 },
      ...Array.from({ length: 6 }, (_, n) => ({ id: `${id}-skill-${n}`, weight: n < 4 ? 1 : 0.5 })),
      { id: `shared-${index % 2}`, weight: 0.5 },
    ],
  }));
  return { posts };
}

interface Course {
  id: string;
  title: string;
  credits: number;
  competencies: string[];
  prerequisites: string[];
}
interface Plan {
  platform: Course[];
  modules: { post: string; courses: Course[]; essential: string[] }[];
  electives: Course[];
  semesters: string[][];
}

/**
 * The cap is a student's load: per semester and per post, platform + electives + that post's own module courses
 * (the module tracks of different posts run in parallel). Computed from the output file alone.
 */
function studentLoadViolations(plan: Plan, cap: number): string[] {
  const credits = new Map(
    [...plan.platform, ...plan.modules.flatMap((m) => m.courses), ...plan.electives].map((c) => [c.id, c.credits]),
  );
  const shared = new Set([...plan.platform, ...plan.electives].map((course) => course.id));
  const out: string[] = [];
  plan.semesters.forEach((ids, index) => {
    const common = ids.filter((id) => shared.has(id)).reduce((sum, id) => sum + credits.get(id)!, 0);
    for (const entry of plan.modules) {
      const own = new Set(entry.courses.map((course) => course.id));
      const load = common + ids.filter((id) => own.has(id)).reduce((sum, id) => sum + credits.get(id)!, 0);
      if (load > cap + 1e-9) out.push(`semester ${index + 1}: a student of ${entry.post} carries ${load} > ${cap}`);
    }
  });
  return out;
}

describe('zerodock plan', () => {
  it('fits a generated 12-post group of about 220 credits in 6 semesters at 30 credits per student', async () => {
    const posts = generatedGroupPosts({ posts: 12, credits: 220 });
    const out = path.join(root, 'plan-12.json');
    const result = await runZerodock(
      ['plan', '--posts', write('group-12.json', { posts }), '--out', out, '--semesters', '6', '--max-credits', '30'],
      { env: { ZERODOCK_DATA_DIR: path.join(root, 'no-data-directory') }, timeoutMs: 120_000 },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^12 posts → /m);
    expect(result.stderr).toMatch(/Per student and semester .*: [\d. |]+ of 30;/);
    // Labelled input opens no data directory.
    expect(fs.existsSync(path.join(root, 'no-data-directory'))).toBe(false);
    const plan = JSON.parse(fs.readFileSync(out, 'utf8')) as Plan;
    const courses = [...plan.platform, ...plan.modules.flatMap((m) => m.courses), ...plan.electives];
    const total = courses.reduce((sum, course) => sum + course.credits, 0);
    // More than 6 × 30 in all: only the per-student reading of the cap lets it fit.
    expect(total).toBeGreaterThan(180);
    expect(plan.modules).toHaveLength(12);
    expect(plan.semesters).toHaveLength(6);
    const semesterOf = new Map(plan.semesters.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
    expect(plan.semesters.flat()).toHaveLength(courses.length);
    expect(new Set(plan.semesters.flat()).size).toBe(courses.length);
    for (const course of courses) {
      expect(semesterOf.has(course.id)).toBe(true);
      for (const before of course.prerequisites)
        expect(semesterOf.get(before)!).toBeLessThan(semesterOf.get(course.id)!);
      // Titles come from the labels, never from the ids.
      expect(course.title).not.toMatch(/shared-\d|post\d+-\d|optional-\d/);
    }
    expect(studentLoadViolations(plan, 30)).toEqual([]);
  });

  it('builds titles from competency labels, a string or {"zh", "en"}, in the language asked for', async () => {
    const posts = [
      {
        id: 'tester',
        label: '测试工程师',
        competencies: [
          { id: 'k1', weight: 1, label: { zh: '软件测试基础', en: 'Software testing basics' } },
          { id: 'k2', weight: 1, label: 'Selenium' },
        ],
      },
    ];
    for (const lang of ['zh', 'en'] as const) {
      const result = await runZerodock(
        ['plan', '--posts', write(`labels-${lang}.json`, { posts }), '--out', '-', '--lang', lang],
        { env: { ZERODOCK_DATA_DIR: path.join(root, 'no-data-directory') } },
      );
      expect(result.code, result.stderr).toBe(0);
      const plan = JSON.parse(result.stdout) as Plan;
      const titles = [...plan.platform, ...plan.modules.flatMap((m) => m.courses), ...plan.electives]
        .map((course) => course.title)
        .join(' ');
      expect(titles).toContain(lang === 'zh' ? '软件测试基础' : 'Software testing basics');
      expect(titles).toContain('Selenium');
      expect(titles).not.toMatch(/\bk[12]\b/);
    }
    const bad = await runZerodock([
      'plan',
      '--posts',
      write('labels-bad.json', {
        posts: [{ ...posts[0], competencies: [{ id: 'k1', weight: 1, label: { zh: '' } }] }],
      }),
      '--out',
      '-',
    ]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/labels-bad\.json:\d+:posts\[0\]\.competencies\[0\]\.label/);
  });

  it('writes a plan that satisfies every invariant of the contract', async () => {
    const out = path.join(root, 'plan.json');
    const result = await runZerodock([
      'plan',
      '--posts',
      write('group.json', group()),
      '--out',
      out,
      '--semesters',
      '4',
      '--max-credits',
      '6',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /3 posts → \d+ platform, \d+ module, \d+ elective courses .* semesters by HiGHS [\d.]+ optimal, gap 0\.00%/,
    );
    const plan = JSON.parse(fs.readFileSync(out, 'utf8')) as Plan;
    const courses = [...plan.platform, ...plan.modules.flatMap((m) => m.courses), ...plan.electives];
    const byId = new Map(courses.map((course) => [course.id, course]));
    expect(byId.size).toBe(courses.length);
    expect(plan.platform.flatMap((course) => course.competencies).sort()).toEqual(['git', 'linux', 'shared-0', 'sql']);
    for (const post of group().posts) {
      const entry = plan.modules.find((m) => m.post === post.id)!;
      const covered = new Set([...plan.platform, ...entry.courses].flatMap((course) => course.competencies));
      for (const competency of post.competencies)
        if (competency.weight >= 0.75) expect(covered.has(competency.id)).toBe(true);
    }
    expect(plan.semesters).toHaveLength(4);
    const semesterOf = new Map(plan.semesters.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
    expect([...semesterOf.keys()].sort()).toEqual([...byId.keys()].sort());
    expect(plan.semesters.flat()).toHaveLength(courses.length);
    expect(studentLoadViolations(plan, 6)).toEqual([]);
    for (const course of courses) {
      for (const before of course.prerequisites)
        expect(semesterOf.get(before)!).toBeLessThan(semesterOf.get(course.id)!);
    }

    // The pathway of a student who already knows SQL: the rest of the tester's essentials, nothing uncovered.
    const have = write('have.json', ['sql']);
    const pathwayOut = path.join(root, 'pathway.json');
    const pathway = await runZerodock([
      'pathway',
      '--plan',
      out,
      '--post',
      'tester',
      '--have',
      have,
      '--out',
      pathwayOut,
    ]);
    expect(pathway.code, pathway.stderr).toBe(0);
    const chosen = JSON.parse(fs.readFileSync(pathwayOut, 'utf8')) as {
      courses: string[];
      credits: number;
      uncovered: string[];
    };
    expect(chosen.uncovered).toEqual([]);
    const taught = new Set(chosen.courses.flatMap((id) => byId.get(id)!.competencies));
    for (const id of ['linux', 'tester-skill-0', 'tester-skill-1', 'tester-skill-2', 'tester-skill-3'])
      expect(taught.has(id)).toBe(true);
    expect(chosen.credits).toBe(chosen.courses.reduce((sum, id) => sum + byId.get(id)!.credits, 0));
    expect(
      chosen.courses.some((id) => plan.modules.find((m) => m.post === 'developer')!.courses.some((c) => c.id === id)),
    ).toBe(false);
  });

  it('refuses impossible caps and bad flags with the constraint that breaks, writing nothing', async () => {
    const input = write('group2.json', group());
    const out = path.join(root, 'never.json');
    const tooFew = await runZerodock([
      'plan',
      '--posts',
      input,
      '--out',
      out,
      '--semesters',
      '1',
      '--max-credits',
      '4',
    ]);
    expect(tooFew.code).toBe(65);
    expect(tooFew.stderr).toMatch(
      /credits do not fit in 1 teaching semesters of at most 4 credits \(\d+ semesters needed\)/,
    );
    const practicalOnly = await runZerodock([
      'plan',
      '--posts',
      input,
      '--out',
      out,
      '--semesters',
      '2',
      '--practical',
      '1,2',
    ]);
    expect(practicalOnly.stderr).toMatch(/every semester is practical/);
    const badCap = await runZerodock(['plan', '--posts', input, '--out', out, '--max-credits', 'lots']);
    expect(badCap.stderr).toMatch(/--max-credits must be a number > 0, not "lots"/);
    const badSemesters = await runZerodock(['plan', '--posts', input, '--out', out, '--semesters', '0']);
    expect(badSemesters.stderr).toMatch(/--semesters must be a whole number from 1 to 20, not "0"/);
    const empty = await runZerodock([
      'plan',
      '--posts',
      write('empty.json', { posts: [{ id: 'a', label: 'A', competencies: [] }] }),
      '--out',
      out,
    ]);
    expect(empty.code).toBe(65);
    expect(empty.stderr).toMatch(/empty\.json:\d+:posts\[0\]\.competencies/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('output files', () => {
  it('writes into /dev/null instead of replacing the device with a file', async () => {
    const result = await runZerodock(['plan', '--posts', write('devnull.json', group()), '--out', '/dev/null']);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('zerodock pathway', () => {
  const course = (id: string, prerequisites: string[] = [], competencies = [id.toLowerCase()]) => ({
    id,
    title: id,
    credits: 2,
    competencies,
    prerequisites,
  });

  it('refuses a plan with cyclic or unknown prerequisites at its line, and an unknown post', async () => {
    const out = path.join(root, 'never-pathway.json');
    const have = write('have-none.json', []);
    const cyclic = write('cyclic.json', {
      platform: [course('A', ['B']), course('B', ['A'])],
      modules: [{ post: 'x', courses: [course('C', ['A'])] }],
      electives: [],
      semesters: [['A'], ['B'], ['C']],
    });
    const cycle = await runZerodock(['pathway', '--plan', cyclic, '--post', 'x', '--have', have, '--out', out]);
    expect(cycle.code).toBe(65);
    expect(cycle.stderr).toMatch(
      /cyclic\.json:\d+:platform\[\d\]\.prerequisites: prerequisites form a cycle: (A → B → A|B → A → B)/,
    );

    const dangling = write('dangling.json', {
      platform: [course('A')],
      modules: [{ post: 'x', courses: [course('C', ['Q'])] }],
      electives: [],
      semesters: [['A', 'C']],
    });
    const unknown = await runZerodock(['pathway', '--plan', dangling, '--post', 'x', '--have', have, '--out', out]);
    expect(unknown.stderr).toMatch(
      /dangling\.json:\d+:modules\[0\]\.courses\[0\]\.prerequisites\[0\]: course C requires Q, which is not in the plan/,
    );

    const fine = write('fine.json', {
      platform: [course('A')],
      modules: [{ post: 'x', courses: [course('C', ['A'])] }],
      electives: [],
      semesters: [['A'], ['C']],
    });
    const noPost = await runZerodock(['pathway', '--plan', fine, '--post', 'nobody', '--have', have, '--out', out]);
    expect(noPost.stderr).toMatch(/post nobody is not in .*fine\.json \(its posts: x\)/);
    const badHave = await runZerodock([
      'pathway',
      '--plan',
      fine,
      '--post',
      'x',
      '--have',
      write('have-bad.json', { a: 1 }),
      '--out',
      out,
    ]);
    expect(badHave.code).toBe(65);
    expect(fs.existsSync(out)).toBe(false);

    // Without `essential`, the target is the platform plus the post's modules; A is waived when known.
    const ok = await runZerodock([
      'pathway',
      '--plan',
      fine,
      '--post',
      'x',
      '--have',
      write('have-a.json', ['a']),
      '--out',
      '-',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ courses: ['C'], credits: 2, uncovered: [] });
    expect(ok.stderr).toMatch(/prerequisites waived \(already known\): A/);
  });
});
