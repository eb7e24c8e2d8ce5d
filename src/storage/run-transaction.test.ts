import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors/domain-error.js';
import type { DatabaseHandle } from './create-database.js';
import { isRetryable, translateDatabaseError } from './database-errors.js';
import { createRepositories } from './repositories/create-repositories.js';
import { runTransaction } from './run-transaction.js';
import { openTestDatabase, testBackend } from './test-database.js';
import { createOrganisation } from './test-factories.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A database error as both drivers raise it: SQLSTATE in `code`, a `severity`, the constraint if any. */
const databaseError = (code: string, constraint?: string) =>
  Object.assign(new Error(`sqlstate ${code}`), { code, severity: 'ERROR', constraint });

describe('database errors become DomainErrors', () => {
  it('maps SQLSTATEs and connection failures to codes, and leaves other errors alone', () => {
    const code = (error: unknown) => {
      const translated = translateDatabaseError(error);
      return isDomainError(translated) ? translated.code : 'unchanged';
    };
    expect(code(databaseError('23505', 'people_email_unique'))).toBe('EMAIL_TAKEN');
    expect(code(databaseError('23505', 'something_else_key'))).toBe('CONFLICT');
    expect(code(databaseError('23503', 'a_fkey'))).toBe('CONFLICT');
    expect(code(databaseError('23000', 'framework_version_released'))).toBe('VERSION_RELEASED');
    expect(code(databaseError('22021'))).toBe('VALIDATION_FAILED');
    expect(code(databaseError('57014'))).toBe('DEADLINE_EXCEEDED');
    expect(code(databaseError('57P01'))).toBe('DATABASE_UNAVAILABLE');
    expect(code(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe('DATABASE_UNAVAILABLE');
    expect(code(databaseError('42P01'))).toBe('unchanged');
    expect(code(new TypeError('a bug'))).toBe('unchanged');
    expect(isRetryable(translateDatabaseError(databaseError('40P01')))).toBe(true);
    expect(isRetryable(translateDatabaseError(databaseError('40001')))).toBe(true);
  });
});

describe(`the transaction helper on ${testBackend()}`, () => {
  it.runIf(testBackend() === 'postgres')('runs the loser of a real deadlock again, and both commit', async () => {
    const repositories = createRepositories(database.db);
    const first = await createOrganisation(repositories);
    const second = await createOrganisation(repositories);
    let arrived = 0;
    let open: () => void = () => undefined;
    const bothHoldOneRow = new Promise<void>((resolve) => {
      open = resolve;
    });
    let attempts = 0;
    const crosswise = (a: string, b: string, city: string) =>
      runTransaction(database.db, async (transaction) => {
        attempts += 1;
        await sql`update organisations set city = ${city} where id = ${a}`.execute(transaction);
        arrived += 1;
        if (arrived === 2) open();
        await bothHoldOneRow;
        await sql`update organisations set city = ${city} where id = ${b}`.execute(transaction);
      });
    const results = await Promise.allSettled([
      crosswise(first.id, second.id, '苏州市'),
      crosswise(second.id, first.id, '无锡市'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts).toBe(3);
    const cities = await sql<{
      city: string;
    }>`select city from organisations where id in (${first.id}, ${second.id})`.execute(database.db);
    expect(new Set(cities.rows.map((row) => row.city)).size).toBe(1);
  });
});
