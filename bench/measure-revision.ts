import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/core/spans/seeded-random.js';
import { deriveRevisionProposals, type RevisionPost } from '../src/core/revision/derive-revision-proposals.js';
import { measureDemandChange } from '../src/core/revision/measure-demand-change.js';
import { simulateDemandPeriod, type SimulatedPost } from '../src/core/revision/simulate-demand-period.js';
import { shiftedPostings, type ShiftSpec } from '../src/interchange/postings/shifted-postings.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const GROUP = ['ito-industrial-software-testing', 'ito-information-system-operations', 'ito-cloud-operations'];
const TESTER = GROUP[0]!;

/** The shifts injected into the later period, and what the revision should do with each. */
const SHIFTS: (ShiftSpec & { name: string; expect: string })[] = [
  {
    name: 'new, strong (1 % → 30 %)',
    post: TESTER,
    competency: 'model-evaluation',
    before: 0.01,
    after: 0.3,
    expect: 'new-requirement',
  },
  {
    name: 'new, modest (2 % → 8 %)',
    post: TESTER,
    competency: 'prompt-engineering',
    before: 0.02,
    after: 0.08,
    expect: 'new-requirement',
  },
  {
    name: 'required, stopped (50 % → 1 %)',
    post: TESTER,
    competency: 'test-case-design',
    before: 0.5,
    after: 0.01,
    expect: 'requirement-dropped',
  },
  {
    name: 'required, halved (40 % → 20 %)',
    post: TESTER,
    competency: 'sql-databases',
    before: 0.4,
    after: 0.2,
    expect: 'weight-change',
  },
];

export interface RevisionSimulationFigures {
  readonly runs: number;
  readonly postingsPerPeriod: number;
  readonly shifts: {
    name: string;
    expect: string;
    detected: number;
    medianRank: number | null;
    worstRank: number | null;
  }[];
  /** Runs with two periods from one distribution that reported any change, and the changes per test. */
  readonly nullRunsWithChanges: number;
  readonly nullChanges: number;
  readonly nullTests: number;
  readonly inProcessMsPerRun: number;
}

/**
 * The statistics alone (a component figure, in process): `runs` simulated pairs of periods of a 3-post group
 * (each competency of a post asked for with its curated weight × 0.6), with the four injected shifts above; and
 * as many pairs from one distribution. Postings are drawn as sets of competencies, no text: linking is not measured.
 */
export function measureRevisionSimulation(runs = 50, postingsPerPeriod = 5000): RevisionSimulationFigures {
  const fixture = shiftedPostings({ posts: GROUP, postingsPerPeriod: 0, seed: 1, shifts: SHIFTS });
  const posts: RevisionPost[] = fixture.posts;
  const spec = (period: 'before' | 'after', withShifts: boolean): SimulatedPost[] =>
    GROUP.map((post) => ({
      post,
      postings: Math.round(postingsPerPeriod / GROUP.length),
      shares: new Map(
        fixture.truth
          .filter((t) => t.post === post)
          .filter((t) => withShifts || !SHIFTS.some((s) => s.post === t.post && s.competency === t.competency))
          .map((t) => [t.competency, withShifts ? t[period] : t.before]),
      ),
    }));
  const ranks = SHIFTS.map(() => [] as number[]);
  let nullRunsWithChanges = 0;
  let nullChanges = 0;
  let nullTests = 0;
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) {
    const before = simulateDemandPeriod(spec('before', true), seededRandom(1000 + run));
    const after = simulateDemandPeriod(spec('after', true), seededRandom(5000 + run));
    const proposals = deriveRevisionProposals(measureDemandChange(before, after), posts, []);
    SHIFTS.forEach((shift, index) => {
      const found = proposals.find(
        (p) => p.kind === shift.expect && p.post === shift.post && p.competencies.includes(shift.competency),
      );
      if (found) ranks[index]!.push(found.rank);
    });
    const nullReport = measureDemandChange(
      simulateDemandPeriod(spec('before', false), seededRandom(9000 + run)),
      simulateDemandPeriod(spec('before', false), seededRandom(13000 + run)),
    );
    nullTests += nullReport.tested;
    nullChanges += nullReport.changes.length + nullReport.volume.length;
    if (nullReport.changes.length + nullReport.volume.length > 0) nullRunsWithChanges += 1;
  }
  const inProcessMsPerRun = (performance.now() - started) / runs;
  return {
    runs,
    postingsPerPeriod,
    shifts: SHIFTS.map((shift, index) => {
      const sorted = [...ranks[index]!].sort((a, b) => a - b);
      return {
        name: shift.name,
        expect: shift.expect,
        detected: sorted.length,
        medianRank: sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)]! : null,
        worstRank: sorted.length > 0 ? sorted[sorted.length - 1]! : null,
      };
    }),
    nullRunsWithChanges,
    nullChanges,
    nullTests,
    inProcessMsPerRun,
  };
}

