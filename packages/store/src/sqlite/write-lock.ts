/**
 * An asynchronous FIFO lock with a wait limit. One guards each SQLite file within this process: better-sqlite3
 * waits for SQLite's lock synchronously (busy_timeout blocks the event loop), so two stores of one process on
 * the same file would otherwise deadlock: the waiter blocks the very loop the holder needs to finish.
 */
export class WriteLock {
  #held = false;
  readonly #waiters: Array<{ grant: () => void }> = [];

  /** Resolves once held; rejects with `onTimeout()` when not granted within `timeoutMs` (no limit when undefined). */
  acquire(timeoutMs?: number, onTimeout?: () => Error): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const at = this.#waiters.indexOf(waiter);
          if (at >= 0) this.#waiters.splice(at, 1);
          reject(onTimeout?.() ?? new Error(`lock not granted within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.#waiters.push(waiter);
    });
  }

  /** Hand the lock to the next waiter, or free it. */
  release(): void {
    const next = this.#waiters.shift();
    if (next) next.grant();
    else this.#held = false;
  }

  get held(): boolean {
    return this.#held;
  }
}

const byFile = new Map<string, { lock: WriteLock; users: number }>();

/** The process-wide lock of one database file; pair every call with {@link releaseFileLock}. */
export function fileLock(file: string): WriteLock {
  let entry = byFile.get(file);
  if (!entry) {
    entry = { lock: new WriteLock(), users: 0 };
    byFile.set(file, entry);
  }
  entry.users += 1;
  return entry.lock;
}

export function releaseFileLock(file: string): void {
  const entry = byFile.get(file);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users <= 0) byFile.delete(file);
}
