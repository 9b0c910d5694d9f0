import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreBusy } from '../errors/store-busy.ts';
import { migrate } from '../migrate/migrate.ts';
import { openStore, type Store } from '../open-store.ts';
import { WriteLock } from './write-lock.ts';

interface Tables {
  write_log: { writer: string; seq: number; half: number };
}

const dir = mkdtempSync(join(tmpdir(), 'hannun-store-concurrency-'));
const opened: Store<unknown>[] = [];
afterAll(async () => {
  await Promise.allSettled(opened.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function openAt(url: string): Promise<Store<Tables>> {
  const store = await openStore<Tables>({ url });
  opened.push(store as Store<unknown>);
  return store;
}

async function writeLogStore(name: string): Promise<{ url: string; store: Store<Tables> }> {
  const url = `sqlite:${join(dir, name)}`;
  const store = await openAt(url);
  await migrate(store, {
    namespace: 'test',
    migrations: {
      '0001': {
        async up(db, ddl) {
          await db.schema
            .createTable('write_log')
            .addColumn('writer', ddl.text, (c) => c.notNull())
            .addColumn('seq', ddl.int64, (c) => c.notNull())
            .addColumn('half', ddl.int64, (c) => c.notNull())
            .execute();
        },
      },
    },
  });
  return { url, store };
}

/** Each transaction writes two rows with an await between them, so transactions of different stores overlap. */
async function writeMany(store: Store<Tables>, writer: string, n: number): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, (_, seq) =>
      store.transaction(async (trx) => {
        await trx.insertInto('write_log').values({ writer, seq, half: 1 }).execute();
        await new Promise((r) => setTimeout(r, 0));
        await trx.insertInto('write_log').values({ writer, seq, half: 2 }).execute();
      }),
    ),
  );
}

async function countBy(store: Store<Tables>): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('write_log')
    .select(['writer', (s) => s.fn.countAll<number>().as('n')])
    .groupBy('writer')
    .orderBy('writer')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.writer, r.n]));
}

describe('SQLite: concurrent writers on one file', () => {
  it('two stores of one process write concurrently without SQLITE_BUSY (overlapping transactions, autocommit writes, reads)', async () => {
    const { url, store: a } = await writeLogStore('two-stores.db');
    const b = await openAt(url);
    await Promise.all([
      writeMany(a, 'a', 100),
      writeMany(b, 'b', 100),
      // Autocommit writes and reads of b while a's transactions hold the write lock.
      ...Array.from({ length: 50 }, (_, seq) =>
        b.db.insertInto('write_log').values({ writer: 'c', seq, half: 0 }).execute(),
      ),
      ...Array.from({ length: 20 }, () => b.db.selectFrom('write_log').select('seq').limit(1).execute()),
    ]);
    expect(await countBy(a)).toEqual({ a: 200, b: 200, c: 50 });
  });

  it('another process writing the same file at the same time: both finish every transaction', async () => {
    const { url, store } = await writeLogStore('two-processes.db');
    const child = promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./fixtures/concurrent-writer.ts', import.meta.url)),
        url,
        'child',
        '150',
      ],
      { timeout: 60_000 },
    );
    let childDone = false;
    void child.finally(() => {
      childDone = true;
    });
    // Keep writing until the child is done, so the child's transactions compete with ours for the lock.
    // Between batches we pause 5 ms, as a service between requests: SQLite's busy handler polls, so a
    // process that writes back to back without ever pausing can starve another one (see README).
    let mine = 0;
    while (!childDone) {
      await writeMany(store, 'parent', 5);
      mine += 5;
      await new Promise((r) => setTimeout(r, 5));
    }
    const { stdout } = await child;
    expect(JSON.parse(stdout)).toEqual({ ok: 150 });
    // The child's rows sit between ours in commit order: the two processes were writing at the same time.
    const order = await store.db.selectFrom('write_log').select('writer').orderBy(sql`rowid`).execute();
    const firstChild = order.findIndex((r) => r.writer === 'child');
    const lastChild = order.findLastIndex((r) => r.writer === 'child');
    expect(order.slice(0, firstChild).some((r) => r.writer === 'parent')).toBe(true);
    expect(order.slice(lastChild).some((r) => r.writer === 'parent')).toBe(true);
    expect(await countBy(store)).toEqual({ child: 300, parent: mine * 2 });
  });

  it('a writer waiting longer than the busy timeout gets StoreBusy rather than hanging', async () => {
    const lock = new WriteLock();
    await lock.acquire(10, () => new StoreBusy('x.db', 10));
    const waited = lock.acquire(30, () => new StoreBusy('x.db', 30));
    await expect(waited).rejects.toBeInstanceOf(StoreBusy);
    await expect(waited).rejects.toThrow(/stayed locked by another writer for 30 ms/);
    lock.release();
    expect(lock.held).toBe(false);
  });

  it('the write lock is handed over first come, first served', async () => {
    const lock = new WriteLock();
    const order: number[] = [];
    await lock.acquire();
    const waiters = [1, 2, 3].map((n) => lock.acquire(1000).then(() => order.push(n)));
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1));
      lock.release();
    }
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });
});
