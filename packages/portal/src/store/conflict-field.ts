import { isConflict } from '@hannun/store';

/**
 * The column a duplicate-key error is about, on either dialect (SQLite names the columns, PostgreSQL the
 * constraint: `portal_org_serial_num_key`, `portal_org_pkey`; the primary key column first), or undefined
 * when it is no duplicate key of these columns.
 */
export function conflictColumn(error: unknown, table: string, columns: readonly string[]): string | undefined {
  if (!isConflict(error)) return undefined;
  if (error.table !== undefined && error.table !== table) return undefined;
  for (const column of columns) {
    if (error.columns.includes(column)) return column;
    if (error.constraint?.includes(column)) return column;
  }
  if (error.constraint === `${table}_pkey`) return columns[0];
  return undefined;
}
