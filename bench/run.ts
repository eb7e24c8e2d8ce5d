import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from './format-table.js';
import { measureThroughput, type ThroughputFigure, type ThroughputSettings } from './measure-throughput.js';
import { measureTaxonomy, type TaxonomyFigures } from './measure-taxonomy.js';
import { formatMentionFigures, measureMentions, type MentionBenchFigures } from './measure-mentions.js';
import { measureDemandPipeline, type DemandPipelineFigures } from './measure-demand-pipeline.js';
import {
  formatCoursesBench,
  formatPlanContract,
  measureCoursesBench,
  measurePlanContract,
  type CourseBenchCase,
  type PlanContractFigures,
} from './measure-courses.js';
import {
  formatRevisionFigures,
  measureRevisionProcess,
  measureRevisionSimulation,
  type RevisionProcessFigures,
  type RevisionSimulationFigures,
} from './measure-revision.js';
import { formatGroupsBench, measureGroupsBench, type GroupsBenchFigures } from './measure-groups.js';
import { formatRosterFigures, measureRoster, type RosterFigures } from './measure-roster.js';
import { formatHostileUploads, measureHostileUploads, type HostileUploadFigures } from './measure-hostile-uploads.js';
import { measureWebBundle, type WebBundleFigure } from './measure-web-bundle.js';
import { measureWebLoad, type WebLoadFigure } from './measure-web-load.js';
import { runSoak, soakSeconds, type SoakRunFigures } from './run-soak.js';
import { DEMO_ADMIN, signIn } from './sign-in.js';
import { startBareServer, type RunningServer } from './start-bare-server.js';
import { startZerodock, type RunningZerodock } from './start-zerodock.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const webRoot = path.join(packageRoot, 'dist', 'web');
const resultsFile = path.join(packageRoot, 'bench', 'results', 'latest.json');
const CHROMIUM = '/usr/bin/chromium';
const WEB_LOADS = 5;
const ORGANISATIONS_PATH = '/api/organisations?limit=20';

const seconds = readSeconds(process.env.BENCH_SECONDS);
const databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
const throughputSettings: ThroughputSettings = { seconds, warmupSeconds: 1, connections: 10, pipelining: 1 };

interface ThroughputRow extends ThroughputFigure {
  readonly backend: 'none' | 'pglite' | 'postgres';
  readonly ratioToBare: number | null;
}

const log = (line = '') => process.stdout.write(`${line}\n`);
const failures: string[] = [];

// Everything is bounded: autocannon cases by their duration, start-up and the browser by a generous margin.
const caseCount = 3 + (databaseUrl ? 2 : 0);
// Plus the ESCO imports (about a minute each on 2 cores).
// Plus the mention scan (50 MB, ours and grep, three rounds each) and the end-to-end demand pipeline
// (BENCH_POSTINGS postings, default 1,000,000; budgeted at 300 postings/s).
const postingCount = Number(process.env.BENCH_POSTINGS ?? 1_000_000);
// Plus the soak: per backend a server start (demo dataset), the search-stall case and BENCH_SOAK_SECONDS.
const soakDuration = soakSeconds();
// Plus the hostile uploads: the fuzz suites of CI, BENCH_FUZZ_SCALE× (default 5) for the readers and 3× for the
// upload routes, and the ZIP-bomb RSS of a server child process (about 8 minutes in all, 12 on a busy machine).
const fuzzScale = Number(process.env.BENCH_FUZZ_SCALE ?? 5);
const budgetSeconds =
  (databaseUrl ? 2 : 1) * (soakDuration + 5 * 60) +
  caseCount * (seconds + throughputSettings.warmupSeconds + 15) +
  (12 + 2 * Math.max(0, fuzzScale - 5)) * 60 +
  4 * 60 +
  (databaseUrl ? 6 : 3) * 60 +
  10 * 60 +
  // Plus the revision: 50 simulated pairs and `zerodock revise` on 2 × 5,000 postings (about half a minute).
  2 * 60 +
  // Plus the roster: 20,000 students previewed and applied, then a 5 % re-import, per backend (about a minute each).
  (databaseUrl ? 6 : 3) * 60 +
  Math.ceil(postingCount / 300);
const watchdog = setTimeout(() => {
  process.stderr.write(`\nbench: FAILED — still running after ${budgetSeconds} s; giving up.\n`);
  process.exit(2);
}, budgetSeconds * 1000);

