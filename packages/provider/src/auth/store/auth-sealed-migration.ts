import type { ColumnSealer } from '@hannun/pki';
import type { Ddl, Kysely, Migration } from '@hannun/store';

/** The tables as this migration sees them: any table, text columns (it names them from SEALED_TABLES). */
type Loose = Kysely<Record<string, Record<string, string | null>>>;

/** A table whose clear columns 0002 renames to `sealed_<name>` and seals, row by row. */
interface SealedTable {
  readonly table: string;
  /** The columns of the row key (the AAD binds each value to it). */
  readonly key: readonly string[];
  readonly columns: readonly string[];
  /** Adds `ci_index` (blind index of the CI) for lookups by CI. */
  readonly ciIndex: boolean;
}

/** What 0002 seals, and under which row key the store seals it since (sql-auth-store.ts uses the same). */
const SEALED_TABLES: readonly SealedTable[] = [
  { table: 'provider_consent', key: ['id'], columns: ['ci', 'assets', 'signature'], ciIndex: true },
  { table: 'provider_token_pair', key: ['id'], columns: ['ci'], ciIndex: true },
  { table: 'provider_auth_code', key: ['code_hash'], columns: ['ci'], ciIndex: false },
  { table: 'provider_login', key: ['org_code', 'login_id'], columns: ['ci'], ciIndex: false },
  { table: 'provider_auth_request', key: ['id'], columns: ['body'], ciIndex: false },
];

async function sealTable(db: Loose, sealer: ColumnSealer, t: SealedTable, ddl: Ddl): Promise<void> {
  for (const c of t.columns) await db.schema.alterTable(t.table).renameColumn(c, `sealed_${c}`).execute();
  if (t.ciIndex) await db.schema.alterTable(t.table).addColumn('ci_index', ddl.text).execute();
  const rows = await db
    .selectFrom(t.table)
    .select([...t.key, ...t.columns.map((c) => `sealed_${c}`)])
    .execute();
  for (const row of rows) {
    const rowKey = t.key.map((k) => String(row[k]));
    const set: Record<string, string | null> = {};
    for (const c of t.columns)
      set[`sealed_${c}`] = sealer.sealOptional(t.table, `sealed_${c}`, rowKey, row[`sealed_${c}`]);
    if (t.ciIndex) set.ci_index = sealer.index('ci', String(row.sealed_ci));
    let update = db.updateTable(t.table).set(set);
    for (const [i, k] of t.key.entries()) update = update.where(k, '=', rowKey[i] ?? '');
    await update.execute();
  }
}

/**
 * 0002: the CIs, consented account numbers, signed consents and 개별인증 requests (which hold the CI) sealed
 * at rest under the provider's storage key. Each clear column is renamed `sealed_<name>` and what existing rows
 * hold is sealed in place; consents and token pairs gain `ci_index` (blind index), and the live-pair index
 * moves to it. On SQLite the store runs with secure_delete, so the clear cells are zeroed.
 */
export function authSealedMigration(sealer: ColumnSealer): Migration {
  return {
    async up(db, ddl) {
      await db.schema.dropIndex('provider_token_pair_person').execute();
      for (const t of SEALED_TABLES) await sealTable(db as Loose, sealer, t, ddl);
      await db.schema
        .createIndex('provider_token_pair_person')
        .on('provider_token_pair')
        .columns(['org_code', 'client_id', 'ci_index'])
        .execute();
      await db.schema
        .createIndex('provider_consent_person')
        .on('provider_consent')
        .columns(['org_code', 'ci_index'])
        .execute();
    },
  };
}
