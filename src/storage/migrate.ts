import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';
import { DomainError } from '../core/errors/domain-error.js';
import type { Database } from './database-schema.js';
import { migrationProvider } from './migrations/index.js';

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly total: number;
}

/**
 * Applies every pending migration in order, each in its own transaction; `onMigration` hears each name as it
 * starts (the start-up's progress lines).
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  onMigration?: (name: string) => void,
): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: onMigration ? announcing(onMigration) : migrationProvider });
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

/** The migrations, each announcing itself before its `up` runs. */
function announcing(onMigration: (name: string) => void): MigrationProvider {
  return {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(await migrationProvider.getMigrations()).map(([name, migration]): [string, Migration] => [
          name,
          {
            ...migration,
            up: (db) => {
              onMigration(name);
              return migration.up(db);
            },
          },
        ]),
      ),
  };
}
