import type { StoreDialect } from '../store-dialect.ts';

export interface StoreConflictDetails {
  readonly dialect: StoreDialect;
  /** The constraint or unique index the driver named (PostgreSQL always; SQLite only for expression indexes). */
  readonly constraint?: string;
  /** The table the driver named. */
  readonly table?: string;
  /** The key columns the driver named (never their values). */
  readonly columns?: readonly string[];
  /** The driver's own code: `23505` on PostgreSQL, `SQLITE_CONSTRAINT_UNIQUE` / `_PRIMARYKEY` on SQLite. */
  readonly driverCode: string;
}

/**
 * A unique or primary-key constraint was violated, on either dialect. Carries names only: the duplicated
 * values (which may be a CI or an account number) are never copied into the message, the fields or a
 * `cause`, so the error can be logged as it is.
 */
export class StoreConflict extends Error {
  override readonly name = 'StoreConflict';
  readonly code = 'STORE_CONFLICT';
  readonly dialect: StoreDialect;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly columns: readonly string[];
  readonly driverCode: string;

  constructor(details: StoreConflictDetails) {
    const where = [
      details.table ? `table ${details.table}` : undefined,
      details.columns?.length ? `columns (${details.columns.join(', ')})` : undefined,
      details.constraint ? `constraint ${details.constraint}` : undefined,
    ].filter((s): s is string => s !== undefined);
    super(`duplicate key: a row with the same key already exists${where.length ? ` (${where.join(', ')})` : ''}`);
    this.dialect = details.dialect;
    this.constraint = details.constraint;
    this.table = details.table;
    this.columns = details.columns ?? [];
    this.driverCode = details.driverCode;
  }
}

/** Whether `e` is a {@link StoreConflict} (a duplicate key), optionally on a given constraint or table. */
export function isConflict(
  e: unknown,
  on?: { readonly constraint?: string; readonly table?: string },
): e is StoreConflict {
  if (!(e instanceof StoreConflict)) return false;
  if (on?.constraint !== undefined && e.constraint !== on.constraint) return false;
  if (on?.table !== undefined && e.table !== on.table) return false;
  return true;
}
