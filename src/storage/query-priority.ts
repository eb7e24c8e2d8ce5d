import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` with its statements marked as background: on PGlite's one connection, the dialect gives waiting
 * foreground statements (every other request) their turn first, and a background statement its turn at the latest
 * after `BACKGROUND_PASSED_OVER_AT_MOST` of them, so neither side can starve the other.
 */
export function runInBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

export function isBackgroundQuery(): boolean {
  return background.getStore() === true;
}

export const BACKGROUND_PASSED_OVER_AT_MOST = 4;
