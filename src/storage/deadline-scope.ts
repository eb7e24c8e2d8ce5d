import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError } from '../core/errors/domain-error.js';

/**
 * The deadline of the work in progress (an HTTP request's), carried through its async calls. The storage layer
 * reads it: a query is not started once the deadline has passed (the abandoned work stops at its next statement
 * and its transaction rolls back, which on PGlite frees the only connection), and a PostgreSQL transaction gets a
 * `statement_timeout` of the time left. Work outside any scope (the CLI) has no deadline.
 */
export interface Deadline {
  /** Aborted when the deadline passes (or the caller gives up). */
  readonly signal: AbortSignal;
  /** Epoch milliseconds. */
  readonly at: number;
}

const scope = new AsyncLocalStorage<Deadline>();

export function runWithDeadline<T>(deadline: Deadline, work: () => T): T {
  return scope.run(deadline, work);
}

export function currentDeadline(): Deadline | undefined {
  return scope.getStore();
}

export function deadlineExceeded(): DomainError {
  return new DomainError('DEADLINE_EXCEEDED', 'The request took longer than its deadline and was abandoned.', {});
}

/** Throws DEADLINE_EXCEEDED when the current work's deadline has passed. */
export function assertWithinDeadline(deadline: Deadline | undefined = currentDeadline()): void {
  if (deadline && (deadline.signal.aborted || Date.now() >= deadline.at)) throw deadlineExceeded();
}
