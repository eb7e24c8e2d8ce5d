import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../create-database.js';
import * as postingSearch from '../migrations/0009-posting-search.js';
import { openTestDatabase, testBackend } from '../test-database.js';
import { createRepositories, type Repositories } from './create-repositories.js';
import type { PostingInsert } from './demand.repository.js';

let database: DatabaseHandle;
let repositories: Repositories;

const TEXTS: [title: string, enterprise: string, body: string][] = [
  ['软件测试工程师', '苏州云测软件有限公司', '负责工业软件的功能测试，编写测试用例，使用 Selenium 自动化测试。'],
  ['大数据分析师', '无锡数智科技有限公司', '负责生产数据的清洗与分析，熟悉 Python 和 SQL。'],
  ['Software Test Engineer', 'CloudTest Services Ltd', 'Design automated tests for industrial software; C++ a plus.'],
  ['供应链管理专员', '苏州链通供应链管理服务有限公司', '负责采购计划、库存管理与物流协调。'],
  ['Data Analyst', 'Insight Analytics', 'Analysing production data with Python; reporting to the quality team.'],
  ['运维工程师', '苏州云测软件有限公司', '负责服务器运维与监控，熟悉 Linux；C# 经验优先。'],
];

function posting(index: number, [title, enterprise, body]: [string, string, string]): PostingInsert {
  return {
    sourceId: `s${index}`,
    title,
    body,
    enterprise,
    enterpriseKey: enterprise.toLowerCase(),
    province: '江苏省',
    city: '苏州市',
    postedOn: `2025-01-${String(10 + index).padStart(2, '0')}`,
    year: 2025,
    postId: null,
    postConfidence: null,
    fingerprintHi: index,
    fingerprintLo: index,
    links: [],
  };
}

async function search(q: string, page = { limit: 20, offset: 0 }): Promise<{ titles: string[]; total: number }> {
  const result = await repositories.demand.listPostings({ q }, page);
  return { titles: result.items.map((item) => item.title), total: result.total };
}

beforeAll(async () => {
  database = await openTestDatabase();
  repositories = createRepositories(database.db);
  const importId = await repositories.demand.createImport({
    fileName: 'search.csv',
    checksum: 'search',
    linkMode: 'exact',
    records: TEXTS.length,
    dictionary: 'test',
    createdBy: null,
  });
  await repositories.demand.insertPostings(
    importId,
    TEXTS.map((text, index) => posting(index, text)),
  );
  await repositories.demand.completeImport(importId, TEXTS.length, new Date());
});
afterAll(async () => {
  await database?.close();
});

describe(`postings full-text search on ${testBackend()}`, () => {
  it('finds Chinese words in titles, enterprises and bodies, newest first', async () => {
    expect(await search('测试')).toEqual({ titles: ['软件测试工程师'], total: 1 });
    expect(await search('数据分析')).toEqual({ titles: ['大数据分析师'], total: 1 });
    expect(await search('工程师')).toEqual({ titles: ['运维工程师', '软件测试工程师'], total: 2 });
    expect(await search('云测')).toEqual({ titles: ['运维工程师', '软件测试工程师'], total: 2 });
    expect(await search('库存管理')).toEqual({ titles: ['供应链管理专员'], total: 1 });
    expect((await search('区块链')).total).toBe(0);
  });

  it('finds English by stem and case-insensitively, every word required', async () => {
    expect(await search('testing')).toEqual({ titles: ['Software Test Engineer'], total: 1 });
    expect(await search('PYTHON')).toEqual({ titles: ['Data Analyst', '大数据分析师'], total: 2 });
    expect(await search('python quality')).toEqual({ titles: ['Data Analyst'], total: 1 });
    expect(await search('c++')).toEqual({ titles: ['Software Test Engineer'], total: 1 });
    expect(await search('C#')).toEqual({ titles: ['运维工程师'], total: 1 });
    expect(await search('selenium 测试用例')).toEqual({ titles: ['软件测试工程师'], total: 1 });
  });

  it('pages the matches with the total of all of them; a query of punctuation finds nothing', async () => {
    const first = await search('负责', { limit: 2, offset: 0 });
    const second = await search('负责', { limit: 2, offset: 2 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...first.titles, ...second.titles]).toEqual([
      '运维工程师',
      '供应链管理专员',
      '大数据分析师',
      '软件测试工程师',
    ]);
    expect(await search('负责', { limit: 2, offset: 10 })).toEqual({ titles: [], total: 4 });
    expect(await search('%_\\，')).toEqual({ titles: [], total: 0 });
  });

  it('looks the words up in the GIN index', async () => {
    await sql`analyze postings`.execute(database.db);
    await sql`set enable_seqscan = off`.execute(database.db);
    try {
      const plan = await sql<Record<string, string>>`explain select id from postings
        where to_tsvector('simple', search_tokens) @@ plainto_tsquery('simple', '测试')`.execute(database.db);
      expect(plan.rows.map((row) => Object.values(row)[0]).join('\n')).toContain('postings_search_idx');
    } finally {
      await sql`reset enable_seqscan`.execute(database.db);
    }
  });

  it('tokenises the postings stored before the migration', async () => {
    await postingSearch.down(database.db as Kysely<unknown>);
    await postingSearch.up(database.db as Kysely<unknown>);
    expect(await search('数据分析')).toEqual({ titles: ['大数据分析师'], total: 1 });
    expect(await search('testing')).toEqual({ titles: ['Software Test Engineer'], total: 1 });
  });
});
