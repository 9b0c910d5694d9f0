import { type Kysely, type Migration as KyselyMigration, type MigrationResult, Migrator, sql } from 'kysely';
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
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => provided },
    migrationTableName: `${namespace}_migration`,
    migrationLockTableName: `${namespace}_migration_lock`,
    // PostgreSQL: name the schema, or Kysely would take a same-named history table in another schema for ours.
    ...(store.dialect === 'postgres' ? { migrationTableSchema: await currentSchema(store.db) } : {}),
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