export interface RevisionProcessFigures {
  readonly postingsPerPeriod: number;
  readonly exit: number | null;
  readonly wallSeconds: number;
  readonly maxRssMiB: number;
  readonly changes: number;
  readonly proposals: number;
  readonly injectedFound: number;
  readonly stderr: string;
}

/**
 * `zerodock revise` as a user runs it (whole process under /usr/bin/time, start-up and linking included) on two
 * generated periods of Chinese postings with the injected shifts. The text names competencies by the catalogue's
 * own names: linking accuracy is not what this measures.
 */
export function measureRevisionProcess(postingsPerPeriod: number): RevisionProcessFigures {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bench-revise-'));
  try {
    const fixture = shiftedPostings({ posts: GROUP, postingsPerPeriod, seed: 3, shifts: SHIFTS });
    const file = (name: string) => path.join(directory, name);
    fs.writeFileSync(file('posts.json'), JSON.stringify({ posts: fixture.posts }));
    for (const period of ['before', 'after'] as const) {
      const out = fs.openSync(file(`${period}.jsonl`), 'w');
      for (const posting of fixture[period]) fs.writeSync(out, `${JSON.stringify(posting)}\n`);
      fs.closeSync(out);
    }
    const built = fs.existsSync(path.join(root, 'dist/src/cli/main.js'));
    const entry = built
      ? [path.join(root, 'dist/src/cli/main.js')]
      : ['--import', 'tsx', path.join(root, 'src/cli/main.ts')];
    const env: NodeJS.ProcessEnv = { ...process.env, ZERODOCK_DATA_DIR: file('data'), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const plan = spawnSync(
      process.execPath,
      [...entry, 'plan', '--posts', file('posts.json'), '--out', file('plan.json')],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    if (plan.status !== 0) throw new Error(`zerodock plan failed: ${plan.stderr}`);
    // The data directory gets its catalogue on the first linker load; load it once so both sizes are measured alike.
    spawnSync(process.execPath, [...entry, 'stats'], { cwd: root, env, encoding: 'utf8' });
    const args = [
      'revise',
      '--posts',
      file('posts.json'),
      '--plan',
      file('plan.json'),
      '--before',
      file('before.jsonl'),
      '--after',
      file('after.jsonl'),
      '--out',
      file('out.json'),
    ];
    const child = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, ...entry, ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const timing = /TIME ([\d.]+) (\d+)/.exec(child.stderr ?? '');
    const output =
      child.status === 0
        ? (JSON.parse(fs.readFileSync(file('out.json'), 'utf8')) as {
            changes: unknown[];
            proposals: { kind: string; post: string | null; competencies: string[] }[];
          })
        : { changes: [], proposals: [] };
    const injectedFound = SHIFTS.filter((shift) =>
      output.proposals.some(
        (p) => p.kind === shift.expect && p.post === shift.post && p.competencies.includes(shift.competency),
      ),
    ).length;
    return {
      postingsPerPeriod,
      exit: child.status,
      wallSeconds: timing ? Number(timing[1]) : NaN,
      maxRssMiB: timing ? Number(timing[2]) / 1024 : NaN,
      changes: output.changes.length,
      proposals: output.proposals.length,
      injectedFound,
      stderr: (child.stderr ?? '')
        .split('\n')
        .filter((line) => /postings \(/.test(line))
        .join(' '),
    };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

export function formatRevisionFigures(
  simulation: RevisionSimulationFigures,
  processes: readonly RevisionProcessFigures[],
): string {
  const lines = [
    `statistics in process (component figure): ${simulation.runs} simulated pairs of periods × ${simulation.postingsPerPeriod} postings, 3 posts; ${simulation.inProcessMsPerRun.toFixed(1)} ms per revision`,
    ...simulation.shifts.map(
      (shift) =>
        `  ${shift.name.padEnd(32)} → ${shift.expect.padEnd(20)} found in ${shift.detected}/${simulation.runs} runs, rank median ${shift.medianRank ?? '—'}, worst ${shift.worstRank ?? '—'}`,
    ),
    `  two periods from one distribution: ${simulation.nullRunsWithChanges}/${simulation.runs} runs reported any change (${simulation.nullChanges} false changes in ${simulation.nullTests} tests, ${((simulation.nullChanges / Math.max(1, simulation.nullTests)) * 100).toFixed(3)} %)`,
    ...processes.map(
      (run) =>
        `whole process (zerodock revise, exit ${run.exit}) on 2 × ${run.postingsPerPeriod.toLocaleString('en')} generated postings: ${run.wallSeconds.toFixed(1)} s wall, peak RSS ${run.maxRssMiB.toFixed(0)} MiB; ${run.changes} changes → ${run.proposals} proposals, ${run.injectedFound}/${SHIFTS.length} injected shifts found (${run.stderr.trim()})`,
    ),
  ];
  return lines.join('\n');
}
