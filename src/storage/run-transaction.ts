import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../core/errors/domain-error.js';
import { isRetryable } from './database-errors.js';
import type { Database } from './database-schema.js';
import { assertWithinDeadline } from './deadline-scope.js';

/** Attempts of one transaction that keeps losing to concurrent ones (serialization failure, deadlock). */
export const TRANSACTION_ATTEMPTS = 4;

/**
 * Runs `work` in a transaction; when PostgreSQL aborts it as the loser of a deadlock or a serialization
 * failure, runs it again from the start (a bounded number of times, after a short random pause), then gives
 * up with 409 CONCURRENT_WRITE. `work` must therefore have no effects outside the transaction.
 */
export async function runTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= TRANSACTION_ATTEMPTS) {
        throw new DomainError('CONCURRENT_WRITE', 'Concurrent changes to the same data kept winning; try again', {
          attempts: attempt,
        });
      }
      assertWithinDeadline();
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}
