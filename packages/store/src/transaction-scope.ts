import { AsyncLocalStorage } from 'node:async_hooks';

/** Raised when `store.db` (or a nested `store.transaction`) is used inside `store.transaction`. */
export class StoreMisuse extends Error {
  override readonly name = 'StoreMisuse';
  readonly code = 'STORE_MISUSE';
}

/**
 * Knows whether the current async call chain is inside one of this store's transactions. Taking another
 * connection there is always a bug: on SQLite (one connection) it would wait forever for itself, on
 * PostgreSQL it would silently run outside the transaction. Both dialects fail the same way instead.
 */
export class TransactionScope {
  readonly #als = new AsyncLocalStorage<{ active: boolean }>();

  /** Run `fn` as the body of a transaction that `begin` opens (the connection is taken before `fn` starts). */
  run<T>(begin: (body: <R>(fn: () => Promise<R>) => Promise<R>) => Promise<T>): Promise<T> {
    const mark = { active: false };
    return this.#als.run(mark, () =>
      begin(async (fn) => {
        mark.active = true;
        try {
          return await fn();
        } finally {
          mark.active = false;
        }
      }),
    );
  }

  /** Throws {@link StoreMisuse} when called from inside a transaction body of this store. */
  assertOutside(): void {
    if (this.#als.getStore()?.active) {
      throw new StoreMisuse(
        'store.db or store.transaction() was used inside store.transaction(): run every query of the transaction on its `trx` argument; pass `trx` down instead of opening a nested transaction',
      );
    }
  }
}
