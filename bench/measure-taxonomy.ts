import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/storage/database-schema.js';
import type { VersionCounts } from '../src/storage/repositories/framework-version.repository.js';
import { readCuratedCatalogue } from '../src/interchange/curated/read-curated-catalogue.js';
import { readEscoRelease } from '../src/interchange/esco/read-esco-release.js';
import { sharedDataPath } from '../src/interchange/shared-data.js';
import { argon2PasswordHasher } from '../src/services/argon2-password-hasher.js';
import type { ServiceContext } from '../src/services/service-context.js';
import { importTaxonomyBundle } from '../src/services/taxonomy-import-service.js';
import { searchCompetencies } from '../src/services/taxonomy-service.js';
import { createDatabase, type DatabaseOptions } from '../src/storage/create-database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { createStore } from '../src/storage/repositories/create-repositories.js';

export interface ImportFigure {
  backend: string;
  seconds: number;
  rowsPerSecond: number;
  rows: number;
  counts: VersionCounts;
}

export interface SearchFigure {
  framework: string;
  queries: number;
  indexBuildMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The peer: a plain SQL ILIKE substring scan over labels and aliases on the same database, same queries. */
  sqlIlikeP50Ms: number;
  sqlIlikeP99Ms: number;
}

export interface TaxonomyFigures {
  parse: { seconds: number; competencies: number; occupations: number; links: number; relations: number };
  imports: ImportFigure[];
  search: SearchFigure[];
}

const EN_QUERIES = [
  'software testing',
  'manage warehouse',
  'quality management',
  'python',
  'selenium',
  'supply chain',
  'patent',
  'recruit employees',
  'project managment',
  'logistics',
  'database',
  'negotiate',
  'customer service',
  'cloud computing',
  'blockchain',
  'marketing',
  'legal advice',
  'insurance',
  'brand',
  'product design',
];
const ZH_QUERIES = [
  '测试',
  '自动化测试',
  '仓储管理',
  '质量体系',
  '供应链',
  '招聘',
  '专利',
  '合同',
  '品牌',
  '外观设计',
  '运维',
  '云计算',
  '团队合作',
  '英语',
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function contextOf(db: Awaited<ReturnType<typeof createDatabase>>): ServiceContext {
  return {
    store: createStore(db.db, { sessionCacheSeconds: 0 }),
    clock: () => new Date(),
    passwords: argon2PasswordHasher,
  };
}

async function timeSearches(
  context: ServiceContext,
  db: Kysely<Database>,
  versionId: string,
  queries: readonly string[],
  rounds: number,
) {
  // The first call builds the index: timed separately.
  const building = performance.now();
  await searchCompetencies(context, versionId, { q: 'x', limit: 20, offset: 0, groups: 'exclude' });
  const indexBuildMs = performance.now() - building;
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const start = performance.now();
      await searchCompetencies(context, versionId, { q, limit: 20, offset: 0, groups: 'exclude' });
      times.push(performance.now() - start);
    }
  }
  const peer: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const pattern = `%${q}%`;
      const start = performance.now();
      await sql`select id from competencies where version_id = ${versionId} and not is_group and (
          label_zh ilike ${pattern} or label_en ilike ${pattern}
          or array_to_string(aliases_zh || aliases_en, ' | ') ilike ${pattern})
        order by id limit 20`.execute(db);
      peer.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  peer.sort((a, b) => a - b);
  return {
    queries: times.length,
    indexBuildMs,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times[times.length - 1] ?? Number.NaN,
    sqlIlikeP50Ms: percentile(peer, 50),
    sqlIlikeP99Ms: percentile(peer, 99),
  };
}

/**
 * ESCO v1.1.1 parse time, full import time on PGlite (on disk, like production) and on PostgreSQL when a URL is
 * given, and competency search latency (our in-memory index vs a SQL ILIKE scan over the same rows).
 */
export async function measureTaxonomy(options: {
  databaseUrl?: string | undefined;
  log: (line: string) => void;
}): Promise<TaxonomyFigures | { skipped: string }> {
  const escoDir = sharedDataPath('esco-v1.1.1-en');
  if (!escoDir) return { skipped: '../shared/data is absent: the taxonomy benchmark needs the ESCO release' };
  const { log } = options;

  const parsing = performance.now();
  const bundle = await readEscoRelease(escoDir);
  const parseSeconds = (performance.now() - parsing) / 1000;
  const parse = {
    seconds: parseSeconds,
    competencies: bundle.competencies.length,
    occupations: bundle.occupations.length,
    links: bundle.occupationLinks.length,
    relations: bundle.relations.length,
  };
  log(
    `  parse ESCO v1.1.1 CSV: ${parseSeconds.toFixed(2)} s (${parse.competencies} concepts, ${parse.occupations} occupations, ${parse.links} links, ${parse.relations} relations)`,
  );
  const rows = parse.competencies + parse.occupations + parse.links + parse.relations;
  const curated = (await readCuratedCatalogue(path.join(process.cwd(), 'data', 'catalogue'))).bundle;

  const targets: { label: string; options: DatabaseOptions }[] = [];
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bench-taxonomy-'));
  targets.push({ label: 'PGlite (on disk)', options: { kind: 'pglite', dataDir: tempDir } });
  if (options.databaseUrl)
    targets.push({ label: 'PostgreSQL', options: { kind: 'postgres', url: options.databaseUrl } });

  const imports: ImportFigure[] = [];
  const search: SearchFigure[] = [];
  try {
    for (const target of targets) {
      const database = await createDatabase(target.options);
      try {
        await migrateToLatest(database.db);
        const context = contextOf(database);
        // A label of its own, so a shared PostgreSQL never sees "unchanged" from an earlier run; removed afterwards.
        const runBundle = { ...bundle, framework: { ...bundle.framework, label: `bench-${Date.now()}` } };
        const start = performance.now();
        const result = await importTaxonomyBundle(context, runBundle);
        const seconds = (performance.now() - start) / 1000;
        imports.push({ backend: target.label, seconds, rows, rowsPerSecond: rows / seconds, counts: result.counts });
        log(
          `  import ESCO into ${target.label}: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s; counts ${JSON.stringify(result.counts)}`,
        );
        const esco = await timeSearches(context, database.db, result.versionId, EN_QUERIES, 5);
        search.push({ framework: `esco (${target.label})`, ...esco });
        const curatedResult = await importTaxonomyBundle(context, {
          ...curated,
          framework: { ...curated.framework, label: `bench-${Date.now()}` },
        });
        const zh = await timeSearches(context, database.db, curatedResult.versionId, [...ZH_QUERIES, ...EN_QUERIES], 5);
        search.push({ framework: `zerodock curated (${target.label})`, ...zh });
        await context.store.repositories.frameworkVersions.delete(result.versionId);
        await context.store.repositories.frameworkVersions.delete(curatedResult.versionId);
      } finally {
        await database.close();
      }
    }
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
  return { parse, imports, search };
}
