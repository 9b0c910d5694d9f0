import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_DIST_DIR, APP_ROOT, BUILD_STAMP } from './app-paths.ts';
import { newestSourceTime } from './sources-newer.ts';

export interface BuildLogger {
  info(details: object, message: string): void;
}

export interface AppBuild {
  /** The folder the operator serves. */
  readonly dir: string;
  /** Whether this call built the app (false: the build was fresh). */
  readonly built: boolean;
  readonly ms: number;
}

const LOCK = join(APP_ROOT, '.dist-build.lock');
/** A lock older than this is left over from a killed build. */
const STALE_LOCK_MS = 5 * 60_000;

async function isFresh(): Promise<boolean> {
  const stamp = await stat(join(APP_DIST_DIR, BUILD_STAMP)).catch(() => undefined);
  if (!stamp) return false;
  return stamp.mtimeMs >= (await newestSourceTime(APP_ROOT));
}

async function takeLock(): Promise<(() => Promise<void>) | undefined> {
  try {
    const handle = await open(LOCK, 'wx');
    await handle.close();
    return () => rm(LOCK, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const s = await stat(LOCK).catch(() => undefined);
    if (s && Date.now() - s.mtimeMs > STALE_LOCK_MS) await rm(LOCK, { force: true });
    return undefined;
  }
}

/** Vite's production build into a fresh folder, then swapped in whole (a reader never sees half a build). */
async function buildOnce(): Promise<void> {
  const { build } = await import('vite');
  const { viteSettings } = await import('./vite-settings.ts');
  const name = `.dist-build-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(APP_ROOT, name);
  // Always the production build of React (its JSX runtime included), even inside a test run (NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(viteSettings(name));
    await writeFile(join(tmp, BUILD_STAMP), `${new Date().toISOString()}\n`);
    const old = join(APP_ROOT, `${name}-old`);
    await rename(APP_DIST_DIR, old).catch(() => undefined);
    await rename(tmp, APP_DIST_DIR);
    await rm(old, { recursive: true, force: true });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Build the web app into `packages/app/dist` when it is missing or older than its sources (`npm start` needs no
 * manual step; nothing is downloaded). Concurrent callers (test files, two `hannun up`) wait for one build.
 */
export async function ensureAppBuilt(
  o: { readonly logger?: BuildLogger; readonly force?: boolean } = {},
): Promise<AppBuild> {
  const started = performance.now();
  for (;;) {
    if (!o.force && (await isFresh())) return { dir: APP_DIST_DIR, built: false, ms: performance.now() - started };
    const release = await takeLock();
    if (!release) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (!o.force && (await isFresh())) return { dir: APP_DIST_DIR, built: false, ms: performance.now() - started };
      o.logger?.info({ dir: APP_DIST_DIR }, 'building the web app (its sources changed or it was never built)');
      await buildOnce();
      const ms = performance.now() - started;
      o.logger?.info({ ms: Math.round(ms) }, 'web app built');
      return { dir: APP_DIST_DIR, built: true, ms };
    } finally {
      await release();
    }
  }
}
