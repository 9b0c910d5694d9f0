import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoFile } from './demo-file.ts';

export const DEMO_FILE_NAME = 'demo.json';

/** Create the data directory if missing (owner-only: keys and databases live here); keep what it holds. */
export async function ensureDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Write demo.json atomically with mode 0600, whatever the umask or an older file's mode. */
export async function writeDemoFile(dir: string, demo: DemoFile): Promise<string> {
  const path = join(dir, DEMO_FILE_NAME);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
  return path;
}
