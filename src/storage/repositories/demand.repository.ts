import { sql, type Kysely, type RawBuilder } from 'kysely';
import { searchTokens } from '../../interchange/search/search-tokens.js';
import { postingSearchTokens } from '../../interchange/search/posting-search-tokens.js';
import type { Database } from '../database-schema.js';
import { createExpensiveQueryGate, type ExpensiveQueryGate } from '../expensive-query-gate.js';
import { iso } from './column-values.js';
import { lockAggregate } from './aggregate-lock.js';

/** A posting ready to store (linked, classified, fingerprinted). */
export interface PostingInsert {
  sourceId: string;
  title: string;
  body: string;
  enterprise: string;
  enterpriseKey: string;
  province: string | null;
  city: string | null;
  postedOn: string;
  year: number;
  postId: string | null;
  postConfidence: number | null;
  fingerprintHi: number;
  fingerprintLo: number;
  /** `[key, score, evidence, spans]` tuples, compact because there can be millions. */
  links: [string, number, 'e' | 'i', number[]][];
}

/** One increment of a demand count (competency key '' = all postings of the slice). */
export interface DemandCountIncrement {
  competencyKey: string;
  postId: string;
  province: string;
  year: number;
  postings: number;
}

export interface DemandEnterpriseRow {
  postId: string;
  province: string;
  year: number;
  enterpriseKey: string;
}

export type PostingImportStatus = 'running' | 'complete' | 'failed';
export type PostingImportOrigin = 'cli' | 'server';

export interface PostingImportRow {
  id: string;
  fileName: string;
  checksum: string;
  linkMode: 'exact' | 'full';
  status: PostingImportStatus;
  /** Why a failed import failed (FILE:LINE:FIELD: reason). */
  failure: string | null;
  origin: PostingImportOrigin;
  records: number;
  processed: number;
  stored: number;
  duplicates: number;
  dictionary: string;
  createdAt: string;
  finishedAt: string | null;
  /** The organisation that made the import (null: the platform, e.g. from the command line). */
  organisationId: string | null;
}

export interface DemandSlice {
  province?: string | undefined;
  post?: string | undefined;
}

export interface PostingFilter extends DemandSlice {
  q?: string | undefined;
  year?: number | undefined;
  competency?: string | undefined;
}

export interface PostingRow {
  id: string;
  importId: string;
  sourceId: string;
  title: string;
  body: string;
  enterprise: string;
  province: string | null;
  city: string | null;
  postedOn: string;
  postId: string | null;
  postConfidence: number | null;
  competencyCount: number;
  links: [string, number, 'e' | 'i', number[]][];
}

const CHUNK = 5000;

function isoDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  // A `date` column comes back as local midnight on `pg`; format in local time so the day is kept.
  const month = String(value.getMonth() + 1).padStart(2, '0');
  const day = String(value.getDate()).padStart(2, '0');
  return `${value.getFullYear()}-${month}-${day}`;
}

