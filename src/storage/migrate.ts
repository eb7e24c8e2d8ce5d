import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { DomainError } from '../core/errors/domain-error.js';
import type { Database } from './database-schema.js';
import { migrationProvider } from './migrations/index.js';

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly total: number;
}

/** Applies every pending migration in order, each in its own transaction. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result: MigrationResult) => result.status === 'Error');
    throw new DomainError(
      'DATABASE_UNAVAILABLE',
      `Migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        migration: failed?.migrationName ?? null,
      },
    );
  }
  const all = await migrator.getMigrations();
  return {
    applied: (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName),
    total: all.length,
  };
}
