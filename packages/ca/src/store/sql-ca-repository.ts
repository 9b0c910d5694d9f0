import type { Logger } from '@hannun/infra';
import { type ColumnSealer, createColumnSealer } from '@hannun/pki';
import { isConflict, migrate, openStore, type Selectable, type Store, sql } from '@hannun/store';
import type { CaDatabase } from './ca-database.ts';
import { CA_MIGRATION_NAMESPACE, caMigrations } from './ca-migrations.ts';
import { phoneIndex } from './ca-person-sealed-migration.ts';
import type { CaRepository, PersonRecord, SignStatus, SignTransaction } from './ca-repository.ts';

const openCi = (sealer: ColumnSealer, id: string, sealed: string) => sealer.open('ca_person', 'sealed_ci', id, sealed);
const sealSignature = (sealer: ColumnSealer, certTxId: string, txId: string, jws: string) =>
  sealer.seal('ca_signature', 'sealed_signed_consent', [certTxId, txId], jws);
const openSignature = (sealer: ColumnSealer, certTxId: string, txId: string, sealed: string) =>
  sealer.open('ca_signature', 'sealed_signed_consent', [certTxId, txId], sealed);

function personOf(sealer: ColumnSealer, row: Selectable<CaDatabase['ca_person']>): PersonRecord {
  return {
    id: row.id,
    ci: openCi(sealer, row.id, row.sealed_ci),
    name: sealer.open('ca_person', 'sealed_name', row.id, row.sealed_name),
    phone: sealer.open('ca_person', 'sealed_phone', row.id, row.sealed_phone),
    birthDate: sealer.open('ca_person', 'sealed_birth_date', row.id, row.sealed_birth_date),
    pinHash: row.pin_hash,
    pin: {
      failedAttempts: Number(row.failed_pin_attempts),
      lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    },
    sealedKey: row.sealed_key,
    certPem: row.cert_pem,
    certSerial: row.cert_serial,
    createdAt: Number(row.created_at),
  };
}

const STATUSES = new Set<SignStatus>(['requested', 'approved', 'refused', 'expired']);

function status(s: string): SignStatus {
  if (!STATUSES.has(s as SignStatus)) throw new Error(`ca_sign_tx holds an unknown status`);
  return s as SignStatus;
}

/**
 * The CA repository on a @hannun/store database (SQLite or PostgreSQL), schema from ca-migrations.ts.
 * People's CIs, names, phone numbers and birth dates, and the signed consents, are sealed under the CA's
 * storage key (`sealer`); a person is found by CI, and people by phone, through blind indexes. Run the
 * migrations first (`openSqlCaRepository` does). `close()` closes the store.
 */
