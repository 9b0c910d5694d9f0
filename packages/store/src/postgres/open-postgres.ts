import type { Logger } from '@hannun/infra';
import { CompiledQuery, type Dialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { mappedPool } from './mapped-pool.ts';
import { storeTypeParsers } from './pg-type-parsers.ts';

export const DEFAULT_POOL_MAX = 10;
const CONNECT_TIMEOUT_MS = 10_000;

export interface OpenPostgresOptions {
  readonly connectionString: string;
  /** Validated schema name; every pooled connection gets `search_path` = this schema. */
  readonly schema: string | undefined;
  readonly poolMax: number | undefined;
  readonly logger: Logger | undefined;
  readonly beforeAcquire: () => void;
}

/** A pg pool (our type parsers, the schema's search_path) behind Kysely's PostgresDialect. */
export function openPostgres(options: OpenPostgresOptions): Dialect {
  const { schema, logger } = options;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolMax ?? DEFAULT_POOL_MAX,
    types: storeTypeParsers(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'hannun',
  });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (err) => logger?.warn({ err }, 'store: an idle PostgreSQL connection failed; the pool replaces it'));
  return new PostgresDialect({
    pool: mappedPool(pool, options.beforeAcquire),
    ...(schema !== undefined
      ? {
          onCreateConnection: async (connection) => {
            await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
          },
        }
      : {}),
  });
}
