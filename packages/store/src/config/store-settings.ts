import { join } from 'node:path';
import { type Environment, loadConfig, setting } from '@hannun/infra';

/** The database setting every Hannun service reads (besides its own settings). */
export const STORE_SETTINGS = {
  HANNUN_DATABASE_URL: setting.string({
    optional: true,
    // A PostgreSQL URL may carry a password: never print it.
    secret: true,
    pattern: /^(sqlite:.+|postgres(ql)?:\/\/.+)$/,
    patternHint: 'sqlite:<path>, sqlite::memory: or postgres://user:password@host:5432/database',
    description:
      'Where the services keep their data: sqlite:<path> (embedded, the default <data dir>/hannun.db) or postgres://… for PostgreSQL',
  }),
};

/**
 * The store URL a service uses: HANNUN_DATABASE_URL when set, else the embedded SQLite file
 * `<dataDir>/hannun.db`. Throws infra's ConfigError (which never prints the value) when the setting is malformed.
 */
export function storeUrlFor(dataDir: string, env: Environment = process.env): string {
  return loadConfig(STORE_SETTINGS, env).HANNUN_DATABASE_URL ?? `sqlite:${join(dataDir, 'hannun.db')}`;
}
