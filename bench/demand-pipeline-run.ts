/**
 * One end-to-end run of the demand pipeline in its own process (so its peak RSS is its own): generate N postings
 * from the real sentences in ../shared/data, then on a fresh PGlite data directory import them (validate, dedupe,
 * link exact mentions, classify, write in checkpointed chunks, count demand) and aggregate (overview + trends).
 * Prints one JSON line of figures on stdout; progress on stderr.
 *   npx tsx bench/demand-pipeline-run.ts --count 1000000 [--dir /tmp/x] [--mode exact|full]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePostings } from '../src/interchange/postings/generate-postings.js';
import { writePostingsJsonl } from '../src/interchange/postings/write-postings-file.js';
import { curatedCatalogueDir } from '../src/interchange/shared-data.js';
import { argon2PasswordHasher } from '../src/services/argon2-password-hasher.js';
import { demandOverview, demandTrends } from '../src/services/demand-service.js';
import { importPostingsFile } from '../src/services/posting-import-service.js';
import type { ServiceContext } from '../src/services/service-context.js';
import { ensureCuratedCatalogue } from '../src/services/taxonomy-source-import.js';
import { createDatabase } from '../src/storage/create-database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { createStore } from '../src/storage/repositories/create-repositories.js';

export interface DemandPipelineFigures {
  count: number;
  mode: 'exact' | 'full';
  fileMegabytes: number;
  generateSeconds: number;
  importSeconds: number;
  aggregateSeconds: number;
  /** Import + aggregate (the pipeline; generation is the benchmark's own set-up). */
  pipelineSeconds: number;
  stored: number;
  duplicates: number;
  postingsPerSecond: number;
  maxRssMegabytes: number;
  rising: number;
  falling: number;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const count = Number(argument('count', '100000'));
const mode = argument('mode', 'exact') === 'full' ? 'full' : 'exact';
const dir = argument('dir', fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-demand-bench-')));
const file = path.join(dir, 'postings.jsonl');
const log = (line: string) => process.stderr.write(`${line}\n`);

let started = performance.now();
await writePostingsJsonl(file, generatePostings({ count, seed: 20261122 }));
const generateSeconds = (performance.now() - started) / 1000;
log(`generated ${count} postings (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${generateSeconds.toFixed(1)} s`);

const database = await createDatabase({ kind: 'pglite', dataDir: path.join(dir, 'data') });
await migrateToLatest(database.db);
const context: ServiceContext = {
  store: createStore(database.db),
  clock: () => new Date(),
  passwords: argon2PasswordHasher,
};
await ensureCuratedCatalogue(context, curatedCatalogueDir());

started = performance.now();
let lastDecile = -1;
const outcome = await importPostingsFile(context, file, {
  mode,
  onProgress: (phase, done, total) => {
    const decile = Math.floor((done / Math.max(total, 1)) * 10);
    if (decile !== lastDecile || phase !== 'link') {
      if (phase === 'link') lastDecile = decile;
      if (phase === 'link' || done === total) {
        log(`${phase} ${done}/${total} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    }
  },
});
const importSeconds = (performance.now() - started) / 1000;
started = performance.now();
await demandOverview(context, {});
const trends = await demandTrends(context, { fdr: 0.05, minPostings: 20, limit: 20 });
const aggregateSeconds = (performance.now() - started) / 1000;
await database.close();

const figures: DemandPipelineFigures = {
  count,
  mode,
  fileMegabytes: fs.statSync(file).size / 1e6,
  generateSeconds,
  importSeconds,
  aggregateSeconds,
  pipelineSeconds: importSeconds + aggregateSeconds,
  stored: outcome.import.stored,
  duplicates: outcome.import.duplicates,
  postingsPerSecond: count / (importSeconds + aggregateSeconds),
  maxRssMegabytes: process.resourceUsage().maxRSS / 1024,
  rising: trends.rising.filter((row) => row.significant).length,
  falling: trends.falling.filter((row) => row.significant).length,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
if (!process.argv.includes('--dir')) fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
