import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { mapPgError } from './pg-error.ts';

/**
 * The pg pool as Kysely sees it, with two additions: `beforeAcquire` runs before a connection is taken (the
 * transaction-scope guard), and every query error passes through {@link mapPgError}.
 */
export function mappedPool(pool: pg.Pool, beforeAcquire: () => void): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    // A connection the server ends while it is checked out between queries (a restart, pg_terminate_backend)
    // emits 'error' with no query to report it to: without a listener it would crash the process. The next
    // query on it fails instead (mapped, for the caller to retry), and the pool drops it when it is released.
    client.on('error', () => undefined);
    const query = async <R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> => {
      try {
        return (await client.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>;
      } catch (e) {
        throw mapPgError(e);
      }
    };
    return { query: query as PostgresPoolClient['query'], release: () => client.release() };
  };
  return {
    async connect() {
      beforeAcquire();
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = wrap(client);
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}
