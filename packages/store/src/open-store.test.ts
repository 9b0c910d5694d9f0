import { createLogger, createLogSink } from '@hannun/infra';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.ts';
import { describeEachDialect } from './testing/each-dialect.ts';
import { testPgUrl } from './testing/pg-test-url.ts';
import { StoreMisuse } from './transaction-scope.ts';

describeEachDialect('openStore', (open, { dialect }) => {
  it('opens, answers a query, says its dialect, and closes (twice harmlessly)', async () => {
    const store = await open();
    expect(store.dialect).toBe(dialect);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(store.db);
    expect(rows).toEqual([{ one: 1 }]);
    await store.close();
    await store.close();
    await expect(sql`select 1`.execute(store.db)).rejects.toThrow();
  });

  it('store.db inside store.transaction() throws StoreMisuse instead of hanging or escaping the transaction', async () => {
    const store = await open();
    await expect(store.transaction(async () => sql`select 1`.execute(store.db))).rejects.toBeInstanceOf(StoreMisuse);
    await expect(store.transaction(async () => store.transaction(async () => 1))).rejects.toBeInstanceOf(StoreMisuse);
    // The store is still usable afterwards, and the guard ends with the transaction.
    await expect(
      store.transaction(async (trx) => (await sql<{ v: number }>`select 2 as v`.execute(trx)).rows),
    ).resolves.toEqual([{ v: 2 }]);
    await expect(sql`select 3`.execute(store.db)).resolves.toBeDefined();
  });
});

describe('openStore: URLs and secrets', () => {
  it('rejects an unsupported URL and a bad schema name with a clear error', async () => {
    await expect(openStore({ url: 'mysql://root@localhost/x' })).rejects.toThrow(/not supported; expected sqlite:/);
    await expect(openStore({ url: 'sqlite::memory:', schema: 'Bad-Name' })).rejects.toThrow(/schema "Bad-Name"/);
    await expect(openStore({ url: 'sqlite::memory:', poolMax: 0 })).rejects.toThrow(/poolMax/);
  });

  it('an unreachable PostgreSQL fails at open, naming the URL without its password (message and log)', async () => {
    const sink = createLogSink();
    const logger = createLogger({ service: 'store-test', destination: sink });
    const url = 'postgres://hannun:s3cr3t-pw@127.0.0.1:1/test';
    const failure = await openStore({ url, logger }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(failure?.message).toMatch(
      /cannot open the postgres store at postgres:\/\/hannun:\*\*\*@127\.0\.0\.1:1\/test/,
    );
    expect(failure?.message).not.toContain('s3cr3t-pw');
    expect(sink.text()).not.toContain('s3cr3t-pw');
  });

  it('logs where it opened without the password', async () => {
    const sink = createLogSink();
    const logger = createLogger({ service: 'store-test', destination: sink });
    const base = new URL(testPgUrl());
    base.password = 'unused-but-secret';
    const store = await openStore({ url: base.toString(), logger });
    await store.close();
    const line = sink.records().find((r) => r['msg'] === 'store opened');
    expect(line?.['dialect']).toBe('postgres');
    expect(String(line?.['url'])).toContain(':***@');
    expect(sink.text()).not.toContain('unused-but-secret');
  });
});
