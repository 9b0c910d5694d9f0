import { open, readFile, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FileLockOptions {
  /** Give up waiting after this long. Default 15 s. */
  readonly timeoutMs?: number;
  /** A lock older than this is taken as abandoned. Default 60 s (issuing a whole PKI takes well under 1 s). */
  readonly staleMs?: number;
}

/** The store is locked by another process for longer than the wait allows. */
export class PkiLockedError extends Error {
  override readonly name = 'PkiLockedError';
  constructor(readonly lockPath: string) {
    super(`the PKI store is locked (${lockPath}); another process is creating or rotating certificates`);
  }
}

/** Locks this process holds now: a lock file with our pid that is not here was left by an earlier process
 * that happened to have the same pid (common in containers, where the service is often pid 1). */
const heldHere = new Set<string>();

/**
 * Run `fn` holding an exclusive lock file, so two services starting at once never create two roots.
 * The file holds the owner's pid; a lock whose process is gone, or that is older than `staleMs`, is broken.
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const staleMs = options.staleMs ?? 60_000;
  for (;;) {
    try {
      const file = await open(path, 'wx', 0o600);
      heldHere.add(path);
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      break;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      if (await isAbandoned(path, staleMs)) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new PkiLockedError(path);
      await sleep(20 + Math.random() * 30);
    }
  }
  try {
    return await fn();
  } finally {
    heldHere.delete(path);
    await unlink(path).catch(() => undefined);
  }
}

async function isAbandoned(path: string, staleMs: number): Promise<boolean> {
  try {
    const [content, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    const pid = Number.parseInt(content, 10);
    // An empty file is a lock being written right now.
    if (!Number.isInteger(pid) || pid <= 0) return false;
    return pid === process.pid ? !heldHere.has(path) : !isAlive(pid);
  } catch (error) {
    // Released between our attempt and this look: try again at once.
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isCode(error, 'ESRCH');
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