try {
  await main();
} catch (error) {
  failures.push(`unexpected: ${describe(error)}`);
} finally {
  clearTimeout(watchdog);
}
if (failures.length > 0) {
  process.stderr.write(`\nbench: FAILED\n${failures.map((failure) => `  - ${failure}`).join('\n')}\n`);
}
// Exit explicitly: a handle left open by a library must not keep a finished benchmark alive.
process.exit(failures.length > 0 ? 1 : 0);

async function main(): Promise<void> {
  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
  log('Zerodock benchmark');
  log(`  ${machine.node} on ${machine.platform}; ${machine.cores} cores (${machine.cpu}); ${machine.memoryGiB} GiB`);
  log(
    `  load average at start: ${machine.loadAverageAtStart.join(' ')} (other work on the machine skews every figure)`,
  );
  log(
    `  HTTP: autocannon on 127.0.0.1, ${throughputSettings.connections} connections, pipelining ${throughputSettings.pipelining}, ` +
      `${throughputSettings.warmupSeconds} s warm-up + ${seconds} s per case (BENCH_SECONDS)`,
  );
  log(
    `  NOTE: the load generator (a worker thread of this process) shares the ${machine.cores} cores with the server under test,`,
  );
  log(
    '        so absolute req/s are lower than on a dedicated server; compare each route with the bare Fastify peer of this same run.',
  );
  log('  req/s = responses completed in the measured run / its duration; ± sd over its whole seconds.');
  log('  latency: 2xx responses only, every request timed by autocannon (its own histogram would round to whole ms).');
  log();

  const rows = await measureHttp();
  printThroughput(rows);

  log();
  log('Taxonomy: ESCO import and competency search');
  let taxonomy: TaxonomyFigures | { skipped: string } = { skipped: 'failed' };
  await step('taxonomy', async () => {
    taxonomy = await measureTaxonomy({ databaseUrl, log });
    if ('skipped' in taxonomy) log(`  ${taxonomy.skipped}`);
    else printSearch(taxonomy);
  });

  log();
  log('Demand: exact-mention scanning, ours vs GNU grep -F (same patterns, same text, same run)');
  let mentions: MentionBenchFigures | { skipped: string } = { skipped: 'failed' };
  await step('mentions', async () => {
    const figures = await measureMentions({ log: (line) => log(`  ${line}`) });
    mentions = figures;
    log(formatMentionFigures(figures).replace(/^/gm, '  '));
  });

  log();
  log(
    `Demand: end to end on PGlite, ${postingCount.toLocaleString('en')} generated postings (import, link, aggregate)`,
  );
  let pipeline: DemandPipelineFigures | { skipped: string } = { skipped: 'failed' };
  await step('demand pipeline', async () => {
    const figures = await measureDemandPipeline(postingCount, (line) => log(`  ${line}`));
    pipeline = figures;
    log(
      `  ${figures.count.toLocaleString('en')} postings (${figures.fileMegabytes.toFixed(0)} MB JSONL): import ${figures.importSeconds.toFixed(1)} s ` +
        `+ aggregate ${figures.aggregateSeconds.toFixed(1)} s = ${figures.pipelineSeconds.toFixed(1)} s ` +
        `(${figures.postingsPerSecond.toFixed(0)} postings/s), peak RSS ${figures.maxRssMegabytes.toFixed(0)} MB; ` +
        `${figures.stored.toLocaleString('en')} stored, ${figures.duplicates.toLocaleString('en')} near-duplicates dropped; ` +
        `target: 120 s and 4 GB`,
    );
  });

  log();
  log('Specialty groups: all ESCO occupations as posts, sparse similarity + grouping vs a dense baseline (target 5 s)');
  let groups: GroupsBenchFigures | null | { skipped: string } = { skipped: 'failed' };
  await step('groups', async () => {
    const figures = await measureGroupsBench();
    groups = figures;
    log(formatGroupsBench(figures).replace(/^/gm, '  '));
  });

  log();
  log('Course system: synthesis + semester plan (HiGHS integer programme vs our list-scheduling fallback) + a pathway');
  let courses: CourseBenchCase[] | { skipped: string } = { skipped: 'failed' };
  await step('courses', async () => {
    const cases = await measureCoursesBench();
    courses = cases;
    log(formatCoursesBench(cases).replace(/^/gm, '  '));
  });

  log();
  log(
    'Plan contract: a generated 12-post group of ~220 credits, 6 semesters at 30 credits per student (zerodock plan)',
  );
  let planContract: PlanContractFigures | { skipped: string } = { skipped: 'failed' };
  await step('plan-contract', async () => {
    const figures = await measurePlanContract();
    planContract = figures;
    log(formatPlanContract(figures).replace(/^/gm, '  '));
    if (figures.processExit !== 0 || !figures.invariantsHold || Math.max(...figures.load) > 30)
      failures.push('plan contract: the 12-post group does not fit 6 semesters at 30 credits per student');
  });

  log();
  log(
    'Yearly revision: injected shifts and same-distribution periods (statistics in process), then `zerodock revise` whole process (BENCH_REVISION_POSTINGS per period, default 5000)',
  );
  let revision: { simulation: RevisionSimulationFigures; processes: RevisionProcessFigures[] } | { skipped: string } = {
    skipped: 'failed',
  };
  await step('revision', async () => {
    const simulation = measureRevisionSimulation();
    const sizes = (process.env.BENCH_REVISION_POSTINGS ?? '5000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
    const processes = sizes.map((size) => measureRevisionProcess(size));
    revision = { simulation, processes };
    log(formatRevisionFigures(simulation, processes).replace(/^/gm, '  '));
    if (processes.some((run) => run.exit !== 0)) failures.push('revision: zerodock revise failed');
  });

  log();
  const rosterStudents = Number(process.env.BENCH_ROSTER_STUDENTS ?? 20_000);
  log(
    `Rosters: ${rosterStudents.toLocaleString('en')} generated students (XLSX) previewed and applied, then a re-import changing 5 % (BENCH_ROSTER_STUDENTS), each backend in its own process`,
  );
  let roster: RosterFigures[] | { skipped: string } = { skipped: 'failed' };
  await step('roster', async () => {
    const figures = [measureRoster('pglite', rosterStudents)];
    if (databaseUrl) figures.push(measureRoster('postgres', rosterStudents, databaseUrl));
    roster = figures;
    log(formatRosterFigures(figures).replace(/^/gm, '  '));
  });

  log();
  log(
    `Soak: a real \`zerodock serve\` per backend; the p99 of a cheap route while 50 connections search postings, then ${soakDuration} s of mixed reads and writes at 50 connections (BENCH_SOAK_SECONDS)`,
  );
  let soak: SoakRunFigures[] | { skipped: string } = { skipped: 'failed' };
  await step('soak', async () => {
    const results = await runSoak({ seconds: soakDuration, ...(databaseUrl ? { databaseUrl } : {}) });
    soak = results;
    for (const result of results) {
      if (result.soak.errors > 0) {
        failures.push(
          `soak ${result.backend}: ${result.soak.errors} errors ${JSON.stringify(result.soak.errorsByStatus)}`,
        );
      }
    }
  });

  log();
  log('Hostile uploads: fuzzing every importer and upload route, and a ZIP bomb against a real server process');
  let hostileUploads: HostileUploadFigures | { skipped: string } = { skipped: 'failed' };
  await step('hostile uploads', async () => {
    const { figures, problems } = await measureHostileUploads({ readerScale: fuzzScale, routeScale: 3, log });
    hostileUploads = figures;
    log(formatHostileUploads(figures).replace(/^/gm, '  '));
    failures.push(...problems.map((problem) => `hostile uploads: ${problem}`));
  });

  log();
  const webBundle = reportWebBundle();
  log();
  const webLoad = await reportWebLoad();

  const loadAverageAtEnd = os.loadavg().map((value) => Math.round(value * 100) / 100);
  log();
  log(`load average at end: ${loadAverageAtEnd.join(' ')}`);

  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    ok: failures.length === 0,
    machine: { ...machine, loadAverageAtEnd },
    notes: [
      'The load generator (autocannon in a worker thread of the benchmark process) shares the cores with the server under test.',
      'Zerodock runs in-process with the demo dataset; PGlite uses a fresh temporary data directory.',
    ],
    settings: { ...throughputSettings, loopbackOnly: true, postgres: databaseUrl !== undefined },
    throughput: rows,
    taxonomy,
    mentions,
    demandPipeline: pipeline,
    groups,
    courses,
    planContract,
    revision,
    roster,
    soak,
    hostileUploads,
    webBundle,
    webLoad,
    failures,
  };
  fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
}

