// The public entry of @hannun/store: one typed Kysely API over SQLite (embedded default) and PostgreSQL.
// Test helpers are in the separate entry `@hannun/store/testing` (it imports vitest).
export type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
export { sql } from 'kysely';
export { STORE_SETTINGS, storeUrlFor } from './config/store-settings.ts';
export { parseStoreUrl, redactStoreUrl, type StoreLocation, StoreConfigError } from './config/store-url.ts';
export { StoreBusy } from './errors/store-busy.ts';
export { isConflict, StoreConflict, type StoreConflictDetails } from './errors/store-conflict.ts';
export { StoreRangeError } from './errors/store-range-error.ts';
export { type Ddl, ddlFor } from './migrate/ddl.ts';
export { type Migration, MigrationError, migrate, type MigrateOptions } from './migrate/migrate.ts';
export { openStore, type Store, type StoreOptions } from './open-store.ts';
export type { StoreDialect } from './store-dialect.ts';
export { StoreMisuse } from './transaction-scope.ts';
export {
  bindList,
  bindRows,
  padded,
  paddedChunks,
  QueryTemplates,
  TEMPLATE_SIZES,
  templateChunks,
} from './query-templates.ts';
