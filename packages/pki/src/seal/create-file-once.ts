import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Creates a secrets file holding `text` (0600, in a 0700 directory) unless it already exists: written to a
 * temporary file, fsynced, then linked into place, so a reader never sees half of it and of two processes
 * creating it at once exactly one wins. False when the file was there (or another process won): read theirs.
 */
export async function createPrivateFileOnce(path: string, text: string): Promise<boolean> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(tmp, 'wx', 0o600);
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    await unlink(tmp).catch(() => {});
  }
}
