import { chmod, readFile } from 'node:fs/promises';
import { createPrivateFileOnce } from './create-file-once.ts';
import { generateStorageKey, STORAGE_KEY_BYTES } from './storage-key.ts';

export interface EnsureStorageKeyResult {
  readonly key: Buffer;
  /** True when this call created the file. */
  readonly created: boolean;
}

/**
 * A service's storage key in `path` (base64, 0600, directory 0700): read it, or create it on first start
 * (atomic, and two starts at once agree: see createPrivateFileOnce). Losing it makes every sealed column
 * unreadable: back it up with the database.
 */
export async function ensureStorageKey(path: string): Promise<EnsureStorageKeyResult> {
  const existing = await readKey(path);
  if (existing) return { key: existing, created: false };
  const key = generateStorageKey();
  if (await createPrivateFileOnce(path, `${key.toString('base64')}\n`)) return { key, created: true };
  const theirs = await readKey(path);
  if (!theirs) throw new Error(`storage key: ${path} exists but cannot be read`);
  return { key: theirs, created: false };
}

async function readKey(path: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== STORAGE_KEY_BYTES) {
    throw new Error(
      `storage key: ${path} is not ${STORAGE_KEY_BYTES} bytes of base64; restore it from a backup (or delete the data directory to start afresh)`,
    );
  }
  await chmod(path, 0o600);
  return key;
}
