import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors/domain-error.js';
import { curatedCatalogueDir } from '../interchange/shared-data.js';
import type { DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase } from '../storage/test-database.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import { demandOverview, demandTrends, getPosting, listPostings, postDemandProfile } from './demand-service.js';
import { failStalePostingImports, importPostingsFile } from './posting-import-service.js';
import type { ServiceContext } from './service-context.js';
import { ensureCuratedCatalogue } from './taxonomy-source-import.js';

let database: DatabaseHandle;
let context: ServiceContext;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  context = { store: createStore(database.db), clock: () => new Date(), passwords: argon2PasswordHasher };
  await ensureCuratedCatalogue(context, curatedCatalogueDir());
  dir = await mkdtemp(join(tmpdir(), 'zerodock-postings-'));
});
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const TESTER_TEXT =
  '负责工业软件的功能测试与自动化测试，使用Selenium编写测试脚本，提交缺陷报告。熟悉Linux与SQL，具备良好的团队合作能力。';
const OPS_TEXT =
  '负责工厂信息系统的日常运维与监控，处理服务器故障，维护数据库备份。要求熟悉Linux、网络配置与Shell脚本。';

function csv(rows: string[][]): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`;
}

function postingsCsv(count: number, start = 0): string {
  const rows = [['id', 'title', 'text', 'enterprise', 'province', 'city', 'date']];
  for (let i = start; i < start + count; i += 1) {
    const tester = i % 2 === 0;
    const year = 2022 + (i % 4);
    rows.push([
      `p${i}`,
      tester ? '软件测试工程师' : '运维工程师',
      `${tester ? TESTER_TEXT : OPS_TEXT} 岗位编号${i}，第${i}批次，团队规模${i % 7}人，项目${i * 13}。`,
      `企业${i}`,
      '江苏省',
      '无锡市',
      `${year}-03-0${1 + (i % 9)}`,
    ]);
  }
  return csv(rows);
}

/** What an import stores: imports that did not fail, postings and counts. */
async function tableCounts(): Promise<string> {
  const counts: number[] = [];
  const imports = await sql<{
    n: number;
  }>`select count(*)::int as n from posting_imports where status <> 'failed'`.execute(database.db);
  counts.push(imports.rows[0]!.n);
  for (const table of ['postings', 'demand_counts', 'demand_enterprises']) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db);
    counts.push(result.rows[0]!.n);
  }
  return counts.join(',');
}

describe('importPostingsFile', () => {
  it('imports, links, classifies, dedupes and counts; the same file again is unchanged', async () => {
    const file = join(dir, 'jobs.csv');
    const body = postingsCsv(40);
    // A repost of p0 with only whitespace and punctuation changed: a near-duplicate of the same enterprise.
    const repost = csv([
      [
        'p-repost',
        '软件测试工程师',
        `${TESTER_TEXT.replace('，', ', ')} 岗位编号0，第0批次，团队规模0人，项目0。`,
        '企业0',
        '江苏省',
        '无锡市',
        '2022-03-01',
      ],
    ]);
    await writeFile(file, body + repost);
    const outcome = await importPostingsFile(context, file);
    expect(outcome.status).toBe('created');
    expect(outcome.import).toMatchObject({ status: 'complete', records: 41, stored: 40, duplicates: 1, processed: 41 });

    const page = await listPostings(context, { limit: 5, offset: 0 });
    expect(page.total).toBe(40);
    const tester = await listPostings(context, { q: '测试', limit: 50, offset: 0 });
    expect(tester.total).toBe(20);
    expect(tester.items.every((item) => item.postId === 'ito-industrial-software-testing')).toBe(true);

    const detail = await getPosting(context, tester.items[0]!.id);
    const selenium = detail.competencies.find((competency) => competency.key === 'zerodock:test-automation-frameworks');
    expect(selenium?.evidence).toBe('exact');
    const [start, end] = selenium!.spans[0]!;
    expect(detail.linkedText.slice(start, end)).toBe('Selenium');

    const overview = await demandOverview(context, {});
    expect(overview.postings).toBe(40);
    expect(overview.duplicatesDropped).toBe(1);
    expect(overview.years.map((row) => row.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(overview.byPost.find((row) => row.key === 'ito-industrial-software-testing')?.count).toBe(20);
    expect(overview.enterprises).toBe(40);

    const profile = await postDemandProfile(context, 'ito-industrial-software-testing');
    expect(profile.years.reduce((sum, row) => sum + row.postings, 0)).toBe(20);
    expect(profile.competencies.find((row) => row.key === 'zerodock:test-automation-frameworks')?.required).toBe(true);

    const trends = await demandTrends(context, { fdr: 0.05, minPostings: 1, limit: 10 });
    expect(trends.years).toEqual([2022, 2023, 2024, 2025]);
    expect(trends.totals.reduce((sum, value) => sum + value, 0)).toBe(40);

    const before = await tableCounts();
    const again = await importPostingsFile(context, file);
    expect(again.status).toBe('unchanged');
    expect(await tableCounts()).toBe(before);
  });

  it('writes nothing when any record of the file is bad, and names file, line and field', async () => {
    const file = join(dir, 'bad.csv');
    const rows = postingsCsv(30, 1000).split('\n');
    rows[25] = 'x1,标题,,企业,江苏省,无锡市,2024-01-01'; // empty text on line 26
    await writeFile(file, rows.join('\n'));
    const before = await tableCounts();
    // Chunks of 10: two chunks are written before line 26 fails, and must go with the failed import.
    const failure = await importPostingsFile(context, file, { batchSize: 10 }).catch((error: unknown) => error);
    expect(isDomainError(failure) && failure.code).toBe('IMPORT_FAILED');
    expect((failure as Error).message).toMatch(/^bad\.csv:26:text: /);
    expect(await tableCounts()).toBe(before);
    const failed = (await context.store.repositories.demand.listImports()).find((row) => row.fileName === 'bad.csv');
    expect(failed).toMatchObject({ status: 'failed', stored: 0, processed: 0 });
    expect(failed?.failure).toMatch(/^bad\.csv:26:text: /);
    // The same file again starts over under the same import (and fails the same way): no second row.
    await expect(importPostingsFile(context, file, { batchSize: 10 })).rejects.toThrow(/^bad\.csv:26:text: /);
    const again = (await context.store.repositories.demand.listImports()).filter((row) => row.fileName === 'bad.csv');
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: failed?.id, status: 'failed' });

    const unknownPost = join(dir, 'unknown-post.csv');
    await writeFile(
      unknownPost,
      csv([
        ['id', 'title', 'text', 'enterprise', 'date', 'post'],
        ['a', '测试', TESTER_TEXT, '企业', '2024-01-01', 'no-such-post'],
      ]),
    );
    await expect(importPostingsFile(context, unknownPost)).rejects.toThrow(/unknown-post\.csv:2:post: unknown post id/);
    expect(await tableCounts()).toBe(before);
  });

  it('resumes an interrupted import from its checkpoint; the unfinished import is invisible meanwhile', async () => {
    const file = join(dir, 'big.csv');
    await writeFile(file, postingsCsv(30, 5000));
    const visibleBefore = (await demandOverview(context, {})).postings;
    const first = await importPostingsFile(context, file, { batchSize: 10, stopAfter: 10 });
    expect(first.status).toBe('interrupted');
    expect(first.import).toMatchObject({ status: 'running', processed: 10 });
    expect((await demandOverview(context, {})).postings).toBe(visibleBefore);
    expect((await listPostings(context, { q: '企业', limit: 1, offset: 0 })).total).toBe(visibleBefore);

    const resumed = await importPostingsFile(context, file, { batchSize: 10 });
    expect(resumed.status).toBe('resumed');
    expect(resumed.import).toMatchObject({ status: 'complete', processed: 30, records: 30, stored: 30 });
    expect((await demandOverview(context, {})).postings).toBe(visibleBefore + 30);
  });

  it('marks a server-side import that stopped moving failed, deleting its postings; a CLI one stays resumable', async () => {
    const server = join(dir, 'server-upload.csv');
    await writeFile(server, postingsCsv(20, 7000));
    const cli = join(dir, 'cli-import.csv');
    await writeFile(cli, postingsCsv(20, 8000));
    const stopped = await importPostingsFile(context, server, { batchSize: 10, stopAfter: 10, origin: 'server' });
    const resumable = await importPostingsFile(context, cli, { batchSize: 10, stopAfter: 10 });
    expect([stopped.import.status, resumable.import.status]).toEqual(['running', 'running']);
    const old = new Date(Date.now() - 2 * 3600_000);
    await sql`update posting_imports set updated_at = ${old} where id in (${stopped.import.id}, ${resumable.import.id})`.execute(
      database.db,
    );
    // Moving recently: not stale yet.
    expect(await failStalePostingImports(context, new Date(Date.now() - 3 * 3600_000))).toBe(0);
    expect(await failStalePostingImports(context, new Date(Date.now() - 3600_000))).toBe(1);
    const failed = await context.store.repositories.demand.findImport(stopped.import.id);
    expect(failed).toMatchObject({ status: 'failed', stored: 0, origin: 'server' });
    expect(failed?.failure).toMatch(/the server stopped during the import/);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from postings where import_id = ${stopped.import.id}`.execute(database.db);
    expect(left.rows[0]!.n).toBe(0);
    expect((await context.store.repositories.demand.findImport(resumable.import.id))?.status).toBe('running');
    expect((await importPostingsFile(context, cli, { batchSize: 10 })).status).toBe('resumed');
    // The server-side file uploaded again starts over and completes.
    const again = await importPostingsFile(context, server, { batchSize: 10, origin: 'server' });
    expect(again).toMatchObject({
      status: 'created',
      import: { id: stopped.import.id, status: 'complete', stored: 20 },
    });
  });

  it('stops between chunks when its signal is aborted (the server shutting down) and is marked failed', async () => {
    const file = join(dir, 'shutdown.csv');
    await writeFile(file, postingsCsv(30, 9000));
    const before = await tableCounts();
    const controller = new AbortController();
    controller.abort();
    const failure = await importPostingsFile(context, file, {
      batchSize: 10,
      origin: 'server',
      signal: controller.signal,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'IMPORT_BUSY' });
    expect(await tableCounts()).toBe(before);
    const row = (await context.store.repositories.demand.listImports()).find(
      (item) => item.fileName === 'shutdown.csv',
    );
    expect(row).toMatchObject({ status: 'failed', failure: expect.stringMatching(/shut down/) as unknown });
  });
});
