import { chmodSync, closeSync, mkdirSync, openSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '@hannun/infra';
import Database from 'better-sqlite3';
import type { Dialect } from 'kysely';
import { SqliteStoreDriver } from './sqlite-driver.ts';
import { SqliteStoreDialect } from './sqlite-store-dialect.ts';
import { createWalCheckpointer } from './wal-checkpointer.ts';
import { fileLock, releaseFileLock, WriteLock } from './write-lock.ts';

/** How long a writer waits for another writer, in SQLite (busy_timeout) and in this process's queue. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export interface OpenSqliteOptions {
  /** An absolute path, or undefined for `:memory:`. */
  readonly file: string | undefined;
  readonly logger: Logger | undefined;
  readonly beforeAcquire: () => void;
}

/** Create the file's directory (0700) and the file (0600) if missing; tighten a file others could read. */
function prepareFile(file: string, logger: Logger | undefined): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    chmodSync(file, 0o600);
    logger?.warn({ file, was: `0${mode.toString(8)}` }, 'store: database file was readable by others; set to 0600');
  }
  return realpathSync(file);
}

/** A better-sqlite3 database with our pragmas, behind a Kysely dialect. */
export function openSqlite(options: OpenSqliteOptions): Dialect {
  const { file, logger } = options;
  const path = file === undefined ? ':memory:' : prepareFile(file, logger);
  const database = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    const journal = database.pragma('journal_mode = WAL', { simple: true });
    if (file !== undefined && journal !== 'wal') {
      logger?.warn(
        { file, journal },
        'store: SQLite could not switch to WAL; concurrent readers will wait for writers',
      );
    }
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  } catch (e) {
    database.close();
    throw e;
  }
  const writeLock = file === undefined ? new WriteLock() : fileLock(path);
  // A file's checkpoints run on a worker thread (wal-checkpointer.ts); :memory: has no WAL.
  const checkpointer =
    file === undefined
      ? undefined
      : createWalCheckpointer({
          file: path,
          setAutocheckpoint: (pages) => {
            if (database.open) database.pragma(`wal_autocheckpoint = ${pages}`);
          },
          logger,
        });
  const driver = new SqliteStoreDriver({
    database,
    writeLock,
    name: file === undefined ? ':memory:' : path,
    busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
    beforeAcquire: options.beforeAcquire,
    ...(checkpointer ? { afterWrite: () => checkpointer.wrote(), beforeClose: () => checkpointer.stop() } : {}),
    onDestroy: () => {
      if (file !== undefined) releaseFileLock(path);
    },
  });
  return new SqliteStoreDialect(driver);
}
