import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@hannun/infra';

/**
 * Checkpoints of a WAL database file, off the event loop.
 *
 * With `journal_mode = WAL` and `synchronous = NORMAL` a commit appends its pages to the WAL and does not
 * sync; the syncs happen at checkpoints, which SQLite runs inside the commit that takes the WAL past
 * `wal_autocheckpoint` pages (1000 by default). better-sqlite3 is synchronous, so that commit blocks the
 * whole process while the WAL is copied into the database and both files are fsynced: tens of milliseconds
 * every few hundred writes (measured in the integrated-auth benchmark: one stall of up to 30 ms per round of
 * thirty token requests, 80% of all the time the provider spent committing).
 *
 * Here a worker thread with its own connection runs `wal_checkpoint(PASSIVE)` whenever the WAL file has
 * changed, every {@link CHECKPOINT_INTERVAL_MS}. A passive checkpoint never waits for a lock and never blocks
 * a writer; the next writer then restarts the WAL from its beginning, so it stays small and the main
 * connection's own automatic checkpoint, kept as a backstop at {@link BACKSTOP_PAGES} pages, does not come
 * round. Durability is unchanged: the same syncs happen in the same order, on another thread. If the worker
 * cannot run, the backstop returns to SQLite's default and everything works as before.
 *
 * One worker per store (per connection) of a file, started after {@link START_AFTER_WRITES} writes (a store
 * that writes a little never pays for a thread) and stopped, its connection closed, before the store's own
 * connection closes (so the last connection to close is still the store's, which removes the WAL).
 */
export const CHECKPOINT_INTERVAL_MS = 25;
export const START_AFTER_WRITES = 64;
export const BACKSTOP_PAGES = 8000;
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// The worker is plain CommonJS run from a string: no TypeScript loader is needed inside it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0, fileMustExist: true });
let seen = '';
const stamp = () => {
  try {
    const s = statSync(workerData.file + '-wal');
    return s.size + ':' + s.mtimeMs;
  } catch {
    return '';
  }
};
const timer = setInterval(() => {
  const now = stamp();
  if (now === '' || now === seen) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    seen = now;
  } catch (error) {
    // SQLITE_BUSY (another checkpoint, another process): next time.
    if (error && error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') {
      parentPort.postMessage({ type: 'error', message: String(error && error.message) });
    }
  }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
parentPort.postMessage({ type: 'ready' });
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

export interface WalCheckpointer {
  /** Count a write (a commit, or a writing statement outside a transaction); starts the worker when due. */
  wrote(): void;
  /** Stop the worker (waiting for its connection to close), if it runs. */
  stop(): Promise<void>;
}

/**
 * The checkpointer of one file. `setAutocheckpoint` sets the main connection's `wal_autocheckpoint`: the
 * backstop while the worker runs, SQLite's default otherwise. It may throw while the connection is busy (a
 * streamed select between two rows): the setting is then applied at the next write.
 */
export function createWalCheckpointer(opts: {
  readonly file: string;
  readonly setAutocheckpoint: (pages: number) => void;
  readonly logger: Logger | undefined;
}): WalCheckpointer {
  let writes = 0;
  let worker: Worker | undefined;
  let stopped = false;
  let pending: number | undefined;
  const autocheckpoint = (pages: number) => {
    pending = pages;
    try {
      opts.setAutocheckpoint(pages);
      pending = undefined;
    } catch {
      // Busy: see above.
    }
  };
  const fallBack = (why: string) => {
    autocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES);
    opts.logger?.warn({ file: opts.file, why }, 'store: WAL checkpoints back on the writing thread');
  };
  const start = () => {
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { file: opts.file, driver: driverPath, intervalMs: CHECKPOINT_INTERVAL_MS },
      });
    } catch (error) {
      fallBack((error as Error).message);
      return;
    }
    worker.unref();
    const running = worker;
    running.on('message', (m: { type?: string; message?: string }) => {
      if (m.type === 'ready' && !stopped && worker === running) autocheckpoint(BACKSTOP_PAGES);
      if (m.type === 'error') opts.logger?.warn({ file: opts.file, error: m.message }, 'store: WAL checkpoint failed');
    });
    running.on('error', (error) => {
      if (worker !== running) return;
      worker = undefined;
      if (!stopped) fallBack(error.message);
    });
  };
  return {
    wrote() {
      if (pending !== undefined) autocheckpoint(pending);
      if (worker || stopped) return;
      writes += 1;
      if (writes === START_AFTER_WRITES) start();
    },
    async stop() {
      stopped = true;
      const running = worker;
      worker = undefined;
      if (!running) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      // Held while it closes: an awaited close must not find the event loop empty (Node would exit, code 13).
      running.ref();
      running.postMessage('stop');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 2000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') await running.terminate();
    },
  };
}
