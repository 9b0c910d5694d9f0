// Test support: a temporary data directory, and a look at what the store holds on disk.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export async function withDataDir<T>(fn: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hannun-pki-'));
  try {
    return await fn(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Every path under `dir` (relative), with its permission bits and, for files, content and mtime. */
export async function snapshot(dir: string): Promise<Map<string, { mode: number; content?: string; mtimeMs: number }>> {
  const out = new Map<string, { mode: number; content?: string; mtimeMs: number }>();
  async function walk(path: string): Promise<void> {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const info = await stat(full);
      const mode = info.mode & 0o777;
      if (entry.isDirectory()) {
        out.set(`${relative(dir, full)}/`, { mode, mtimeMs: info.mtimeMs });
        await walk(full);
      } else {
        out.set(relative(dir, full), { mode, content: await readFile(full, 'utf8'), mtimeMs: info.mtimeMs });
      }
    }
  }
  await walk(dir);
  return out;
}