export function sqlCaRepository(store: Store<CaDatabase>, sealer: ColumnSealer): CaRepository {
  const { db } = store;
  const selectPerson = () => db.selectFrom('ca_person').selectAll();
  const person = (row: Selectable<CaDatabase['ca_person']>) => personOf(sealer, row);
  return {
    async addPerson(p) {
      try {
        await db
          .insertInto('ca_person')
          .values({
            id: p.id,
            sealed_ci: sealer.seal('ca_person', 'sealed_ci', p.id, p.ci),
            ci_index: sealer.index('ci', p.ci),
            sealed_name: sealer.seal('ca_person', 'sealed_name', p.id, p.name),
            sealed_phone: sealer.seal('ca_person', 'sealed_phone', p.id, p.phone),
            phone_index: phoneIndex(sealer, p.phone),
            sealed_birth_date: sealer.seal('ca_person', 'sealed_birth_date', p.id, p.birthDate),
            pin_hash: p.pinHash,
            failed_pin_attempts: p.pin.failedAttempts,
            locked_until: p.pin.lockedUntil,
            sealed_key: p.sealedKey,
            cert_pem: p.certPem,
            cert_serial: p.certSerial,
            created_at: p.createdAt,
          })
          .execute();
        return 'ok';
      } catch (error) {
        if (isConflict(error)) return 'duplicate';
        throw error;
      }
    },
    async personByCi(ci) {
      const row = await selectPerson().where('ci_index', '=', sealer.index('ci', ci)).executeTakeFirst();
      return row && person(row);
    },
    async personById(id) {
      const row = await selectPerson().where('id', '=', id).executeTakeFirst();
      return row && person(row);
    },
    async personByCertSerial(serial) {
      const row = await selectPerson().where('cert_serial', '=', serial).executeTakeFirst();
      return row && person(row);
    },
    async peopleByPhone(phone) {
      const rows = await selectPerson().where('phone_index', '=', phoneIndex(sealer, phone)).orderBy('id').execute();
      return rows.map(person);
    },
    async updatePinState(personId, expected, next) {
      const result = await db
        .updateTable('ca_person')
        .set({ failed_pin_attempts: next.failedAttempts, locked_until: next.lockedUntil })
        .where('id', '=', personId)
        .where('failed_pin_attempts', '=', expected.failedAttempts)
        .where((eb) =>
          expected.lockedUntil === null
            ? eb('locked_until', 'is', null)
            : eb('locked_until', '=', expected.lockedUntil),
        )
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async addTransaction(tx) {
      try {
        await store.transaction(async (trx) => {
          await trx
            .insertInto('ca_sign_tx')
            .values({
              cert_tx_id: tx.certTxId,
              sign_tx_id: tx.signTxId,
              operator_org_code: tx.operatorOrgCode,
              person_id: tx.personId,
              request_title: tx.requestTitle,
              device_code: tx.deviceCode,
              device_browser: tx.deviceBrowser,
              return_app_scheme_url: tx.returnAppSchemeUrl,
              consent_type: tx.consentType,
              csrf_token: tx.csrfToken,
              status: tx.status,
              created_at: tx.createdAt,
              expires_at: tx.expiresAt,
              decided_at: tx.decidedAt,
            })
            .execute();
          if (tx.consents.length > 0) {
            await trx
              .insertInto('ca_sign_consent')
              .values(
                tx.consents.map((c, position) => ({
                  cert_tx_id: tx.certTxId,
                  position,
                  tx_id: c.txId,
                  title: c.title,
                  consent: c.consent,
                  provider_org_code: c.providerOrgCode,
                })),
              )
              .execute();
          }
        });
        return 'ok';
      } catch (error) {
        if (isConflict(error)) return 'duplicate';
        throw error;
      }
    },
    async transaction(certTxId) {
      const row = await db.selectFrom('ca_sign_tx').selectAll().where('cert_tx_id', '=', certTxId).executeTakeFirst();
      if (!row) return undefined;
      const consents = await db
        .selectFrom('ca_sign_consent')
        .selectAll()
        .where('cert_tx_id', '=', certTxId)
        .orderBy('position')
        .execute();
      const tx: SignTransaction = {
        certTxId: row.cert_tx_id,
        signTxId: row.sign_tx_id,
        operatorOrgCode: row.operator_org_code,
        personId: row.person_id,
        requestTitle: row.request_title,
        deviceCode: row.device_code,
        deviceBrowser: row.device_browser,
        returnAppSchemeUrl: row.return_app_scheme_url,
        consentType: row.consent_type,
        csrfToken: row.csrf_token,
        status: status(row.status),
        createdAt: Number(row.created_at),
        expiresAt: Number(row.expires_at),
        decidedAt: row.decided_at === null ? null : Number(row.decided_at),
        consents: consents.map((c) => ({
          txId: c.tx_id,
          title: c.title,
          consent: c.consent,
          providerOrgCode: c.provider_org_code,
        })),
      };
      return tx;
    },
    async approve(certTxId, signatures, at) {
      return store.transaction(async (trx) => {
        const updated = await trx
          .updateTable('ca_sign_tx')
          .set({ status: 'approved', decided_at: at })
          .where('cert_tx_id', '=', certTxId)
          .where('status', '=', 'requested')
          .where('expires_at', '>', at)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) return false;
        if (signatures.length > 0) {
          await trx
            .insertInto('ca_signature')
            .values(
              signatures.map((s) => ({
                cert_tx_id: certTxId,
                tx_id: s.txId,
                sealed_signed_consent: sealSignature(sealer, certTxId, s.txId, s.signedConsent),
                signed_at: s.signedAt,
              })),
            )
            .execute();
        }
        return true;
      });
    },
    async decide(certTxId, next, at) {
      const updated = await db
        .updateTable('ca_sign_tx')
        .set({ status: next, decided_at: at })
        .where('cert_tx_id', '=', certTxId)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },
    async signatures(certTxId, txId) {
      let query = db.selectFrom('ca_signature').selectAll().where('cert_tx_id', '=', certTxId);
      if (txId !== undefined) query = query.where('tx_id', '=', txId);
      const rows = await query.execute();
      return rows.map((r) => ({
        txId: r.tx_id,
        signedConsent: openSignature(sealer, certTxId, r.tx_id, r.sealed_signed_consent),
        signedAt: Number(r.signed_at),
      }));
    },
    async verificationSubject(certTxId, txId) {
      // One statement for what took four (the transaction with all its consents, the signature, the person).
      const row = await db
        .selectFrom('ca_sign_tx as t')
        .innerJoin('ca_person as p', 'p.id', 't.person_id')
        .leftJoin('ca_sign_consent as c', (join) =>
          join.onRef('c.cert_tx_id', '=', 't.cert_tx_id').on('c.tx_id', '=', txId),
        )
        .leftJoin('ca_signature as s', (join) =>
          join.onRef('s.cert_tx_id', '=', 't.cert_tx_id').on('s.tx_id', '=', txId),
        )
        .select([
          't.status',
          'p.id as person_id',
          'p.sealed_ci',
          'p.cert_serial',
          'c.tx_id',
          'c.title',
          'c.consent',
          'c.provider_org_code',
          's.sealed_signed_consent',
        ])
        .where('t.cert_tx_id', '=', certTxId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        status: status(row.status),
        person: { id: row.person_id, ci: openCi(sealer, row.person_id, row.sealed_ci), certSerial: row.cert_serial },
        consent:
          row.tx_id === null || row.title === null || row.consent === null || row.provider_org_code === null
            ? undefined
            : { txId: row.tx_id, title: row.title, consent: row.consent, providerOrgCode: row.provider_org_code },
        signedConsent:
          row.sealed_signed_consent === null
            ? undefined
            : openSignature(sealer, certTxId, txId, row.sealed_signed_consent),
      };
    },
    async recordVerification(v) {
      try {
        await db
          .insertInto('ca_verification')
          .values({
            cert_tx_id: v.certTxId,
            tx_id: v.txId,
            provider_org_code: v.providerOrgCode,
            verified_at: v.verifiedAt,
          })
          .execute();
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    },
    async verification(certTxId, txId) {
      const row = await db
        .selectFrom('ca_verification')
        .selectAll()
        .where('cert_tx_id', '=', certTxId)
        .where('tx_id', '=', txId)
        .executeTakeFirst();
      return (
        row && {
          certTxId: row.cert_tx_id,
          txId: row.tx_id,
          providerOrgCode: row.provider_org_code,
          verifiedAt: Number(row.verified_at),
        }
      );
    },
    close: () => store.close(),
  };
}

/**
 * Bring a store's CA schema up to date; returns the migrations applied now. `sealer` seals what a database
 * from before sealed columns holds in clear (0002, 0003): the CA's storage key, the same one the repository gets.
 */
export function migrateCaStore(store: Store<CaDatabase>, sealer: ColumnSealer): Promise<string[]> {
  return migrate(store as Store<unknown>, { namespace: CA_MIGRATION_NAMESPACE, migrations: caMigrations(sealer) });
}

/**
 * Open the CA's database (`sqlite:<path>`, `postgres://…`), migrate it and return the repository, which
 * owns the store (close it with `repository.close()`). On SQLite, with `secure_delete`: a deleted or
 * rewritten cell (a CI sealed in place by the migration) is zeroed, not left in a free page.
 */
export async function openSqlCaRepository(opts: {
  readonly url: string;
  /** The CA's storage key (`CaSecrets.storageKey`): seals people's personal data and signed consents. */
  readonly storageKey: Buffer;
  /** PostgreSQL schema (default: the connection's). */
  readonly schema?: string;
  readonly logger?: Logger;
}): Promise<CaRepository> {
  const store = await openStore<CaDatabase>({
    url: opts.url,
    ...(opts.schema ? { schema: opts.schema } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  const sealer = createColumnSealer(opts.storageKey);
  try {
    if (store.dialect === 'sqlite') await sql`pragma secure_delete = on`.execute(store.db);
    const applied = await migrateCaStore(store, sealer);
    // Values sealed in place: move the new pages into the file and empty the WAL of the old ones. Best effort:
    // busy (another process's reader), the next checkpoint does it.
    const sealedNow = applied.some((m) => m === '0002_ca_sealed' || m === '0003_ca_person_sealed');
    if (sealedNow && store.dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db).catch(() => undefined);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return sqlCaRepository(store, sealer);
}
