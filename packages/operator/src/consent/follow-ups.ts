import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from '@hannun/store';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import { Secret } from '../crypto/secret.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';

/**
 * What must happen after a consent ends, for the collection engine and the app:
 * - revoke-tokens: call 개별인증-004 at the provider with the pair (works for integrated-auth tokens too);
 * - stop-jobs: cancel every queued and scheduled collection job of the person at that provider;
 * - offer-deletion: ask the person whether to delete what was collected from that provider (withdrawal
 *   does not delete by itself; the app offers it per institution).
 */
export type FollowUpKind = 'revoke-tokens' | 'stop-jobs' | 'offer-deletion';

export interface FollowUp {
  readonly id: string;
  readonly kind: FollowUpKind;
  readonly personRef: string;
  readonly consentId: string;
  readonly orgCode: string;
  readonly clientId: string;
  readonly attempts: number;
  readonly createdAt: number;
}

const T = 'op_followup';
type Db = Kysely<OperatorDatabase>;

function toFollowUp(r: OperatorDatabase['op_followup']): FollowUp {
  return {
    id: r.id,
    kind: r.kind as FollowUpKind,
    personRef: r.person_ref,
    consentId: r.consent_id,
    orgCode: r.org_code,
    clientId: r.client_id,
    attempts: Number(r.attempts),
    createdAt: Number(r.created_at),
  };
}

/**
 * The follow-up outbox (op_followup), written in the same transaction as the consent's end, so nothing is
 * lost in a crash. A revoke-tokens row carries the pair sealed with the operator's KEK: it must survive the
 * person leaving (their own key is destroyed then), and is erased when the revocation is done.
 */
export class FollowUps {
  readonly #crypto: OperatorCrypto;

  constructor(crypto: OperatorCrypto) {
    this.#crypto = crypto;
  }

  async add(
    trx: Transaction<OperatorDatabase>,
    f: {
      kind: FollowUpKind;
      personRef: string;
      consentId: string;
      orgCode: string;
      clientId: string;
      tokens?: { accessToken: Secret; refreshToken: Secret | null };
      now: number;
    },
  ): Promise<FollowUp> {
    const id = `f_${randomBytes(12).toString('base64url')}`;
    const payload =
      f.tokens === undefined
        ? null
        : this.#crypto.operator.seal(
            T,
            'payload',
            id,
            JSON.stringify({ access: f.tokens.accessToken.reveal(), refresh: f.tokens.refreshToken?.reveal() ?? null }),
          );
    const row = {
      id,
      kind: f.kind,
      person_ref: f.personRef,
      consent_id: f.consentId,
      org_code: f.orgCode,
      client_id: f.clientId,
      payload_sealed: payload,
      status: 'pending',
      attempts: 0,
      created_at: f.now,
      done_at: null,
    };
    await trx.insertInto('op_followup').values(row).execute();
    return toFollowUp(row);
  }

  /** Pending follow-ups of a kind, oldest first. */
  async pending(db: Db, kind: FollowUpKind, limit = 100): Promise<FollowUp[]> {
    const rows = await db
      .selectFrom('op_followup')
      .selectAll()
      .where('status', '=', 'pending')
      .where('kind', '=', kind)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toFollowUp);
  }

  /** The pending follow-ups of one person (the app's "delete data from …?" offers). */
  async forPerson(db: Db, personRef: string): Promise<FollowUp[]> {
    const rows = await db
      .selectFrom('op_followup')
      .selectAll()
      .where('person_ref', '=', personRef)
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .execute();
    return rows.map(toFollowUp);
  }

  /** The pair to revoke (revoke-tokens only); undefined when already done or none was held. */
  async revocationTokens(
    db: Db,
    id: string,
  ): Promise<{ accessToken: Secret; refreshToken: Secret | null } | undefined> {
    const row = await db.selectFrom('op_followup').select(['payload_sealed']).where('id', '=', id).executeTakeFirst();
    if (!row?.payload_sealed) return undefined;
    const p = JSON.parse(this.#crypto.operator.open(T, 'payload', id, row.payload_sealed)) as {
      access: string;
      refresh: string | null;
    };
    return { accessToken: new Secret(p.access), refreshToken: p.refresh === null ? null : new Secret(p.refresh) };
  }

  /** Done: the payload (tokens) is erased. */
  async complete(db: Db, id: string, now: number): Promise<void> {
    await db
      .updateTable('op_followup')
      .set({ status: 'done', payload_sealed: null, done_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** A failed try (the engine retries with backoff; `attempts` counts). */
  async failed(db: Db, id: string): Promise<void> {
    await db
      .updateTable('op_followup')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
}
