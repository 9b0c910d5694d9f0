import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink } from '@hannun/infra';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';

const root = mkdtempSync(join(tmpdir(), 'hannun-store-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('SQLite file store', () => {
  it('creates the missing parent directories 0700 and the database file 0600 (and its -wal/-shm alike)', async () => {
    const file = join(root, 'a', 'b', 'hannun.db');
    const store = await openStore({ url: `sqlite:${file}` });
    await sql`create table t (x integer)`.execute(store.db);
    await sql`insert into t values (1)`.execute(store.db);
    expect(mode(join(root, 'a'))).toBe(0o700);
    expect(mode(join(root, 'a', 'b'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    await store.close();
  });

  it('close() really closes the file, even for a store never queried (SQLite then removes -wal and -shm)', async () => {
    const file = join(root, 'closed.db');
    const used = await openStore({ url: `sqlite:${file}` });
    await sql`create table t (x integer)`.execute(used.db);
    await used.close();
    const unused = await openStore({ url: `sqlite:${file}` });
    expect(existsSync(`${file}-wal`)).toBe(true);
    await unused.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });

  it('tightens an existing database file that others could read, and says so in the log', async () => {
    const file = join(root, 'loose.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const sink = createLogSink();
    const store = await openStore({ url: `sqlite:${file}`, logger: createLogger({ service: 't', destination: sink }) });
    expect(mode(file)).toBe(0o600);
    expect(sink.records().some((r) => r['msg'] === 'store: database file was readable by others; set to 0600')).toBe(
      true,
    );
    await store.close();
  });

  it('runs with WAL, synchronous=NORMAL, foreign_keys=ON and busy_timeout=5000', async () => {
    const store = await openStore({ url: `sqlite:${join(root, 'pragmas.db')}` });
    const pragma = async (name: string) =>
      Object.values(
        (await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(store.db)).rows[0] ?? {},
      )[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(1);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    await store.close();
  });

  it('enforces foreign keys', async () => {
    const store = await openStore({ url: 'sqlite::memory:' });
    await sql`create table parent (id integer primary key)`.execute(store.db);
    await sql`create table child (parent_id integer not null references parent (id))`.execute(store.db);
    await expect(sql`insert into child values (42)`.execute(store.db)).rejects.toThrow(/FOREIGN KEY constraint failed/);
    await store.close();
  });

  it('keeps data across close and reopen; sqlite::memory: stores are private and empty', async () => {
    const url = `sqlite:${join(root, 'reopen.db')}`;
    const first = await openStore({ url });
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('한눈')`.execute(first.db);
    await first.close();
    const again = await openStore({ url });
    expect((await sql<{ v: string }>`select v from kept`.execute(again.db)).rows).toEqual([{ v: '한눈' }]);
    await again.close();
    const m1 = await openStore({ url: 'sqlite::memory:' });
    await sql`create table only_here (v text)`.execute(m1.db);
    const m2 = await openStore({ url: 'sqlite::memory:' });
    await expect(sql`select * from only_here`.execute(m2.db)).rejects.toThrow(/no such table/);
    await Promise.all([m1.close(), m2.close()]);
  });
});
