import { resolve } from 'node:path';

/** Where a store lives, read from its URL. */
export type StoreLocation =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'sqlite'; readonly memory: true }
  | { readonly dialect: 'postgres'; readonly connectionString: string };

const ACCEPTED = 'sqlite:<path>, sqlite::memory: or postgres://user@host:5432/database';

/** A store URL or option that cannot be used; the message never contains the URL's password. */
export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
  readonly code = 'STORE_CONFIG';
}

/**
 * Read a store URL: `sqlite:<path>` (relative to the working directory, or absolute; `sqlite:///abs` also
 * works), `sqlite::memory:`, `postgres://…` or `postgresql://…`.
 */
export function parseStoreUrl(url: string): StoreLocation {
  if (url.startsWith('sqlite:')) {
    let rest = url.slice('sqlite:'.length);
    if (rest === ':memory:') return { dialect: 'sqlite', memory: true };
    if (rest.startsWith('///')) rest = rest.slice(2);
    else if (rest.startsWith('//')) {
      throw new StoreConfigError(
        `the store URL ${url} is ambiguous: write sqlite:/absolute/path or sqlite:relative/path`,
      );
    }
    if (rest === '') throw new StoreConfigError(`the store URL "sqlite:" names no file; expected ${ACCEPTED}`);
    if (rest.includes('\0')) throw new StoreConfigError('the store URL contains a NUL character');
    return { dialect: 'sqlite', file: resolve(rest) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new StoreConfigError(`the store URL ${redactStoreUrl(url)} is not a valid URL; expected ${ACCEPTED}`);
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
      throw new StoreConfigError(`the store URL ${redactStoreUrl(url)} names no host; expected ${ACCEPTED}`);
    }
    return { dialect: 'postgres', connectionString: url };
  }
  throw new StoreConfigError(`the store URL ${redactStoreUrl(url)} is not supported; expected ${ACCEPTED}`);
}

/**
 * The URL with its password replaced by `***` (`postgres://user:pass@host` → `postgres://user:***@host`),
 * and a `password=` query parameter likewise, fit for logs and error messages.
 */
export function redactStoreUrl(url: string): string {
  return (
    url
      // Greedy to the last `@`: an unencoded `@` or `/` in a password is still hidden (over-redacting is safe).
      .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):.*@/i, '$1:***@')
      .replace(/([?&]password=)[^&#]*/gi, '$1***')
  );
}
