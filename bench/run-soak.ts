import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from './format-table.js';
import { measureSearchStall, type SearchStallFigures } from './measure-search-stall.js';
import { measureSoak, type SoakFigures } from './measure-soak.js';
import { DEMO_ADMIN, signIn } from './sign-in.js';
import { startZerodockProcess } from './start-zerodock-process.js';

/**
 * `npm run bench:soak` (also the last step of `npm run bench`): against a real `zerodock serve` child process per
 * backend (PGlite, and PostgreSQL with BENCH_DATABASE_URL), first the search stall (the p99 of a cheap route while
 * 50 connections search postings), then the soak (BENCH_SOAK_SECONDS, default 600, of mixed reads and writes at
 * 50 connections). BENCH_SOAK_BACKENDS=pglite or =postgres runs one of them. Writes bench/results/soak.json.
 */
export interface SoakRunFigures {
  readonly backend: 'pglite' | 'postgres';
  readonly searchStall: SearchStallFigures;
  readonly soak: SoakFigures;
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const log = (line = '') => process.stdout.write(`${line}\n`);

export function soakSeconds(): number {
  const value = process.env.BENCH_SOAK_SECONDS?.trim();
  const seconds = value ? Number(value) : 600;
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`BENCH_SOAK_SECONDS must be a positive number, not "${value}"`);
  return seconds;
}

export async function runSoak(options: { seconds: number; databaseUrl?: string }): Promise<SoakRunFigures[]> {
  const only = process.env.BENCH_SOAK_BACKENDS?.split(',').map((name) => name.trim());
  const backends: (string | undefined)[] = [];
  if (!only || only.includes('pglite')) backends.push(undefined);
  if (options.databaseUrl && (!only || only.includes('postgres'))) backends.push(options.databaseUrl);
  else log('  BENCH_DATABASE_URL not set: the PostgreSQL soak is skipped.');
  const results: SoakRunFigures[] = [];
  for (const databaseUrl of backends) {
    const starting = performance.now();
    const server = await startZerodockProcess(databaseUrl ? { databaseUrl } : {});
    try {
      log(
        `  zerodock serve (${server.backend}, pid ${server.pid}) ready in ${((performance.now() - starting) / 1000).toFixed(0)} s with the demo dataset (3,000 postings)`,
      );
      const cookie = await signIn(server.baseUrl, DEMO_ADMIN);
      const searchStall = await measureSearchStall(server.baseUrl, cookie, { seconds: 20 });
      printStall(server.backend, searchStall);
      const soak = await measureSoak(server, { seconds: options.seconds, connections: 50 });
      printSoak(soak);
      results.push({ backend: server.backend, searchStall, soak });
    } finally {
      await server.close();
    }
  }
  return results;
}

function printStall(backend: string, figures: SearchStallFigures): void {
  const row = (label: string, figure: SearchStallFigures['search']) => [
    label,
    String(figure.completedRequests),
    figure.latencyP50Ms.toFixed(1),
    figure.latencyP99Ms.toFixed(1),
    figure.latencyMaxMs.toFixed(0),
    String(figure.non2xx + figure.errors),
  ];
  log(
    formatTable(
      [`search stall, ${backend} (${figures.seconds} s)`, 'requests', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx/err'],
      [
        row(`${figures.cheapAlone.name}, ${figures.cheapConnections} conn., alone`, figures.cheapAlone),
        row(`the same during the searches`, figures.cheapUnderSearch),
        row(`postings search, ${figures.searchConnections} conn.`, figures.search),
      ],
    ).replace(/^/gm, '  '),
  );
}

function printSoak(figures: SoakFigures): void {
  log(
    `  soak ${figures.backend}: ${figures.seconds.toFixed(0)} s at ${figures.connections} connections: ` +
      `${figures.requests} requests (${figures.requestsPerSecond.toFixed(0)}/s), ${figures.errors} errors ` +
      `${JSON.stringify(figures.errorsByStatus)}, p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, ` +
      `max ${figures.maxMs.toFixed(0)} ms; RSS ${figures.rssStartMb.toFixed(0)} → peak ${figures.rssPeakMb.toFixed(0)} → ` +
      `end ${figures.rssEndMb.toFixed(0)} MB (drift ${(figures.rssEndMb - figures.rssStartMb).toFixed(0)} MB)`,
  );
  log(
    formatTable(
      ['route', 'requests', 'errors', 'p50 ms', 'p99 ms'],
      figures.routes.map((route) => [
        route.name,
        String(route.requests),
        String(route.errors),
        route.p50Ms.toFixed(1),
        route.p99Ms.toFixed(1),
      ]),
    ).replace(/^/gm, '  '),
  );
}

// Run directly: npm run bench:soak
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seconds = soakSeconds();
  const databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || undefined;
  log(
    `Soak: ${seconds} s per backend (BENCH_SOAK_SECONDS), 50 connections; load average ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  const results = await runSoak({ seconds, ...(databaseUrl ? { databaseUrl } : {}) });
  const file = path.join(packageRoot, 'bench', 'results', 'soak.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), loadAverage: os.loadavg(), seconds, results }, null, 2)}\n`,
  );
  log(`results written to ${path.relative(process.cwd(), file)}`);
  process.exit(results.every((result) => result.soak.errors === 0) ? 0 : 1);
}
