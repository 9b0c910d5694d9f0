import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setting } from '@hannun/infra';
import { KeyRingError } from './crypto-errors.ts';
import { generateKeyRing, type KeyRing, keyRingFromJson, keyRingToFile } from './key-ring.ts';

/** The environment secret that, when set, holds the key ring (the JSON of keys.json) instead of the file. */
export const OPERATOR_KEY_SETTINGS = {
  HANNUN_OPERATOR_KEYS: setting.string({
    optional: true,
    secret: true,
    description:
      "The operator's key ring as JSON (format hannun-operator-keys/1: kek versions, current, index key); unset: <data dir>/operator/keys.json, created on first start",
  }),
};

export interface LoadedKeyRing {
  readonly ring: KeyRing;
  /** `env` (HANNUN_OPERATOR_KEYS) or the file's path. */
  readonly source: 'env' | string;
  /** True when this call created the file (first start). */
  readonly created: boolean;
  /** True when the file was readable by others and has been set to 0600 (log a warning). */
  readonly tightened: boolean;
}

/**
 * The operator's key ring: from HANNUN_OPERATOR_KEYS when set, else `<dataDir>/operator/keys.json` (0600 in a
 * 0700 directory), created atomically on first start (two processes starting at once agree on one file).
 * Lose it and every sealed field is unreadable: back it up apart from the database.
 */
export async function loadKeyRing(opts: {
  readonly dataDir: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}): Promise<LoadedKeyRing> {
  const fromEnv = opts.env?.HANNUN_OPERATOR_KEYS;
  if (fromEnv !== undefined && fromEnv !== '') {
    return { ring: keyRingFromJson(fromEnv), source: 'env', created: false, tightened: false };
  }
  const dir = join(opts.dataDir, 'operator');
  const path = join(dir, 'keys.json');
  const existing = await readRing(path);
  if (existing) return { ring: existing.ring, source: path, created: false, tightened: existing.tightened };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const ring = generateKeyRing();
  const tmp = join(dir, `.keys.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, `${JSON.stringify(keyRingToFile(ring), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = await readRing(path);
    if (!theirs) throw new KeyRingError(`operator keys: ${path} exists but cannot be read`);
    return { ring: theirs.ring, source: path, created: false, tightened: theirs.tightened };
  } finally {
    await unlink(tmp).catch(() => {});
  }
  return { ring, source: path, created: true, tightened: false };
}

/** Writes a key ring (e.g. after `withNewKek`) over the file, atomically, 0600. */
export async function saveKeyRing(path: string, ring: KeyRing): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify(keyRingToFile(ring), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(tmp, path);
}

async function readRing(path: string): Promise<{ ring: KeyRing; tightened: boolean } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const mode = (await stat(path)).mode & 0o777;
  const tightened = (mode & 0o077) !== 0;
  if (tightened) await chmod(path, 0o600);
  return { ring: keyRingFromJson(text), tightened };
}
