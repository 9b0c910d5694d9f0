import type BetterSqlite3 from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  type TransactionSettings,
} from 'kysely';
import { StoreBusy } from '../errors/store-busy.ts';
import { mapSqliteError } from './sqlite-error.ts';
import { bindable, convertRow, StatementCache } from './sqlite-statements.ts';
import { WriteLock } from './write-lock.ts';

export interface SqliteDriverOptions {
  readonly database: BetterSqlite3.Database;
  /** Shared by every store of this process on the same file (a fresh one for `:memory:`). */
  readonly writeLock: WriteLock;
  /** For messages: the file, or `:memory:`. */
  readonly name: string;
  readonly busyTimeoutMs: number;
  /** Called before a connection is taken (the transaction-scope guard). */
  readonly beforeAcquire: () => void;
  /** Called after each write that committed (a transaction, or a writing statement outside one). */
  readonly afterWrite?: () => void;
  /** Awaited before the database is closed. */
  readonly beforeClose?: () => Promise<void>;
  /** Called once the database is closed. */
  readonly onDestroy: () => void;
}

type Row = Record<string, unknown>;

/**
 * Kysely driver over one better-sqlite3 connection, written for several stores (and processes) on one file:
 * - transactions start with `begin immediate`, so a writer waits for the write lock up front (busy_timeout)
 *   instead of failing with SQLITE_BUSY when a read-then-write transaction tries to upgrade;
 * - writes (a transaction, or a single writing statement) first take this process's lock of the file, so a
 *   second store in the same process waits asynchronously instead of blocking the event loop in busy_timeout;
 * - integers come back as numbers (guarded), booleans as booleans, duplicate keys as StoreConflict.
 */
export class SqliteStoreDriver implements Driver {
  readonly #o: SqliteDriverOptions;
  readonly #statements: StatementCache;
  readonly #connectionLock = new WriteLock();
  readonly #connection: DatabaseConnection;
  #inTransaction = false;

  constructor(options: SqliteDriverOptions) {
    this.#o = options;
    this.#statements = new StatementCache(options.database);
    this.#connection = {
      executeQuery: <R>(query: CompiledQuery) => this.#execute<R>(query),
      streamQuery: <R>(query: CompiledQuery, _chunkSize?: number) => this.#stream<R>(query),
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#o.beforeAcquire();
    await this.#connectionLock.acquire();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#connectionLock.release();
  }

  async beginTransaction(_connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel || settings.accessMode) {
      throw new Error('SQLite transactions are always serializable: do not set an isolation level or access mode');
    }
    await this.#lockForWriting();
    try {
      this.#run('begin immediate');
      this.#inTransaction = true;
    } catch (e) {
      this.#o.writeLock.release();
      throw mapSqliteError(e);
    }
  }

  async commitTransaction(): Promise<void> {
    try {
      this.#run('commit');
    } catch (e) {
      // Still in the transaction (e.g. a deferred foreign key failed): Kysely rolls back next.
      if (this.#o.database.inTransaction) throw mapSqliteError(e);
      this.#endTransaction();
      throw mapSqliteError(e);
    }
    this.#endTransaction();
    this.#o.afterWrite?.();
  }

  async rollbackTransaction(): Promise<void> {
    try {
      // SQLite already rolled back by itself after some errors (SQLITE_FULL, SQLITE_IOERR …).
      if (this.#o.database.inTransaction) this.#run('rollback');
    } finally {
      this.#endTransaction();
    }
  }

  async savepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#run(`savepoint ${quoteName(name)}`);
  }

  async rollbackToSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#run(`rollback to ${quoteName(name)}`);
  }

  async releaseSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    this.#run(`release ${quoteName(name)}`);
  }

  async destroy(): Promise<void> {
    // Wait for the query or transaction in flight, then close for good.
    await this.#connectionLock.acquire();
    try {
      await this.#o.beforeClose?.();
    } finally {
      try {
        if (this.#o.database.open) this.#o.database.close();
      } finally {
        this.#o.onDestroy();
      }
    }
  }

  #lockForWriting(): Promise<void> {
    const { busyTimeoutMs, name } = this.#o;
    return this.#o.writeLock.acquire(busyTimeoutMs, () => new StoreBusy(name, busyTimeoutMs));
  }

  #endTransaction(): void {
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    this.#o.writeLock.release();
  }

  #run(sql: string): void {
    this.#statements.get(sql).statement.run();
  }

  async #execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let prepared: ReturnType<StatementCache['get']>;
    try {
      prepared = this.#statements.get(query.sql);
    } catch (e) {
      throw mapSqliteError(e);
    }
    const needsLock = !this.#inTransaction && !prepared.readonly;
    if (needsLock) await this.#lockForWriting();
    try {
      const params = bindable(query.parameters);
      if (prepared.reader) {
        const rows = prepared.statement.all(params) as Row[];
        for (const row of rows) convertRow(row, prepared.booleans);
        return { rows: rows as R[] };
      }
      const { changes, lastInsertRowid } = prepared.statement.run(params);
      if (needsLock) this.#o.afterWrite?.();
      return {
        numAffectedRows: BigInt(changes),
        insertId: BigInt(lastInsertRowid),
        rows: [],
      };
    } catch (e) {
      throw mapSqliteError(e);
    } finally {
      if (needsLock) this.#o.writeLock.release();
    }
  }

  async *#stream<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams select queries only');
    const prepared = this.#statements.prepareFresh(query.sql);
    for (const row of prepared.statement.iterate(bindable(query.parameters)) as Iterable<Row>) {
      yield { rows: [convertRow(row, prepared.booleans) as R] };
    }
  }
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
