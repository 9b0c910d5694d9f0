import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { redactStoreUrl } from '../config/store-url.ts';
import { openStore, type Store } from '../open-store.ts';
import type { StoreDialect } from '../store-dialect.ts';
import { pgUnreachableMessage, testPgUrl } from './pg-test-url.ts';

/** Opens a fresh, empty store: a new SQLite file, or a new PostgreSQL schema. */
export type OpenTestStore = <DB = unknown>() => Promise<Store<DB>>;

/** What a suite may need besides `open`. */
export interface DialectContext {
  readonly dialect: StoreDialect;
  /**
   * A second store on the same database as `store` (same SQLite file, same PostgreSQL schema), e.g. to
   * test two writers. Closed after the suite like every store opened here.
   */
  openAgain<DB>(store: Store<DB>): Promise<Store<DB>>;
}

interface Opened {
  readonly store: Store<unknown>;
  /** How to open the same database again. */
  readonly url: string;
  readonly schema: string | undefined;
}

/**
 * Define the same vitest suite twice: against SQLite (a temp file under os.tmpdir) and against PostgreSQL
 * (HANNUN_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test). Each `open()` gives an empty
 * database (a fresh file / a fresh schema); everything is closed and removed after the suite. When
 * PostgreSQL is unreachable the PostgreSQL half FAILS, saying how to start it: it is never skipped.
 */
export function describeEachDialect(name: string, suite: (open: OpenTestStore, context: DialectContext) => void): void {
  describe(`${name} [sqlite]`, () => defineSqlite(suite));
  describe(`${name} [postgres]`, () => definePostgres(suite));
}

function track(opened: Map<Store<unknown>, Opened>) {
  return {
    add<DB>(store: Store<DB>, url: string, schema: string | undefined): Store<DB> {
      opened.set(store as Store<unknown>, { store: store as Store<unknown>, url, schema });
      return store;
    },
    find<DB>(store: Store<DB>): Opened {
      const o = opened.get(store as Store<unknown>);
      if (!o) throw new Error('openAgain() takes a store opened by this suite');
      return o;
    },
    async closeAll(): Promise<void> {
      await Promise.allSettled([...opened.keys()].map((s) => s.close()));
    },
  };
}

function defineSqlite(suite: (open: OpenTestStore, context: DialectContext) => void): void {
  const opened = track(new Map());
  let dir: string | undefined;
  let n = 0;
  const open: OpenTestStore = async <DB>() => {
    dir ??= mkdtempSync(join(tmpdir(), 'hannun-store-test-'));
    n += 1;
    const url = `sqlite:${join(dir, `store-${n}.db`)}`;
    return opened.add(await openStore<DB>({ url }), url, undefined);
  };
  const context: DialectContext = {
    dialect: 'sqlite',
    async openAgain(store) {
      const { url } = opened.find(store);
      return opened.add(await openStore({ url }), url, undefined);
    },
  };
  afterAll(async () => {
    await opened.closeAll();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  suite(open, context);
}

function definePostgres(suite: (open: OpenTestStore, context: DialectContext) => void): void {
  const url = testPgUrl();
  const opened = track(new Map());
  const schemas: string[] = [];
  let reachable: Promise<void> | undefined;
  // One check per suite; every open() (and the test below) fails with the same message when it fails.
  const ensureReachable = (): Promise<void> => {
    reachable ??= (async () => {
      let admin: Store<unknown> | undefined;
      try {
        admin = await openStore({ url, poolMax: 1 });
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
        throw new Error(pgUnreachableMessage(redactStoreUrl(url), cause));
      } finally {
        await admin?.close();
      }
    })();
    return reachable;
  };
  const open: OpenTestStore = async <DB>() => {
    await ensureReachable();
    const schema = `test_${process.pid}_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    return opened.add(await openStore<DB>({ url, schema, poolMax: 4 }), url, schema);
  };
  const context: DialectContext = {
    dialect: 'postgres',
    async openAgain(store) {
      const o = opened.find(store);
      return opened.add(
        await openStore({ url: o.url, ...(o.schema ? { schema: o.schema } : {}), poolMax: 4 }),
        o.url,
        o.schema,
      );
    },
  };
  it(`PostgreSQL is reachable at ${redactStoreUrl(url)} (HANNUN_TEST_PG_URL)`, async () => {
    await expect(ensureReachable()).resolves.toBeUndefined();
  });
  afterAll(async () => {
    await opened.closeAll();
    if (schemas.length === 0) return;
    const admin = await openStore({ url, poolMax: 1 });
    try {
      for (const schema of schemas) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    } finally {
      await admin.close();
    }
  });
  suite(open, context);
}
