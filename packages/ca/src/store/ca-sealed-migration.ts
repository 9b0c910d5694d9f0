import type { ColumnSealer } from '@hannun/pki';
import { type Kysely, type Migration, sql } from '@hannun/store';

/**
 * 0002: the CA's CIs and signed consents sealed at rest. Renames `ca_person.ci` to `sealed_ci` and
 * `ca_signature.signed_consent` to `sealed_signed_consent`, seals what existing rows hold in clear, and adds
 * `ca_person.ci_index` (blind index, unique) for lookups by CI. A data directory of a version before this
 * one is upgraded in place; on SQLite the store runs with secure_delete, so the clear cells are zeroed.
 */
export function caSealedMigration(sealer: ColumnSealer): Migration {
  return {
    async up(db: Kysely<unknown>, ddl) {
      await db.schema.alterTable('ca_person').renameColumn('ci', 'sealed_ci').execute();
      await db.schema.alterTable('ca_person').addColumn('ci_index', ddl.text).execute();
      const people = await sql<{ id: string; ci: string }>`select id, sealed_ci as ci from ca_person`.execute(db);
      for (const { id, ci } of people.rows) {
        const sealed = sealer.seal('ca_person', 'sealed_ci', id, ci);
        await sql`update ca_person set sealed_ci = ${sealed}, ci_index = ${sealer.index('ci', ci)} where id = ${id}`.execute(
          db,
        );
      }
      await db.schema.createIndex('ca_person_ci_index').unique().on('ca_person').column('ci_index').execute();

      await db.schema.alterTable('ca_signature').renameColumn('signed_consent', 'sealed_signed_consent').execute();
      const signatures = await sql<{ cert_tx_id: string; tx_id: string; jws: string }>`
        select cert_tx_id, tx_id, sealed_signed_consent as jws from ca_signature`.execute(db);
      for (const { cert_tx_id: certTxId, tx_id: txId, jws } of signatures.rows) {
        const sealed = sealer.seal('ca_signature', 'sealed_signed_consent', [certTxId, txId], jws);
        await sql`update ca_signature set sealed_signed_consent = ${sealed}
          where cert_tx_id = ${certTxId} and tx_id = ${txId}`.execute(db);
      }
    },
  };
}
