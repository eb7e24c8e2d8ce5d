import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZerodock } from './run-zerodock.js';

/**
 * `zerodock groups` as a black box: the evaluation contract (every post in exactly one group, exactly N groups with
 * --k, shared competencies), and bad input that must fail with FILE:LINE:FIELD, exit 65 and write nothing.
 */
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-groups-cli-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(name: string, content: unknown): string {
  const file = path.join(root, name);
  fs.writeFileSync(
    file,
    typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 1),
  );
  return file;
}

function families() {
  const posts = [];
  for (const family of ['test', 'ops', 'hr']) {
    for (let i = 0; i < 4; i++) {
      posts.push({
        id: `${family}-${i}`,
        label: `${family} ${i}`,
        competencies: [
          { id: `${family}-core-a`, weight: 1 },
          { id: `${family}-core-b`, weight: 0.5 },
          { id: `${family}-${i}-own`, weight: 1 },
        ],
      });
    }
  }
  return { posts };
}

interface Output {
  groups: Array<{ id: string; posts: string[]; shared: string[] }>;
}

describe('zerodock groups', () => {
  it('puts every post in exactly one group, exactly N with --k, with the shared core', async () => {
    const input = write('families.json', families());
    const out = path.join(root, 'out.json');
    const automatic = await runZerodock(['groups', '--posts', input, '--out', out]);
    expect(automatic.code, automatic.stderr).toBe(0);
    expect(automatic.stderr).toMatch(/12 posts → 3 groups \(chosen by silhouette/);
    const output = JSON.parse(fs.readFileSync(out, 'utf8')) as Output;
    expect(output.groups.flatMap((group) => group.posts).sort()).toEqual(
      families()
        .posts.map((post) => post.id)
        .sort(),
    );
    expect(output.groups.map((group) => group.shared.slice(0, 2).sort())).toEqual(
      expect.arrayContaining([['test-core-a', 'test-core-b']]),
    );
    for (const k of [1, 5, 12]) {
      const run = await runZerodock(['groups', '--posts', input, '--out', '-', '--k', String(k)]);
      expect(run.code, run.stderr).toBe(0);
      const groups = (JSON.parse(run.stdout) as Output).groups;
      expect(groups).toHaveLength(k);
      expect(groups.flatMap((group) => group.posts)).toHaveLength(12);
    }
  });

  it('refuses bad input with FILE:LINE:FIELD, exit 65, and writes no output', async () => {
    const good = families();
    const cases: Array<[string, string | Buffer, RegExp, string[]?]> = [
      ['empty.json', JSON.stringify({ posts: [] }), /empty\.json:\d+:posts: there are no posts to group/],
      [
        'no-competencies.json',
        JSON.stringify({ posts: [{ id: 'a', label: 'a', competencies: [] }] }, null, 1),
        /no-competencies\.json:\d+:posts\[0\]\.competencies: a post needs at least one competency/,
      ],
      [
        'duplicate.json',
        JSON.stringify({ posts: [good.posts[0], good.posts[0]] }, null, 1),
        /duplicate\.json:\d+:posts\[1\]\.id: duplicate post id "test-0"/,
      ],
      [
        'weight.json',
        JSON.stringify({ posts: [{ id: 'a', label: 'a', competencies: [{ id: 'x', weight: 3 }] }] }, null, 1),
        /weight\.json:\d+:posts\[0\]\.competencies\[0\]\.weight: weight must be ≤ 1/,
      ],
      ['broken.json', '{"posts": [', /broken\.json:\d+:\(json\): not valid JSON/],
      ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x89, 0x50]), /binary\.json:\d+:\(json\): not valid JSON/],
      ['too-many.json', JSON.stringify(good), /--k 13 is larger than the number of posts/, ['--k', '13']],
      ['zero-k.json', JSON.stringify(good), /--k must be a whole number ≥ 1, not "0"/, ['--k', '0']],
    ];
    for (const [name, content, message, extra] of cases) {
      const input = write(name, content);
      const out = path.join(root, `${name}.out`);
      const run = await runZerodock(['groups', '--posts', input, '--out', out, ...(extra ?? [])]);
      expect(run.code, `${name}: ${run.stderr}`).toBe(65);
      expect(run.stderr).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it('groups a single post into one group and says so', async () => {
    const input = write('single.json', {
      posts: [{ id: 'solo', label: 'solo', competencies: [{ id: 'x', weight: 1 }] }],
    });
    const run = await runZerodock(['groups', '--posts', input, '--out', '-']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ groups: [{ id: 'g1', posts: ['solo'], shared: ['x'] }] });
    expect(run.stderr).toContain('Only one post');
  });
});
