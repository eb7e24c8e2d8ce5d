import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from './create-database.js';
import { BACKGROUND_PASSED_OVER_AT_MOST, runInBackground } from './query-priority.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createDatabase({ kind: 'pglite-memory' });
});
afterAll(async () => {
  await database?.close();
});

async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Queues the statements while the one connection is held, then lets them run; the order in which they ran. */
async function runOrder(labels: readonly string[]): Promise<string[]> {
  const order: string[] = [];
  let pending: Promise<unknown> = Promise.resolve();
  await database.db.connection().execute(async () => {
    const statements: Promise<unknown>[] = [];
    for (const label of labels) {
      const statement = () => sql`select ${label}::text as label`.execute(database.db).then(() => order.push(label));
      statements.push(label.startsWith('background') ? runInBackground(statement) : statement());
      await settle();
    }
    pending = Promise.all(statements);
  });
  await pending;
  return order;
}

describe('PGlite statement priority', () => {
  it('gives waiting foreground statements their turn before a waiting background one', async () => {
    expect(await runOrder(['background', 'f1', 'f2'])).toEqual(['f1', 'f2', 'background']);
  });

  it('passes a background statement over at most a few times', async () => {
    const foreground = Array.from({ length: BACKGROUND_PASSED_OVER_AT_MOST + 2 }, (_, index) => `f${index + 1}`);
    const order = await runOrder(['background', ...foreground]);
    expect(order.indexOf('background')).toBe(BACKGROUND_PASSED_OVER_AT_MOST);
    expect(order.filter((label) => label !== 'background')).toEqual(foreground);
  });

  it('keeps arrival order among statements of the same kind', async () => {
    expect(await runOrder(['a', 'b', 'background-1', 'background-2', 'c'])).toEqual([
      'a',
      'b',
      'c',
      'background-1',
      'background-2',
    ]);
  });
});
