import {
  CompiledQuery,
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
import { translateDatabaseError } from './database-errors.js';
import { assertWithinDeadline, currentDeadline } from './deadline-scope.js';

/**
 * Wraps either backend's dialect so that every statement, on both backends, passes the same two guards:
 * a database error is translated into a DomainError (database-errors.ts), and no statement starts after the
 * current request's deadline (deadline-scope.ts). On PostgreSQL a transaction begun under a deadline also gets
 * `statement_timeout` set to the time left, so one slow statement cannot outlive its request.
 */
export class GuardedDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly options: { readonly statementTimeouts: boolean },
  ) {}

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new GuardedDriver(this.inner.createDriver(), this.options.statementTimeouts);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
}

class GuardedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    assertWithinDeadline();
    return translated(() => this.inner.executeQuery<R>(compiledQuery));
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    assertWithinDeadline();
    try {
      yield* this.inner.streamQuery<R>(compiledQuery, chunkSize);
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

function innerOf(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof GuardedConnection ? connection.inner : connection;
}

/** Milliseconds PostgreSQL gets at least, so that a nearly spent deadline still fails by our check, not by a cancel. */
const MIN_STATEMENT_TIMEOUT_MS = 100;

class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly statementTimeouts: boolean,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await translated(() => this.inner.acquireConnection()));
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    assertWithinDeadline();
    await translated(() => this.inner.beginTransaction(innerOf(connection), settings));
    const deadline = currentDeadline();
    if (this.statementTimeouts && deadline) {
      const left = Math.max(MIN_STATEMENT_TIMEOUT_MS, Math.ceil(deadline.at - Date.now()));
      await translated(() =>
        innerOf(connection).executeQuery(CompiledQuery.raw(`set local statement_timeout = ${left}`)),
      );
    }
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return translated(() => this.inner.commitTransaction(innerOf(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return translated(() => this.inner.rollbackTransaction(innerOf(connection)));
  }

  async savepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.savepoint) throw new Error('The driver does not support savepoints');
    await translated(() => this.inner.savepoint!(innerOf(connection), savepointName, compileQuery));
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error('The driver does not support savepoints');
    await translated(() => this.inner.rollbackToSavepoint!(innerOf(connection), savepointName, compileQuery));
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error('The driver does not support savepoints');
    await translated(() => this.inner.releaseSavepoint!(innerOf(connection), savepointName, compileQuery));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