/** Postings, their imports (with checkpoints) and the demand counts derived from them. */
export class DemandRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Postings lists and searches (a count over the matches plus a page) pass through it; see its doc. */
    private readonly expensiveQueries: ExpensiveQueryGate = createExpensiveQueryGate(1),
  ) {}

  // ---- imports ------------------------------------------------------------------------------------------

  async findImportByChecksum(checksum: string): Promise<PostingImportRow | null> {
    const row = await this.db
      .selectFrom('posting_imports')
      .selectAll()
      .where('checksum', '=', checksum)
      .executeTakeFirst();
    return row ? importFromRow(row) : null;
  }

  async findImport(id: string): Promise<PostingImportRow | null> {
    const row = await this.db.selectFrom('posting_imports').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? importFromRow(row) : null;
  }

  async listImports(): Promise<PostingImportRow[]> {
    const rows = await this.db.selectFrom('posting_imports').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map(importFromRow);
  }

  async createImport(values: {
    fileName: string;
    checksum: string;
    linkMode: 'exact' | 'full';
    records: number;
    dictionary: string;
    createdBy: string | null;
    organisationId?: string | null;
    origin?: PostingImportOrigin;
  }): Promise<string> {
    const row = await this.db
      .insertInto('posting_imports')
      .values({
        file_name: values.fileName,
        checksum: values.checksum,
        link_mode: values.linkMode,
        status: 'running',
        records: values.records,
        dictionary: values.dictionary,
        created_by: values.createdBy,
        organisation_id: values.organisationId ?? null,
        finished_at: null,
        failure: null,
        origin: values.origin ?? 'cli',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A failed import of the same file runs again from the start, under its old id (the checksum is unique). */
  async restartImport(
    id: string,
    values: {
      fileName: string;
      linkMode: 'exact' | 'full';
      dictionary: string;
      createdBy: string | null;
      organisationId?: string | null;
      origin: PostingImportOrigin;
    },
  ): Promise<void> {
    await this.db
      .updateTable('posting_imports')
      .set({
        file_name: values.fileName,
        link_mode: values.linkMode,
        dictionary: values.dictionary,
        created_by: values.createdBy,
        organisation_id: values.organisationId ?? null,
        origin: values.origin,
        status: 'running',
        failure: null,
        records: 0,
        processed: 0,
        stored: 0,
        duplicates: 0,
        finished_at: null,
        created_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .execute();
  }

  async advanceImport(id: string, progress: { processed: number; stored: number; duplicates: number }): Promise<void> {
    await this.db
      .updateTable('posting_imports')
      .set({
        processed: progress.processed,
        stored: progress.stored,
        duplicates: progress.duplicates,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Marks an unfinished import failed with its reason and deletes what it had written (postings, counts): the row
   * stays, so the list shows what went wrong. A complete import is left alone.
   */
  async failImport(id: string, reason: string, now: Date): Promise<void> {
    await this.db.deleteFrom('postings').where('import_id', '=', id).execute();
    await this.db.deleteFrom('demand_counts').where('import_id', '=', id).execute();
    await this.db.deleteFrom('demand_enterprises').where('import_id', '=', id).execute();
    await this.db
      .updateTable('posting_imports')
      .set({
        status: 'failed',
        failure: reason.slice(0, 2000),
        processed: 0,
        stored: 0,
        duplicates: 0,
        finished_at: now,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /**
   * Server-side imports still `running` whose heartbeat (`updated_at`) is older than `before`: their server
   * stopped during the import (CLI imports stay resumable and are not listed).
   */
  async staleServerImports(before: Date): Promise<string[]> {
    const rows = await this.db
      .selectFrom('posting_imports')
      .select('id')
      .where('status', '=', 'running')
      .where('origin', '=', 'server')
      .where('updated_at', '<', before)
      .execute();
    return rows.map((row) => row.id);
  }

  async completeImport(id: string, records: number, now: Date): Promise<void> {
    await this.db
      .updateTable('posting_imports')
      .set({ status: 'complete', records, finished_at: now })
      .where('id', '=', id)
      .execute();
  }

  async deleteImport(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('posting_imports').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // ---- writing postings -----------------------------------------------------------------------------------

  /**
   * Fingerprints of every stored posting (for near-duplicate detection across files), read once per import: one
   * sequential scan instead of an index the bulk insert would pay for on every row.
   */
  async allFingerprints(): Promise<{ enterpriseKey: string; hi: number; lo: number; id: string }[]> {
    const rows = await sql<{ enterprise_key: string; fingerprint_hi: number; fingerprint_lo: number; id: string }>`
      select enterprise_key, fingerprint_hi, fingerprint_lo, id from postings`.execute(this.db);
    return rows.rows.map((row) => ({
      enterpriseKey: row.enterprise_key,
      hi: row.fingerprint_hi,
      lo: row.fingerprint_lo,
      id: row.id,
    }));
  }

  /** Stores postings with their search tokens (computed here, so that no posting is ever stored without them). */
  async insertPostings(importId: string, postings: readonly PostingInsert[]): Promise<void> {
    await this.chunked(
      postings.map((posting) => ({ ...posting, searchTokens: postingSearchTokens(posting) })),
      (json) => sql`insert into postings (import_id, source_id, title, body, enterprise, enterprise_key, province, city,
          posted_on, year, post_id, post_confidence, fingerprint_hi, fingerprint_lo, links, search_tokens)
        select ${importId}::uuid, r."sourceId", r.title, r.body, r.enterprise, r."enterpriseKey", r.province, r.city,
          r."postedOn"::date, r.year, r."postId", r."postConfidence", r."fingerprintHi", r."fingerprintLo",
          r.links, r."searchTokens"
        from jsonb_to_recordset(${json}::jsonb) as r("sourceId" text, title text, body text, enterprise text,
          "enterpriseKey" text, province text, city text, "postedOn" text, year int, "postId" text,
          "postConfidence" real, "fingerprintHi" int, "fingerprintLo" int, links jsonb, "searchTokens" text)`,
    );
  }

  async addCounts(importId: string, increments: readonly DemandCountIncrement[]): Promise<void> {
    await this.chunked(
      increments,
      (json) => sql`insert into demand_counts (import_id, competency_key, post_id, province, year, postings)
        select ${importId}::uuid, r."competencyKey", r."postId", r.province, r.year, r.postings
        from jsonb_to_recordset(${json}::jsonb) as r("competencyKey" text, "postId" text, province text, year int, postings int)
        on conflict (import_id, competency_key, post_id, province, year)
        do update set postings = demand_counts.postings + excluded.postings`,
    );
  }

  async addEnterprises(importId: string, rows: readonly DemandEnterpriseRow[]): Promise<void> {
    await this.chunked(
      rows,
      (json) => sql`insert into demand_enterprises (import_id, post_id, province, year, enterprise_key)
        select ${importId}::uuid, r."postId", r.province, r.year, r."enterpriseKey"
        from jsonb_to_recordset(${json}::jsonb) as r("postId" text, province text, year int, "enterpriseKey" text)
        on conflict do nothing`,
    );
  }

  /**
   * Recomputes an import's demand counts from its stored postings (after a resumed import; call inside a
   * transaction). Replace-all: concurrent recounts of one import take turns instead of adding up.
   */
  async recount(importId: string): Promise<void> {
    await lockAggregate(this.db, 'demand-counts', importId);
    await sql`delete from demand_counts where import_id = ${importId}`.execute(this.db);
    await sql`delete from demand_enterprises where import_id = ${importId}`.execute(this.db);
    await sql`insert into demand_counts (import_id, competency_key, post_id, province, year, postings)
      select ${importId}::uuid, k.key, coalesce(p.post_id, ''), coalesce(p.province, ''), p.year, count(*)::int
      from postings p
      cross join lateral (select '' as key union all select l ->> 0 from jsonb_array_elements(p.links) as l) k
      where p.import_id = ${importId}
      group by 2, 3, 4, 5`.execute(this.db);
    await sql`insert into demand_enterprises (import_id, post_id, province, year, enterprise_key)
      select distinct ${importId}::uuid, coalesce(p.post_id, ''), coalesce(p.province, ''), p.year, p.enterprise_key
      from postings p where p.import_id = ${importId}`.execute(this.db);
  }

  private async chunked<T>(rows: readonly T[], statement: (json: string) => RawBuilder<unknown>): Promise<void> {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await statement(JSON.stringify(rows.slice(start, start + CHUNK))).execute(this.db);
    }
  }

  // ---- reading postings -----------------------------------------------------------------------------------

  /**
   * A page of postings of complete imports, newest first, with the total. `q` is a full-text search: every search
   * token of the query (jieba words, English stems) must be among the posting's tokens (title, enterprise, body),
   * looked up in the GIN index; a query without any word finds nothing.
   */
  async listPostings(
    filter: PostingFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: PostingRow[]; total: number }> {
    return this.expensiveQueries(() => this.selectPostings(filter, page));
  }

  private async selectPostings(
    filter: PostingFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: PostingRow[]; total: number }> {
    const where = postingWhere(filter);
    // One statement: the matches are counted (a window over them) while the page is chosen, and only the page's
    // rows are projected (`jsonb_array_length(links)` on every match would read every match's links).
    const rows = await sql<PostingDbRow & { total: number }>`select p.id, p.import_id, p.source_id, p.title,
        '' as body, p.enterprise, p.province, p.city, p.posted_on, p.post_id, p.post_confidence,
        jsonb_array_length(p.links)::int as competency_count, '[]'::jsonb as links, chosen.total
      from (select p.id, p.posted_on, (count(*) over ())::int as total from postings p
        join posting_imports i on i.id = p.import_id and i.status = 'complete'
        where ${where} order by p.posted_on desc, p.id limit ${page.limit} offset ${page.offset}) as chosen
      join postings p on p.id = chosen.id
      order by chosen.posted_on desc, chosen.id`.execute(this.db);
    const first = rows.rows[0];
    if (first || page.offset === 0) return { items: rows.rows.map(postingFromRow), total: first?.total ?? 0 };
    // A page past the end holds no row to carry the count.
    const total = await sql<{ n: number }>`select count(*)::int as n from postings p
      join posting_imports i on i.id = p.import_id and i.status = 'complete' where ${where}`.execute(this.db);
    return { items: [], total: total.rows[0]?.n ?? 0 };
  }

  async findPosting(id: string): Promise<PostingRow | null> {
    const rows =
      await sql<PostingDbRow>`select p.id, p.import_id, p.source_id, p.title, p.body, p.enterprise, p.province,
        p.city, p.posted_on, p.post_id, p.post_confidence, jsonb_array_length(p.links)::int as competency_count, p.links
      from postings p join posting_imports i on i.id = p.import_id and i.status = 'complete'
      where p.id = ${id}`.execute(this.db);
    const row = rows.rows[0];
    return row ? postingFromRow(row) : null;
  }

  // ---- aggregates (complete imports only) -----------------------------------------------------------------

  /** Sum of postings per grouping column, over the slice; `competencyKey` '' = all postings. */
  async countsBy(
    column: 'year' | 'post_id' | 'province' | 'competency_key',
    slice: DemandSlice & { competencyKeys?: 'all' | 'competencies'; year?: number },
  ): Promise<{ key: string; count: number }[]> {
    const kind = slice.competencyKeys ?? 'all';
    const rows = await sql<{ key: string | number; count: number }>`select c.${sql.ref(column)} as key,
        sum(c.postings)::int as count
      from demand_counts c join posting_imports i on i.id = c.import_id and i.status = 'complete'
      where ${kind === 'all' ? sql`c.competency_key = ''` : sql`c.competency_key <> ''`}
        ${slice.province ? sql`and c.province = ${slice.province}` : sql``}
        ${slice.post ? sql`and c.post_id = ${slice.post}` : sql``}
        ${slice.year !== undefined ? sql`and c.year = ${slice.year}` : sql``}
      group by 1 order by 2 desc, 1`.execute(this.db);
    return rows.rows.map((row) => ({ key: String(row.key), count: row.count }));
  }

  /** Postings per (competency, year) over the slice, for trend tests. */
  async competencyYearCounts(slice: DemandSlice): Promise<{ key: string; year: number; count: number }[]> {
    const rows = await sql<{ key: string; year: number; count: number }>`select c.competency_key as key, c.year,
        sum(c.postings)::int as count
      from demand_counts c join posting_imports i on i.id = c.import_id and i.status = 'complete'
      where c.competency_key <> ''
        ${slice.province ? sql`and c.province = ${slice.province}` : sql``}
        ${slice.post ? sql`and c.post_id = ${slice.post}` : sql``}
      group by 1, 2`.execute(this.db);
    return rows.rows;
  }

  /**
   * Postings per (post, competency key) over complete imports, for these posts; key '' is all of the post's
   * postings.
   */
  async postCompetencyCounts(postIds: readonly string[]): Promise<{ postId: string; key: string; count: number }[]> {
    if (postIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('demand_counts as c')
      .innerJoin('posting_imports as i', (join) =>
        join.onRef('i.id', '=', 'c.import_id').on('i.status', '=', 'complete'),
      )
      .select(['c.post_id', 'c.competency_key', sql<number>`sum(c.postings)::int`.as('count')])
      .where('c.post_id', 'in', postIds)
      .groupBy(['c.post_id', 'c.competency_key'])
      .orderBy('c.post_id')
      .orderBy('c.competency_key')
      .execute();
    return rows.map((row) => ({ postId: row.post_id, key: row.competency_key, count: row.count }));
  }

  /**
   * For the yearly revision: postings per (year, post, competency key) for these posts, and per (year, competency
   * key) over all postings (post '' in the answer), each year from `from` to `to`; key '' is all postings (of the
   * post, or of the year). Only keys starting with `keyPrefix` (and '') are returned.
   */
  async yearlyPostCounts(
    postIds: readonly string[],
    years: { from: number; to: number },
    keyPrefix: string,
  ): Promise<{ year: number; postId: string; key: string; count: number }[]> {
    const keys = sql`(c.competency_key = '' or starts_with(c.competency_key, ${keyPrefix}))`;
    const perPost =
      postIds.length === 0
        ? []
        : (
            await sql<{ year: number; post_id: string; key: string; count: number }>`select c.year, c.post_id,
                c.competency_key as key, sum(c.postings)::int as count
              from demand_counts c join posting_imports i on i.id = c.import_id and i.status = 'complete'
              where c.year between ${years.from} and ${years.to} and ${keys}
                and c.post_id in (${sql.join(postIds.map((id) => sql`${id}`))})
              group by 1, 2, 3`.execute(this.db)
          ).rows;
    const overall = await sql<{ year: number; key: string; count: number }>`select c.year,
        c.competency_key as key, sum(c.postings)::int as count
      from demand_counts c join posting_imports i on i.id = c.import_id and i.status = 'complete'
      where c.year between ${years.from} and ${years.to} and ${keys}
      group by 1, 2`.execute(this.db);
    return [
      ...perPost.map((row) => ({ year: row.year, postId: row.post_id, key: row.key, count: row.count })),
      ...overall.rows.map((row) => ({ year: row.year, postId: '', key: row.key, count: row.count })),
    ];
  }

  async enterpriseCount(slice: DemandSlice): Promise<number> {
    const rows = await sql<{ n: number }>`select count(distinct e.enterprise_key)::int as n
      from demand_enterprises e join posting_imports i on i.id = e.import_id and i.status = 'complete'
      where true ${slice.province ? sql`and e.province = ${slice.province}` : sql``}
        ${slice.post ? sql`and e.post_id = ${slice.post}` : sql``}`.execute(this.db);
    return rows.rows[0]?.n ?? 0;
  }

  async duplicatesDropped(): Promise<{ duplicates: number; imports: number }> {
    const rows = await sql<{
      duplicates: number;
      imports: number;
    }>`select coalesce(sum(duplicates), 0)::int as duplicates,
        count(*)::int as imports from posting_imports where status = 'complete'`.execute(this.db);
    return rows.rows[0] ?? { duplicates: 0, imports: 0 };
  }
}

interface PostingDbRow {
  id: string;
  import_id: string;
  source_id: string;
  title: string;
  body: string;
  enterprise: string;
  province: string | null;
  city: string | null;
  posted_on: Date | string;
  post_id: string | null;
  post_confidence: number | null;
  competency_count: number;
  links: unknown;
}

function postingWhere(filter: PostingFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filter.q) {
    const terms = searchTokens(filter.q, 'query');
    parts.push(
      terms.length === 0
        ? sql`false`
        : sql`to_tsvector('simple', p.search_tokens) @@ plainto_tsquery('simple', ${terms.join(' ')})`,
    );
  }
  if (filter.post) parts.push(sql`p.post_id = ${filter.post}`);
  if (filter.province) parts.push(sql`p.province = ${filter.province}`);
  if (filter.year !== undefined) parts.push(sql`p.year = ${filter.year}`);
  // Each link is `[key, score, evidence, spans]`: containment of `[[key]]` finds the postings linked to `key`.
  if (filter.competency) parts.push(sql`p.links @> ${JSON.stringify([[filter.competency]])}::jsonb`);
  return sql.join(parts, sql` and `);
}

function postingFromRow(row: PostingDbRow): PostingRow {
  const links = (typeof row.links === 'string' ? JSON.parse(row.links) : row.links) as PostingRow['links'];
  return {
    id: row.id,
    importId: row.import_id,
    sourceId: row.source_id,
    title: row.title,
    body: row.body,
    enterprise: row.enterprise,
    province: row.province,
    city: row.city,
    postedOn: isoDate(row.posted_on),
    postId: row.post_id,
    postConfidence: row.post_confidence === null ? null : Number(row.post_confidence),
    competencyCount: row.competency_count,
    links,
  };
}

function importFromRow(row: {
  id: string;
  file_name: string;
  checksum: string;
  link_mode: string;
  status: string;
  failure: string | null;
  origin: string;
  records: number;
  processed: number;
  stored: number;
  duplicates: number;
  dictionary: string;
  created_at: Date;
  finished_at: Date | null;
  organisation_id: string | null;
}): PostingImportRow {
  return {
    id: row.id,
    fileName: row.file_name,
    checksum: row.checksum,
    linkMode: row.link_mode as 'exact' | 'full',
    status: row.status as PostingImportStatus,
    failure: row.failure,
    origin: row.origin as PostingImportOrigin,
    records: row.records,
    processed: row.processed,
    stored: row.stored,
    duplicates: row.duplicates,
    dictionary: row.dictionary,
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    organisationId: row.organisation_id,
  };
}