async function measureHttp(): Promise<ThroughputRow[]> {
  const figures: { figure: ThroughputFigure; backend: ThroughputRow['backend'] }[] = [];
  const record = (figure: ThroughputFigure, backend: ThroughputRow['backend']) => {
    figures.push({ figure, backend });
    const problems = [
      figure.non2xx > 0
        ? `${figure.non2xx} non-2xx responses (status codes ${JSON.stringify(figure.statusCodes)})`
        : '',
      figure.errors > 0 ? `${figure.errors} connection errors (${figure.timeouts} timeouts)` : '',
      figure.completedRequests === 0 ? 'no response at all' : '',
    ].filter(Boolean);
    if (problems.length > 0) failures.push(`${figure.name}: ${problems.join('; ')} — its figures are not valid`);
    log(
      `  measured ${figure.name}: ${formatNumber(figure.requestsPerSecond, 0)} req/s${problems.length > 0 ? '  <-- INVALID' : ''}`,
    );
  };

  log('HTTP throughput');
  await step('bare Fastify', async () => {
    await withServer(startBareServer(), async (server) => {
      record(
        await measureThroughput({ name: 'fastify bare  GET /bare', url: `${server.baseUrl}/bare` }, throughputSettings),
        'none',
      );
    });
  });

  const backends: { label: string; databaseUrl?: string }[] = [{ label: 'PGlite' }];
  if (databaseUrl) backends.push({ label: 'PostgreSQL', databaseUrl });
  else log('  BENCH_DATABASE_URL not set: the PostgreSQL cases are skipped.');

  for (const backend of backends) {
    await step(`Zerodock on ${backend.label}`, async () => {
      const starting = performance.now();
      await withServer(
        startZerodock({ serveWeb: false, ...(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {}) }),
        async (server) => {
          log(
            `  Zerodock on ${server.backend} (${server.location}) ready in ${formatNumber((performance.now() - starting) / 1000, 1)} s; ` +
              (server.demoLoaded
                ? 'demo dataset loaded'
                : 'database not empty, so the demo dataset was not loaded again'),
          );
          const cookie = await signIn(server.baseUrl, DEMO_ADMIN);
          await checkOrganisationsRoute(server, cookie);
          const tag = server.backend === 'pglite' ? 'pglite' : 'pg15  ';
          record(
            await measureThroughput(
              { name: `zerodock ${tag} GET /api/health`, url: `${server.baseUrl}/api/health` },
              throughputSettings,
            ),
            server.backend,
          );
          record(
            await measureThroughput(
              {
                name: `zerodock ${tag} GET ${ORGANISATIONS_PATH}`,
                url: `${server.baseUrl}${ORGANISATIONS_PATH}`,
                headers: { cookie },
              },
              throughputSettings,
            ),
            server.backend,
          );
        },
      );
    });
  }

  const bare = figures.find(
    (entry) => entry.backend === 'none' && entry.figure.non2xx === 0 && entry.figure.errors === 0,
  );
  return figures.map(({ figure, backend }) => ({
    ...figure,
    backend,
    ratioToBare:
      bare && bare.figure.requestsPerSecond > 0 ? figure.requestsPerSecond / bare.figure.requestsPerSecond : null,
  }));
}

