import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftedPostings } from '../../src/interchange/postings/shifted-postings.js';
import { runZerodock } from './run-zerodock.js';

/**
 * `zerodock revise` as a black box: a known injected shift (a competency the testers' postings now ask for that
 * nothing teaches them; a requirement their postings stopped asking for) surfaces as the contract demands; two
 * periods from one distribution give (almost) nothing; bad input fails with FILE:LINE:FIELD and writes nothing.
 * The postings are generated from the catalogue's own names: a test of the revision, not of linking.
 */
const POSTS = ['ito-industrial-software-testing', 'ito-information-system-operations', 'ito-cloud-operations'];
let root: string;
let env: Record<string, string>;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-revise-cli-'));
  env = { ZERODOCK_DATA_DIR: path.join(root, 'data') };
  const fixture = shiftedPostings({ posts: POSTS, postingsPerPeriod: 900, seed: 11, shifts: [] });
  write('posts.json', { posts: fixture.posts });
  const planned = await runZerodock(['plan', '--posts', file('posts.json'), '--out', file('plan.json')], {
    env,
    timeoutMs: 120_000,
  });
  expect(planned.code, planned.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function file(name: string): string {
  return path.join(root, name);
}

function write(name: string, content: unknown): string {
  fs.writeFileSync(file(name), typeof content === 'string' ? content : JSON.stringify(content, null, 1));
  return file(name);
}

function writePeriods(prefix: string, periods: { before: unknown[]; after: unknown[] }): [string, string] {
  return [
    write(`${prefix}-a.jsonl`, periods.before.map((line) => JSON.stringify(line)).join('\n') + '\n'),
    write(`${prefix}-b.jsonl`, periods.after.map((line) => JSON.stringify(line)).join('\n') + '\n'),
  ];
}

interface Output {
  changes: {
    competency: string;
    label: string;
    post: string | null;
    before: { postings: number; share: number };
    after: { postings: number; share: number };
    direction: string;
    q: number;
  }[];
  proposals: {
    rank: number;
    kind: string;
    post: string | null;
    course: string | null;
    competencies: string[];
    evidence: Record<string, unknown>;
    impact: Record<string, unknown>;
  }[];
}

function revise(a: string, b: string, out: string, plan = file('plan.json'), extra: string[] = []) {
  return runZerodock(
    ['revise', '--posts', file('posts.json'), '--plan', plan, '--before', a, '--after', b, '--out', out, ...extra],
    { env, timeoutMs: 180_000 },
  );
}

describe('zerodock revise', () => {
  it('surfaces an injected rise and fall as ranked proposals naming the post, the competency and the courses', async () => {
    const fixture = shiftedPostings({
      posts: POSTS,
      postingsPerPeriod: 900,
      seed: 12,
      shifts: [
        { post: 'ito-industrial-software-testing', competency: 'model-evaluation', before: 0.01, after: 0.4 },
        { post: 'ito-industrial-software-testing', competency: 'test-case-design', before: 0.57, after: 0.0 },
      ],
      // a tool no framework knows, asked for more and more: a candidate for the catalogue
      lines: [{ post: 'ito-industrial-software-testing', text: '熟悉Cypress端到端测试', before: 0.02, after: 0.3 }],
    });
    const [a, b] = writePeriods('shift', fixture);
    const result = await revise(a, b, file('shift-out.json'), file('plan.json'), [
      '--candidates',
      file('candidates.json'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const candidates = JSON.parse(fs.readFileSync(file('candidates.json'), 'utf8')) as {
      term: string;
      post: string | null;
      q: number;
    }[];
    expect(
      candidates.find((c) => c.term === 'Cypress' && c.post === 'ito-industrial-software-testing')?.q,
    ).toBeLessThan(0.05);
    // the catalogue's own names are never candidates
    expect(candidates.map((c) => c.term)).not.toContain('模型评估与测试');
    const output = JSON.parse(fs.readFileSync(file('shift-out.json'), 'utf8')) as Output;
    const tester = 'ito-industrial-software-testing';
    const rising = output.changes.find((c) => c.competency === 'model-evaluation' && c.post === tester);
    expect(rising).toMatchObject({ direction: 'rising', label: '模型评估与测试' });
    expect(rising!.q).toBeLessThan(0.05);
    expect(Object.keys(rising!).sort()).toEqual(['after', 'before', 'competency', 'direction', 'label', 'post', 'q']);
    const falling = output.changes.find((c) => c.competency === 'test-case-design' && c.post === tester);
    expect(falling).toMatchObject({ direction: 'falling', after: { postings: 0, share: 0 } });

    const names = (p: Output['proposals'][number]) => `${p.kind}:${p.post}:${p.competencies.join('+')}`;
    const kinds = output.proposals.map(names);
    expect(kinds).toContain(`new-requirement:${tester}:model-evaluation`);
    expect(kinds).toContain(`new-course:${tester}:model-evaluation`);
    expect(kinds).toContain(`requirement-dropped:${tester}:test-case-design`);
    const plan = JSON.parse(fs.readFileSync(file('plan.json'), 'utf8')) as {
      platform: { id: string; competencies: string[] }[];
      modules: { post: string; courses: { id: string; competencies: string[] }[] }[];
    };
    const teaching = [...plan.platform, ...plan.modules.filter((m) => m.post === tester).flatMap((m) => m.courses)]
      .filter((course) => course.competencies.includes('test-case-design'))
      .map((course) => course.id);
    expect(teaching.length).toBeGreaterThan(0);
    const updated = output.proposals
      .filter((p) => ['course-content-update', 'course-retired'].includes(p.kind))
      .filter((p) => p.competencies.includes('test-case-design'))
      .map((p) => p.course);
    expect(updated.sort()).toEqual([...teaching].sort());
    // ranked 1..n; the injected shifts are the strongest evidence, so they come first
    expect(output.proposals.map((p) => p.rank)).toEqual(output.proposals.map((_, i) => i + 1));
    expect(output.proposals.slice(0, 3).map((p) => p.competencies[0])).toEqual(
      expect.arrayContaining(['model-evaluation', 'test-case-design']),
    );
    const evidence = output.proposals.find((p) => names(p) === `new-requirement:${tester}:model-evaluation`)!
      .evidence as {
      summary: { zh: string; en: string };
      changes: { examples: { after: { text: string; mention: [number, number] }[] } }[];
    };
    expect(evidence.summary.zh).toMatch(/^新增：工业软件测试工程师岗位要求「模型评估与测试」/);
    const example = evidence.changes[0]!.examples.after[0]!;
    expect(example.text.slice(...example.mention).length).toBeGreaterThan(1);
    expect(result.stderr).toMatch(/900 → 900 postings/);
  }, 200_000);

  it('finds (almost) no change between two periods drawn from one distribution', async () => {
    const fixture = shiftedPostings({ posts: POSTS, postingsPerPeriod: 900, seed: 13, shifts: [] });
    const [a, b] = writePeriods('same', fixture);
    const result = await revise(a, b, file('same-out.json'));
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(fs.readFileSync(file('same-out.json'), 'utf8')) as Output;
    expect(output.changes.length).toBeLessThanOrEqual(1);
  }, 200_000);

  it('refuses overlapping periods, bad lines, unknown posts and a plan of other posts, writing nothing', async () => {
    const line = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      text: '任职要求：熟悉软件测试',
      ...extra,
    });
    const good = write('good.jsonl', [line('x1'), line('x2')].map((l) => JSON.stringify(l)).join('\n'));
    const cases: [string, string, string, RegExp][] = [
      [
        good,
        write('overlap.jsonl', JSON.stringify(line('x9')) + '\n' + JSON.stringify(line('x2'))),
        'plan.json',
        /overlap\.jsonl:2:id: .*also in good\.jsonl line 2/,
      ],
      [
        good,
        write('twice.jsonl', JSON.stringify(line('y1')) + '\n' + JSON.stringify(line('y1'))),
        'plan.json',
        /twice\.jsonl:2:id: .*appears twice/,
      ],
      [
        good,
        write('broken.jsonl', JSON.stringify(line('z1')) + '\n{"id": "z2", "text": 5}'),
        'plan.json',
        /broken\.jsonl:2:text/,
      ],
      [good, write('badjson.jsonl', '{"id": "z3", "text": "x"'), 'plan.json', /badjson\.jsonl:1:\(json\)/],
      [
        good,
        write('unknown-post.jsonl', JSON.stringify(line('w1', { post: 'astronaut' }))),
        'plan.json',
        /unknown-post\.jsonl:1:post: "astronaut" is not a post/,
      ],
      [good, good, 'plan.json', /same file: the periods overlap/],
    ];
    const otherPlan = JSON.parse(fs.readFileSync(file('plan.json'), 'utf8')) as { modules: { post: string }[] };
    otherPlan.modules[0]!.post = 'someone-else';
    write('other-plan.json', otherPlan);
    cases.push([
      good,
      write('fine.jsonl', JSON.stringify(line('v1'))),
      'other-plan.json',
      /other-plan\.json:\d+:modules\[0\]\.post: "someone-else" is not a post/,
    ]);
    for (const [a, b, plan, message] of cases) {
      const out = file('bad-out.json');
      const result = await revise(a, b, out, file(plan));
      expect(result.code, `${b}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    }
  }, 300_000);
});
