import type { Logger } from '@hannun/infra';
import { type Dialect, Kysely, sql, type Transaction } from 'kysely';
import { parseStoreUrl, redactStoreUrl, StoreConfigError } from './config/store-url.ts';
import { openPostgres } from './postgres/open-postgres.ts';
import { openSqlite } from './sqlite/open-sqlite.ts';
import type { StoreDialect } from './store-dialect.ts';
import { TransactionScope } from './transaction-scope.ts';

export interface StoreOptions {
  /** `sqlite:<path>`, `sqlite::memory:`, `postgres://…` or `postgresql://…` (see parseStoreUrl). */
  readonly url: string;
  /**
   * PostgreSQL: the schema the store's tables live in (created if missing; `search_path` of every pooled
   * connection). Lower-case letters, digits and `_`. SQLite has no schemas: ignored there, so the services
   * sharing one SQLite file share one namespace of table names.
   */
  readonly schema?: string;
  /** PostgreSQL: the most connections in the pool (default 10). */
  readonly poolMax?: number;
  /** Where the store says it opened (URL without password) and what went wrong in the background. */
  readonly logger?: Logger;
}

/** A database of tables `DB`, on SQLite or PostgreSQL, through one typed Kysely API. */
export interface Store<DB> {
  readonly db: Kysely<DB>;
  readonly dialect: StoreDialect;
  /**
   * Run `fn` in one transaction: committed when it resolves, rolled back when it throws. Every query of it
   * must go through `trx`; `store.db` inside it throws StoreMisuse (on SQLite it would wait for itself).
   * Keep it short and never wait for the network inside it: on SQLite it holds the single write lock.
   */
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Finish what is in flight and close the connections; closing twice is harmless. */
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Open a store. Fails fast (and closes what it opened) when the database cannot be reached, naming the
 * URL without its password.
 */
export async function openStore<DB>(options: StoreOptions): Promise<Store<DB>> {
  const location = parseStoreUrl(options.url);
  const shownUrl = redactStoreUrl(options.url);
  const { schema, logger } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreConfigError(`the store schema "${schema}" must be lower-case letters, digits and _ (at most 63)`);
  }
  if (options.poolMax !== undefined && !(Number.isInteger(options.poolMax) && options.poolMax >= 1)) {
    throw new StoreConfigError(`the store poolMax must be a whole number of at least 1 (got ${options.poolMax})`);
  }
  const scope = new TransactionScope();
  const beforeAcquire = () => scope.assertOutside();
  let dialect: Dialect;
  if (location.dialect === 'sqlite') {
    dialect = openSqlite({ file: 'file' in location ? location.file : undefined, logger, beforeAcquire });
  } else {
    dialect = openPostgres({
      connectionString: location.connectionString,
      schema,
      poolMax: options.poolMax,
      logger,
      beforeAcquire,
    });
  }
  const db = new Kysely<DB>({ dialect });
  try {
    // A first query also starts Kysely's driver: without it, close() would not close a store never used.
    if (location.dialect === 'postgres' && schema !== undefined) await createSchema(db, schema);
    else await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`cannot open the ${location.dialect} store at ${shownUrl}: ${reason}`, { cause: e });
  }
  logger?.info(
    { dialect: location.dialect, url: shownUrl, ...(schema && location.dialect === 'postgres' ? { schema } : {}) },
    'store opened',
  );
  let closing: Promise<void> | undefined;
  return {
    db,
    dialect: location.dialect,
    transaction(fn) {
      scope.assertOutside();
      return scope.run((body) => db.transaction().execute((trx) => body(() => fn(trx))));
    },
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}

/** `create schema if not exists`, tolerating a concurrent creator (PostgreSQL may still raise 23505/42P06). */
async function createSchema<DB>(db: Kysely<DB>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (e) {
    const exists = await sql<{ n: number }>`select count(*) as n from pg_namespace where nspname = ${schema}`.execute(
      db,
    );
    if (exists.rows[0]?.n !== 1) throw e;
  }
}
