import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { BACKGROUND_PASSED_OVER_AT_MOST, isBackgroundQuery } from './query-priority.js';

/**
 * A Kysely dialect over one embedded PGlite instance. PGlite is a single connection, so the driver
 * hands it out to one Kysely connection at a time (a lock, in arrival order but for background statements, see
 * `query-priority.ts`): statements of a transaction can never interleave with statements of a concurrent request.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private busy = false;
  private readonly waiting: { foreground: (() => void)[]; background: (() => void)[] } = {
    foreground: [],
    background: [],
  };
  private backgroundPassedOver = 0;

  constructor(pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {}

  // One holder at a time, handed over in arrival order — except that expensive reads run in the background
  // (`runInBackground`) wait behind waiting foreground statements, for at most a few turns. A background statement
  // never starts in the same turn of the event loop as the statement before it ended: PGlite runs synchronously,
  // so a chain of searches handed over promise to promise would keep the server from even reading new requests.
  async acquireConnection(): Promise<DatabaseConnection> {
    const background = isBackgroundQuery();
    if (!this.busy && !background) {
      this.busy = true;
    } else {
      const granted = new Promise<void>((resolve) =>
        (background ? this.waiting.background : this.waiting.foreground).push(resolve),
      );
      if (!this.busy) {
        this.busy = true;
        this.handOver();
      }
      await granted;
    }
    this.connection.release = () => this.handOver();
    return this.connection;
  }

  private handOver(deferBackground = true): void {
    const { foreground, background } = this.waiting;
    const backgroundTurn =
      background.length > 0 && (foreground.length === 0 || this.backgroundPassedOver >= BACKGROUND_PASSED_OVER_AT_MOST);
    if (backgroundTurn && deferBackground) {
      setImmediate(() => this.handOver(false));
      return;
    }
    if (backgroundTurn) {
      this.backgroundPassedOver = 0;
      background.shift()!();
      return;
    }
    const next = foreground.shift();
    if (next) {
      if (background.length > 0) this.backgroundPassedOver += 1;
      next();
      return;
    }
    this.busy = false;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel) {
      await connection.executeQuery(CompiledQuery.raw(`start transaction isolation level ${settings.isolationLevel}`));
    } else {
      await connection.executeQuery(CompiledQuery.raw('begin'));
    }
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = (connection as PGliteConnection).release;
    (connection as PGliteConnection).release = undefined;
    release?.();
  }
  async destroy(): Promise<void> {
    // The PGlite instance is owned (and closed) by whoever created it.
  }
}

class PGliteConnection implements DatabaseConnection {
  release: (() => void) | undefined;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    const command = (result as { command?: string }).command;
    const affected = result.affectedRows ?? 0;
    if (command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE') {
      return { rows: result.rows, numAffectedRows: BigInt(affected) };
    }
    return { rows: result.rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect does not support streaming; page with limit/offset instead');
  }
}
