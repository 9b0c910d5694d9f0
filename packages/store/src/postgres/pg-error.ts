import { StoreConflict } from '../errors/store-conflict.ts';

const UNIQUE_VIOLATION = '23505';

interface PgErrorFields {
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly table?: unknown;
  readonly detail?: unknown;
}

/**
 * pg's error for a duplicate key as a {@link StoreConflict}; any other error unchanged. Only the names are
 * kept: `detail` (`Key (user_ci)=(…) already exists.`) carries the values, so only its column list is read.
 */
export function mapPgError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & PgErrorFields;
  if (e.code !== UNIQUE_VIOLATION) return error;
  const columns =
    typeof e.detail === 'string'
      ? /^Key \((.+?)\)=\(/
          .exec(e.detail)?.[1]
          ?.split(', ')
          .map((c) => c.trim())
      : undefined;
  return new StoreConflict({
    dialect: 'postgres',
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    ...(typeof e.table === 'string' ? { table: e.table } : {}),
    ...(columns ? { columns } : {}),
    driverCode: UNIQUE_VIOLATION,
  });
}
