import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PkiLockedError, withFileLock } from './file-lock.ts';
import { withDataDir } from './store-fixture.ts';

describe('the store lock', () => {
  it('runs one holder at a time', () =>
    withDataDir(async (dir) => {
      const lock = join(dir, '.lock');
      const events: string[] = [];
      const hold = (name: string) =>
        withFileLock(lock, async () => {
          events.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 30));
          events.push(`${name} out`);
        });
      await Promise.all([hold('a'), hold('b')]);
      expect([
        ['a in', 'a out', 'b in', 'b out'],
        ['b in', 'b out', 'a in', 'a out'],
      ]).toContainEqual(events);
    }));

  it('breaks a lock left by a process that is gone', () =>
    withDataDir(async (dir) => {
      const lock = join(dir, '.lock');
      // Far above any pid the kernel hands out (pid_max ≤ 2^22).
      await writeFile(lock, '99999999\n');
      expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 500 })).toBe('ran');
    }));

  it('breaks a lock with our own pid that this process does not hold (a restarted container reuses pids)', () =>
    withDataDir(async (dir) => {
      const lock = join(dir, '.lock');
      await writeFile(lock, `${process.pid}\n`);
      expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 500 })).toBe('ran');
    }));

  it('gives up on a lock held by another live process', () =>
    withDataDir(async (dir) => {
      const lock = join(dir, '.lock');
      await writeFile(lock, `${process.ppid}\n`);
      await expect(withFileLock(lock, async () => 'ran', { timeoutMs: 100 })).rejects.toThrow(PkiLockedError);
    }));
});
