import { StoreConflict } from '../errors/store-conflict.ts';

const CONFLICT_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * better-sqlite3's error for a duplicate key as a {@link StoreConflict}; any other error unchanged.
 * SQLite names the key as `UNIQUE constraint failed: table.a, table.b`, or `… failed: index 'name'` for an
 * index on expressions; it never includes the values.
 */
export function mapSqliteError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !CONFLICT_CODES.has(code)) return error;
  const named = /constraint failed: (.*)$/.exec(error.message)?.[1] ?? '';
  const index = /^index '(.+)'$/.exec(named)?.[1];
  if (index !== undefined) return new StoreConflict({ dialect: 'sqlite', constraint: index, driverCode: code });
  const pairs = named
    .split(', ')
    .map((p) => /^(.+)\.([^.]+)$/.exec(p.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  const table = pairs[0]?.[1];
  return new StoreConflict({
    dialect: 'sqlite',
    ...(table !== undefined ? { table } : {}),
    columns: pairs.map((m) => m[2] ?? ''),
    driverCode: code,
  });
}
