import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
const STAGING_MARK = '.staging-';

/** Create the directory (and parents) if needed, and make it 0700 whatever the umask or its old mode. */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(path, PRIVATE_DIR_MODE);
}

/** Write a file 0600 atomically: a temporary file in the same directory, fsync, rename over, fsync the directory. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeNewFile(tmp, data);
  await rename(tmp, path);
  await syncDir(dirname(path));
}

/**
 * Put a whole directory of files in place at once, so a crash never leaves a key without its certificate:
 * the files are written into a staging directory beside `target`, then `target` (if any) is moved to
 * `archiveTo`, then the staging directory is renamed to `target`. A crash between the two renames leaves
 * `target` missing, which the next `ensurePki` fills; never half of one generation and half of another.
 */
export async function replaceDirectory(
  target: string,
  files: Readonly<Record<string, string>>,
  archiveTo: string | null,
): Promise<void> {
  const parent = dirname(target);
  await ensurePrivateDir(parent);
  const staging = join(parent, `${STAGING_MARK}${basename(target)}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { mode: PRIVATE_DIR_MODE });
  await chmod(staging, PRIVATE_DIR_MODE);
  for (const [name, data] of Object.entries(files)) await writeNewFile(join(staging, name), data);
  await syncDir(staging);
  if (archiveTo !== null) {
    await ensurePrivateDir(dirname(archiveTo));
    await rename(target, archiveTo);
    await syncDir(dirname(archiveTo));
  }
  await rename(staging, target);
  await syncDir(parent);
}

/** Remove staging directories and temporary files a crash left behind in `dir` (call under the lock). */
export async function removeLeftovers(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (name.startsWith(STAGING_MARK) || /\.tmp-\d+-[0-9a-f]{8}$/.test(name)) {
      await rm(join(dir, name), { recursive: true, force: true });
    }
  }
}

async function writeNewFile(path: string, data: string): Promise<void> {
  const file = await open(path, 'wx', PRIVATE_FILE_MODE);
  try {
    await file.chmod(PRIVATE_FILE_MODE);
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function syncDir(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
