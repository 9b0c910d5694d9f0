import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCaSecrets } from './ensure-ca-secrets.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("the CA's secrets in its data directory", () => {
  it('are created once (0600 in a 0700 directory), reused on restart, and agreed on by two starts at once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hannun-ca-secrets-'));
    dirs.push(dataDir);
    const [a, b] = await Promise.all([ensureCaSecrets({ dataDir }), ensureCaSecrets({ dataDir })]);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(a.secrets.pepper.equals(b.secrets.pepper)).toBe(true);
    expect(a.secrets.personalRoot.certPem).toBe(b.secrets.personalRoot.certPem);
    expect((await stat(a.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'ca'))).mode & 0o777).toBe(0o700);
    const again = await ensureCaSecrets({ dataDir });
    expect(again.created).toBe(false);
    expect(again.secrets.keyEncryptionKey.equals(a.secrets.keyEncryptionKey)).toBe(true);
    expect(again.secrets.pepper).toHaveLength(32);
    expect(JSON.parse(await readFile(a.path, 'utf8')).version).toBe(1);
    expect(a.secrets.storageKey).toHaveLength(32);
    expect(b.secrets.storageKey.equals(a.secrets.storageKey)).toBe(true);
    expect(again.secrets.storageKey.equals(a.secrets.storageKey)).toBe(true);
    expect((await stat(join(dataDir, 'ca', 'storage.key'))).mode & 0o777).toBe(0o600);
  });

  it('a data directory from before sealed columns (secrets.json, no storage.key) gains a storage key, keeping its secrets', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hannun-ca-secrets-'));
    dirs.push(dataDir);
    const first = await ensureCaSecrets({ dataDir });
    await rm(join(dataDir, 'ca', 'storage.key'));
    const upgraded = await ensureCaSecrets({ dataDir });
    expect(upgraded.created).toBe(false);
    expect(upgraded.secrets.pepper.equals(first.secrets.pepper)).toBe(true);
    expect(upgraded.secrets.storageKey).toHaveLength(32);
    expect(upgraded.secrets.storageKey.equals(first.secrets.storageKey)).toBe(false);
    expect((await ensureCaSecrets({ dataDir })).secrets.storageKey.equals(upgraded.secrets.storageKey)).toBe(true);
  });
});
