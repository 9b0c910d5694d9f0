import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureStorageKey } from './ensure-storage-key.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
const dataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hannun-storage-key-'));
  dirs.push(dir);
  return dir;
};

describe('a storage key in the data directory', () => {
  it('is created once (0600 in a 0700 directory), reused on restart, and agreed on by two starts at once', async () => {
    const path = join(await dataDir(), 'svc', 'storage.key');
    const [a, b] = await Promise.all([ensureStorageKey(path), ensureStorageKey(path)]);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(a.key.equals(b.key)).toBe(true);
    expect(a.key).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(path, '..'))).mode & 0o777).toBe(0o700);
    const again = await ensureStorageKey(path);
    expect(again.created).toBe(false);
    expect(again.key.equals(a.key)).toBe(true);
    expect((await readFile(path, 'utf8')).trim()).toBe(a.key.toString('base64'));
  });

  it('a file that is not 32 bytes of base64 is an error naming it, never replaced', async () => {
    const path = join(await dataDir(), 'storage.key');
    await writeFile(path, 'c2hvcnQ=\n');
    await expect(ensureStorageKey(path)).rejects.toThrow(`${path} is not 32 bytes of base64`);
    expect(await readFile(path, 'utf8')).toBe('c2hvcnQ=\n');
  });
});
