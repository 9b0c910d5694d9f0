import { api } from './api.ts';

const early = new Map<string, Promise<unknown>>();

/**
 * Ask for a page's data as the app starts, alongside the session check and the page's own code, instead of after
 * them. The page takes each answer once with {@link prefetched}; an answer nobody takes is dropped quietly.
 */
export function prefetch(paths: readonly string[]): void {
  for (const path of paths) {
    const p = api<unknown>(path);
    p.catch(() => undefined);
    early.set(path, p);
  }
}

/** The early answer for `path` (once), or a fresh call. */
export function prefetched<T>(path: string): Promise<T> {
  const p = early.get(path);
  early.delete(path);
  return (p as Promise<T> | undefined) ?? api<T>(path);
}
