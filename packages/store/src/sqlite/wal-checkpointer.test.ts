import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { createLogger, createLogSink } from '@hannun/infra';
import {
  BACKSTOP_PAGES,
  createWalCheckpointer,
  DEFAULT_AUTOCHECKPOINT_PAGES,
  START_AFTER_WRITES,
} from './wal-checkpointer.ts';

const root = mkdtempSync(join(tmpdir(), 'hannun-store-wal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function autocheckpoint(db: Awaited<ReturnType<typeof openStore>>['db']) {
  const rows = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows;
  return rows[0]?.wal_autocheckpoint;
}

describe('SQLite WAL checkpoints off the event loop (wal-checkpointer.ts)', () => {
  it('a store that writes little keeps SQLite’s own checkpoints; one that writes more has a worker keep the WAL small', async () => {
    const file = join(root, 'busy.db');
    const store = await openStore({ url: `sqlite:${file}` });
    await sql`create table t (id integer primary key, v text not null)`.execute(store.db);
    await sql`create index t_v on t (v)`.execute(store.db);
    expect(await autocheckpoint(store.db)).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
    // Far more pages than the backstop would let the WAL hold: only the worker's checkpoints keep it small.
    const payload = 'x'.repeat(3000);
    for (let i = 0; i < 3000; i++) {
      await store.transaction(async (trx) => {
        await sql`insert into t (v) values (${`${i}-${payload}`})`.execute(trx);
      });
      if (i % 50 === 49) await pause(30);
    }
    expect(3000).toBeGreaterThan(START_AFTER_WRITES);
    expect(await autocheckpoint(store.db)).toBe(BACKSTOP_PAGES);
    // 3000 writes of several pages each: checkpointed only at the backstop, the WAL would reach its
    // thousands of pages; the worker's checkpoints let each burst of writes start it again from the top.
    expect(statSync(`${file}-wal`).size / 4096).toBeLessThan(BACKSTOP_PAGES / 4);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(store.db)).rows[0]?.n).toBe(3000);
    await store.close();
    // The store's connection closed last: SQLite folded the WAL in and removed it, and nothing was lost.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = await openStore({ url: `sqlite:${file}` });
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(again.db)).rows[0]?.n).toBe(3000);
    await again.close();
  });

  it('a worker that cannot open the file hands checkpoints back to the writing thread, and says so', async () => {
    const sink = createLogSink();
    const settings: number[] = [];
    const checkpointer = createWalCheckpointer({
      file: join(root, 'never-created.db'),
      setAutocheckpoint: (pages) => void settings.push(pages),
      logger: createLogger({ service: 't', destination: sink }),
    });
    for (let i = 0; i < START_AFTER_WRITES; i++) checkpointer.wrote();
    for (let i = 0; i < 100 && settings.length === 0; i++) await pause(20);
    expect(settings).toEqual([DEFAULT_AUTOCHECKPOINT_PAGES]);
    expect(sink.records().some((r) => r['msg'] === 'store: WAL checkpoints back on the writing thread')).toBe(true);
    await checkpointer.stop();
  });

  it('a setting refused while the connection is busy is applied at the next write', async () => {
    const file = join(root, 'busy-setting.db');
    const store = await openStore({ url: `sqlite:${file}` });
    await sql`create table t (v integer)`.execute(store.db);
    const settings: number[] = [];
    let busy = true;
    const checkpointer = createWalCheckpointer({
      file,
      setAutocheckpoint: (pages) => {
        if (busy) throw new TypeError('This database connection is busy executing a query');
        settings.push(pages);
      },
      logger: undefined,
    });
    for (let i = 0; i < START_AFTER_WRITES; i++) checkpointer.wrote();
    await pause(300);
    expect(settings).toEqual([]);
    busy = false;
    checkpointer.wrote();
    expect(settings).toEqual([BACKSTOP_PAGES]);
    await checkpointer.stop();
    await store.close();
  });
});