/** The authenticated route must answer real rows before it is measured: an empty page would flatter it. */
async function checkOrganisationsRoute(server: RunningZerodock, cookie: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}${ORGANISATIONS_PATH}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${ORGANISATIONS_PATH} with the session answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { items?: unknown[]; total?: number };
  const items = body.items?.length ?? 0;
  if (items === 0)
    throw new Error(`GET ${ORGANISATIONS_PATH} returned no organisations; nothing real would be measured`);
  log(
    `  ${ORGANISATIONS_PATH} returns ${items} of ${body.total ?? '?'} organisations, ${formatNumber(text.length / 1024, 1)} KiB of JSON`,
  );
}

function printThroughput(rows: readonly ThroughputRow[]): void {
  if (rows.length === 0) return;
  log();
  log(
    formatTable(
      ['case', 'req/s (mean)', '± sd', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'vs bare'],
      rows.map((row) => [
        row.name,
        formatNumber(row.requestsPerSecond, 0),
        formatNumber(row.requestsPerSecondStddev, 0),
        formatNumber(row.latencyP50Ms, 2),
        formatNumber(row.latencyP99Ms, 2),
        formatNumber(row.latencyMaxMs, 1),
        formatNumber(row.completedRequests, 0),
        row.non2xx + row.errors > 0 ? `${row.non2xx + row.errors} FAIL` : '0',
        row.ratioToBare === null ? 'n/a' : `${row.ratioToBare.toFixed(3)}×`,
      ]),
    ),
  );
}

