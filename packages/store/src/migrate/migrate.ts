import {
  type DatabaseIntrospector,
  type Kysely,
  type Migration as KyselyMigration,
  type MigrationResult,
  Migrator,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';
import type { Store } from '../open-store.ts';
import { type Ddl, ddlFor } from './ddl.ts';

/**
 * One migration, written once for both dialects: use Kysely's schema builder with the {@link Ddl} helpers,
 * and branch on `ddl.dialect` only where SQL truly differs. Runs in a transaction on both dialects.
 */
export interface Migration {
  up(db: Kysely<unknown>, ddl: Ddl): Promise<void>;
  down?(db: Kysely<unknown>, ddl: Ddl): Promise<void>;
}

export interface MigrateOptions {
  /**
   * Whose history this is (`provider`, `ca`, `portal`, `operator`): the history lives in `<namespace>_migration`
   * and `<namespace>_migration_lock`, so several services keep theirs in one database.
   */
  readonly namespace: string;
  /** By name; applied in the order of their names (`0001_sign_tx`, `0002_…`). */
  readonly migrations: Readonly<Record<string, Migration>>;
}

/** A migration failed; nothing of this run was kept (see README: both dialects roll back the whole run). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly code = 'STORE_MIGRATION';

  constructor(
    readonly namespace: string,
    /** The migration that failed, when one did (otherwise the history itself could not be read or locked). */
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      migration
        ? `migration ${namespace}/${migration} failed, nothing of this run was applied: ${reason}`
        : `migrations of ${namespace} could not run: ${reason}`,
      { cause },
    );
  }
}

const NAMESPACE = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Bring the store's schema up to date with `migrations`; returns the names applied now (none when already
 * current). All pending migrations run in one transaction: when one fails, the schema and history stay as
 * they were and a {@link MigrationError} names it.
 */
export async function migrate<DB>(store: Store<DB>, options: MigrateOptions): Promise<string[]> {
  const { namespace } = options;
  if (!NAMESPACE.test(namespace)) {
    throw new MigrationError(namespace, undefined, new Error('the namespace must be lower-case letters, digits and _'));
  }
  const ddl = ddlFor(store.dialect);
  const provided: Record<string, KyselyMigration> = {};
  for (const [name, m] of Object.entries(options.migrations)) {
    provided[name] = {
      up: (db) => m.up(db, ddl),
      ...(m.down ? { down: (db: Kysely<unknown>) => m.down!(db, ddl) } : {}),
    };
  }
  const schema = store.dialect === 'postgres' ? await currentSchema(store.db) : undefined;
  const migrator = new Migrator({
    db: schema === undefined ? store.db : ownSchemaOnly(store.db, schema),
    provider: { getMigrations: async () => provided },
    migrationTableName: `${namespace}_migration`,
    migrationLockTableName: `${namespace}_migration_lock`,
    // PostgreSQL: name the schema, or Kysely would take a same-named history table in another schema for ours.
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error')?.migrationName;
    throw new MigrationError(namespace, failed, error);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema<DB>(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema (search_path names no existing schema)');
  return schema;
}

/**
 * The store's database as the Migrator sees it, its introspection narrowed to the store's own schema: the
 * Migrator only asks whether its history tables and schema exist. Kysely's PostgreSQL introspector lists every
 * table and column of every schema (pg_get_serial_sequence per column), which fails with "schema … does not
 * exist" or "column … does not exist" whenever another service or test drops a schema or column meanwhile.
 */
function ownSchemaOnly<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspection: DatabaseIntrospector = {
    async getSchemas(): Promise<SchemaMetadata[]> {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows.map((r) => ({ name: r.name }));
    },
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; isView: boolean }>`
        select c.relname as name, c.relkind in ('v', 'm') as "isView"
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: r.isView, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
