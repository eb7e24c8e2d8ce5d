import pLimit from 'p-limit';
import { runInBackground } from './query-priority.js';

/**
 * Runs an expensive read (a postings search or list with its count) with at most `concurrency` of them at the
 * database at once; the others wait here, in process, instead of in front of the database. On PGlite, whose one
 * connection serves statements in arrival order, fifty concurrent searches would otherwise queue a hundred
 * statements ahead of every cheap query; on PostgreSQL they would hold every connection of the pool. On PGlite
 * their statements also run in the background (`query-priority.ts`): waiting cheap statements go first.
 */
export type ExpensiveQueryGate = <T>(work: () => Promise<T>) => Promise<T>;

/** Expensive reads allowed at once: one on PGlite (one connection), a few of PostgreSQL's pool of ten. */
export const EXPENSIVE_QUERY_CONCURRENCY = { pglite: 1, postgres: 4 } as const;

export function createExpensiveQueryGate(concurrency: number): ExpensiveQueryGate {
  const limit = pLimit(concurrency);
  return (work) => limit(() => runInBackground(work));
}