function printSearch(figures: TaxonomyFigures): void {
  log(
    formatTable(
      [
        'competency search (limit 20)',
        'queries',
        'index build ms',
        'p50 ms',
        'p99 ms',
        'max ms',
        'SQL ILIKE p50',
        'SQL ILIKE p99',
      ],
      figures.search.map((row) => [
        row.framework,
        String(row.queries),
        formatNumber(row.indexBuildMs, 0),
        formatNumber(row.p50Ms, 2),
        formatNumber(row.p99Ms, 2),
        formatNumber(row.maxMs, 1),
        formatNumber(row.sqlIlikeP50Ms, 2),
        formatNumber(row.sqlIlikeP99Ms, 2),
      ]),
    ),
  );
  log(
    '  ours: exact/prefix/substring + typo-tolerant bigram ranking in memory; peer: substring-only ILIKE scan in SQL.',
  );
}

function reportWebBundle(): WebBundleFigure | { skipped: string } {
  log('Web bundle');
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    log('  web not built (run npm run build)');
    return { skipped: 'web not built (run npm run build)' };
  }
  try {
    const figure = measureWebBundle(webRoot);
    log(
      formatTable(
        ['JavaScript', 'files', 'raw kB', 'gzip -9 kB'],
        [
          [
            'initial (module script + modulepreload)',
            String(figure.initial.files.length),
            formatKilobytes(figure.initial.rawBytes),
            formatKilobytes(figure.initial.gzipBytes),
          ],
          ...figure.initial.files.map((file) => [
            `  ${file.file}`,
            '',
            formatKilobytes(file.rawBytes),
            formatKilobytes(file.gzipBytes),
          ]),
          [
            'all JS in dist/web/assets',
            String(figure.allJs.fileCount),
            formatKilobytes(figure.allJs.rawBytes),
            formatKilobytes(figure.allJs.gzipBytes),
          ],
        ],
      ),
    );
    return figure;
  } catch (error) {
    failures.push(`web bundle: ${describe(error)}`);
    return { skipped: `failed: ${describe(error)}` };
  }
}

async function reportWebLoad(): Promise<WebLoadFigure | { skipped: string }> {
  log('Web load time (headless Chromium, cold: a new browser context per load)');
  if (!fs.existsSync(CHROMIUM)) {
    const reason = `${CHROMIUM} not found (apt-get install -y chromium): web load time skipped`;
    log(`  ${reason}`);
    return { skipped: reason };
  }
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    const reason = 'web not built (run npm run build): web load time skipped';
    log(`  ${reason}`);
    return { skipped: reason };
  }
  let result: WebLoadFigure | { skipped: string } = { skipped: 'failed' };
  await step('web load time', async () => {
    await withServer(startZerodock({ serveWeb: true }), async (server) => {
      const figure = await measureWebLoad({
        baseUrl: server.baseUrl,
        path: '/login',
        readySelector: '[data-testid="login-submit"]',
        loads: WEB_LOADS,
        executablePath: CHROMIUM,
      });
      log(
        formatTable(
          [`GET ${figure.path} (${figure.loads} loads)`, 'median ms', 'max ms'],
          [
            ['load event', formatNumber(figure.loadEventMs.median, 0), formatNumber(figure.loadEventMs.max, 0)],
            ['login button visible', formatNumber(figure.readyMs.median, 0), formatNumber(figure.readyMs.max, 0)],
          ],
        ),
      );
      log('  (served by Zerodock on loopback, uncompressed; the browser shares the cores with the server)');
      result = figure;
    });
  });
  return result;
}

/** Runs one part; a failure is recorded and reported, and the remaining parts still run. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    failures.push(`${name}: ${describe(error)}`);
    log(`  ${name}: FAILED — ${describe(error)}`);
  }
}

async function withServer<Server extends RunningServer>(
  starting: Promise<Server>,
  body: (server: Server) => Promise<void>,
): Promise<void> {
  const server = await starting;
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

function readSeconds(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 8;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 600) {
    process.stderr.write(`bench: BENCH_SECONDS must be a number of seconds above 0 and at most 600, not "${value}"\n`);
    process.exit(1);
  }
  return parsed;
}

function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatKilobytes(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
