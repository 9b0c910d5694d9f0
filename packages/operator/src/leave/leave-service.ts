import { type Store, sql } from '@hannun/store';
import type { Consents } from '../consent/consents.ts';
import type { FollowUp } from '../consent/follow-ups.ts';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import { loose } from '../model/model-db.ts';
import type { AuditLog } from '../records/audit-log.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { OperatorError } from '../shared/operator-error.ts';
import type { Clock } from '../time/clock.ts';
import { inactivityCutoff, inactivityStage } from '../consent/inactivity.ts';
import { PERSON_TABLES } from './person-tables.ts';

export interface LeaveOptions {
  readonly store: Store<OperatorDatabase>;
  readonly crypto: OperatorCrypto;
  readonly audit: AuditLog;
  readonly consents: Consents;
  readonly clock: Clock;
}

export interface LeaveReport {
  readonly personId: string;
  /** Rows deleted per table (op_person_key: the data keys destroyed). */
  readonly deleted: Readonly<Record<string, number>>;
  /** Revocations and job stops the engine must still do at the providers (the person's data is gone). */
  readonly followUps: readonly FollowUp[];
  /** SQLite: whether the write-ahead log was checkpointed and truncated (no old page left in the -wal file). */
  readonly walTruncated?: boolean;
}

/**
 * leave/: leaving the service (회원탈퇴, GUIDE 3.4.3) and the 1-year inactivity deletion. In one
 * transaction: every live consent withdrawn (the token pairs move to the revocation outbox, sealed with the
 * operator's key), every row of the person in every table deleted, their data keys destroyed (crypto-
 * shredding: any copy of a sealed value, in a backup too, is unreadable), and the destruction recorded in the
 * audit log. On SQLite the log is then checkpointed so no deleted page survives in the -wal file (the store
 * runs with secure_delete, so deleted cells are zeroed in the main file).
 */
export class LeaveService {
  readonly #o: LeaveOptions;

  constructor(o: LeaveOptions) {
    this.#o = o;
  }

  /**
   * MyData 2.0: a year without login deletes the person's data. Everyone past that at the clock's now is
   * deleted as if they had left (reason `inactive`), `limit` people per call. Returns their reports.
   */
  async purgeInactive(limit = 100): Promise<LeaveReport[]> {
    const now = this.#o.clock.nowMs();
    const candidates = await this.#o.store.db
      .selectFrom('op_person')
      .select(['id', 'last_login_at'])
      .where('last_login_at', '<', inactivityCutoff('delete', now))
      .orderBy('last_login_at')
      .limit(limit)
      .execute();
    const out: LeaveReport[] = [];
    for (const c of candidates) {
      if (inactivityStage(Number(c.last_login_at), now) === 'delete') out.push(await this.leave(c.id, 'inactive'));
    }
    return out;
  }

  async leave(personId: string, reason: 'left' | 'inactive' = 'left'): Promise<LeaveReport> {
    const { store, crypto, audit, consents } = this.#o;
    const report = await store.transaction(async (trx) => {
      const person = await trx.selectFrom('op_person').select('id').where('id', '=', personId).executeTakeFirst();
      if (!person) throw new OperatorError('OP_NOT_FOUND', 'no such person', '회원이 없습니다', 'personId');
      const live = await trx
        .selectFrom('op_consent')
        .select('id')
        .where('person_id', '=', personId)
        .where('status', 'in', ['active', 'pending'])
        .execute();
      const followUps: FollowUp[] = [];
      for (const c of live) {
        const ended = await consents.withdrawIn(trx, personId, c.id, reason === 'left' ? 'withdrawn' : 'inactive');
        followUps.push(...ended.followUps.filter((f) => f.kind !== 'offer-deletion'));
      }
      // Nothing is left to offer: the person's other follow-ups go with them (revocations and job stops stay).
      await trx
        .deleteFrom('op_followup')
        .where('person_ref', '=', personId)
        .where('kind', '=', 'offer-deletion')
        .execute();
      const deleted: Record<string, number> = {};
      for (const table of PERSON_TABLES) {
        if (table === 'op_person_key') continue;
        const key = table === 'op_person' ? 'id' : 'person_id';
        const r = await loose(trx).deleteFrom(table).where(key, '=', personId).executeTakeFirst();
        deleted[table] = Number(r.numDeletedRows);
      }
      deleted.op_person_key = await crypto.keys.destroy(trx, personId);
      await audit.append(trx, {
        actor: reason === 'left' ? `person:${personId}` : 'system',
        action: reason === 'left' ? 'person.leave' : 'person.delete-inactive',
        subject: personId,
        details: {
          deleted_rows: Object.values(deleted).reduce((a, b) => a + b, 0),
          data_keys_destroyed: deleted.op_person_key,
          revocations: followUps.filter((f) => f.kind === 'revoke-tokens').map((f) => f.orgCode),
        },
      });
      return { personId, deleted, followUps };
    });
    crypto.keys.forget(personId);
    if (store.dialect !== 'sqlite') return report;
    const r = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    return { ...report, walTruncated: r.rows[0]?.busy === 0 };
  }
}
