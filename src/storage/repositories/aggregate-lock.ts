import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

/**
 * Serialises the writers of one aggregate (e.g. one college's course list) until the current transaction ends:
 * a transaction-scoped advisory lock, the same on PostgreSQL and PGlite. Call it inside a transaction, first,
 * before reading what the write depends on; outside one it would be released at once.
 */
export async function lockAggregate(db: Kysely<Database>, kind: string, id: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${kind}), hashtext(${id}))`.execute(db);
}
