import { sql, type Kysely } from 'kysely';
import { postingSearchTokens } from '../../interchange/search/posting-search-tokens.js';

/**
 * Full-text search of postings as an index lookup instead of an `ilike` scan over every body: a column of search
 * tokens (jieba-segmented Chinese, stemmed English, space-joined; see `interchange/search/search-tokens.ts`) and a
 * GIN index on its `to_tsvector('simple', …)`, the same on PGlite and PostgreSQL. Existing postings are tokenised
 * here, in pages, before the index is built.
 */
const PAGE = 2000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table postings add column search_tokens text not null default ''`.execute(db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await sql<{ id: string; title: string; enterprise: string; body: string }>`
      select id, title, enterprise, body from postings where id > ${after}::uuid order by id limit ${PAGE}`.execute(db);
    if (page.rows.length === 0) break;
    const rows = page.rows.map((row) => ({ id: row.id, tokens: postingSearchTokens(row) }));
    await sql`update postings p set search_tokens = r.tokens
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, tokens text)
      where p.id = r.id`.execute(db);
    after = page.rows[page.rows.length - 1]!.id;
  }
  await sql`create index postings_search_idx on postings using gin (to_tsvector('simple', search_tokens))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists postings_search_idx`.execute(db);
  await sql`alter table postings drop column if exists search_tokens`.execute(db);
}
