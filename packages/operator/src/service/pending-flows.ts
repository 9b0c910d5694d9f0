import { createHash } from 'node:crypto';
import type { Store } from '@hannun/store';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';

export type PendingFlowKind = 'identity' | 'integrated' | 'individual';

/** One pending flow, its payload opened. */
export interface PendingFlow<P> {
  readonly personId: string | null;
  readonly sessionRef: string | null;
  readonly status: string;
  readonly payload: P;
  readonly version: number;
  readonly expiresAt: number;
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
  readonly finishedAt: number | null;
}

export interface PendingFlowChanges<P> {
  readonly status?: string;
  readonly payload?: P;
  readonly leaseOwner?: string | null;
  readonly leaseUntil?: number | null;
  readonly finishedAt?: number | null;
}

const T = 'op_pending_flow';

/**
 * The pending authentication flows in the operator's database (op_pending_flow), so a restart or several app
 * processes carry them on: the row id is a hash of the flow's secret (a 개별인증 state, a sign-up ticket) or id,
 * so the database never holds a usable state; the details are sealed with the operator's KEK (the CI and the
 * consent texts of a 통합인증 flow, the identity the CA confirmed); every write is compare-and-set on `version`,
 * and `take` deletes (single use: of two processes, one wins).
 */
export class PendingFlows {
  readonly #store: Store<OperatorDatabase>;
  readonly #crypto: OperatorCrypto;

  constructor(o: { store: Store<OperatorDatabase>; crypto: OperatorCrypto }) {
    this.#store = o.store;
    this.#crypto = o.crypto;
  }

  static rowId(kind: PendingFlowKind, secret: string): string {
    return `${kind}:${createHash('sha256').update(secret, 'utf8').digest('base64url')}`;
  }

  async create<P>(
    kind: PendingFlowKind,
    secret: string,
    f: {
      personId?: string;
      sessionRef?: string;
      status: string;
      payload: P;
      expiresAt: number;
      now: number;
      leaseOwner?: string;
      leaseUntil?: number;
    },
  ): Promise<void> {
    const id = PendingFlows.rowId(kind, secret);
    await this.#store.db
      .insertInto(T)
      .values({
        id,
        kind,
        person_id: f.personId ?? null,
        session_ref: f.sessionRef ?? null,
        status: f.status,
        payload_sealed: this.#seal(id, f.payload),
        version: 1,
        expires_at: f.expiresAt,
        lease_owner: f.leaseOwner ?? null,
        lease_until: f.leaseUntil ?? null,
        finished_at: null,
        created_at: f.now,
      })
      .execute();
  }

  async get<P>(kind: PendingFlowKind, secret: string): Promise<PendingFlow<P> | undefined> {
    const id = PendingFlows.rowId(kind, secret);
    const r = await this.#store.db.selectFrom(T).selectAll().where('id', '=', id).executeTakeFirst();
    return r && this.#open<P>(r);
  }

  /** Compare-and-set: false when another writer (or a take) came first. */
  async update<P>(kind: PendingFlowKind, secret: string, version: number, c: PendingFlowChanges<P>): Promise<boolean> {
    const id = PendingFlows.rowId(kind, secret);
    const r = await this.#store.db
      .updateTable(T)
      .set({
        version: version + 1,
        ...(c.status !== undefined ? { status: c.status } : {}),
        ...(c.payload !== undefined ? { payload_sealed: this.#seal(id, c.payload) } : {}),
        ...(c.leaseOwner !== undefined ? { lease_owner: c.leaseOwner } : {}),
        ...(c.leaseUntil !== undefined ? { lease_until: c.leaseUntil } : {}),
        ...(c.finishedAt !== undefined ? { finished_at: c.finishedAt } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Single use: deletes the flow (at this version, when given); true for the one caller that did. */
  async take(kind: PendingFlowKind, secret: string, version?: number): Promise<boolean> {
    let q = this.#store.db.deleteFrom(T).where('id', '=', PendingFlows.rowId(kind, secret));
    if (version !== undefined) q = q.where('version', '=', version);
    const r = await q.executeTakeFirst();
    return r.numDeletedRows === 1n;
  }

  /**
   * Flows of a kind in one of `statuses` whose lease has run out (their process stopped): each is leased to
   * `owner` until `leaseUntil` (compare-and-set, so two processes never both take one) and returned.
   */
  async claimStale<P>(
    kind: PendingFlowKind,
    statuses: readonly string[],
    o: { owner: string; now: number; leaseUntil: number; limit?: number },
  ): Promise<PendingFlow<P>[]> {
    const rows = await this.#store.db
      .selectFrom(T)
      .selectAll()
      .where('kind', '=', kind)
      .where('status', 'in', [...statuses])
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', o.now)]))
      .limit(o.limit ?? 100)
      .execute();
    const out: PendingFlow<P>[] = [];
    for (const r of rows) {
      const won = await this.#store.db
        .updateTable(T)
        .set({ lease_owner: o.owner, lease_until: o.leaseUntil, version: Number(r.version) + 1 })
        .where('id', '=', r.id)
        .where('version', '=', Number(r.version))
        .executeTakeFirst();
      if (won.numUpdatedRows === 1n) {
        out.push({
          ...this.#open<P>(r),
          version: Number(r.version) + 1,
          leaseOwner: o.owner,
          leaseUntil: o.leaseUntil,
        });
      }
    }
    return out;
  }

  /** Deletes flows that expired before `before` (their outcome kept until then for the app to read). */
  async sweep(before: number): Promise<number> {
    const r = await this.#store.db.deleteFrom(T).where('expires_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  #seal(id: string, payload: unknown): string {
    return this.#crypto.operator.seal(T, 'payload', id, JSON.stringify(payload));
  }

  #open<P>(r: OperatorDatabase['op_pending_flow']): PendingFlow<P> {
    return {
      personId: r.person_id,
      sessionRef: r.session_ref,
      status: r.status,
      payload: JSON.parse(this.#crypto.operator.open(T, 'payload', r.id, r.payload_sealed)) as P,
      version: Number(r.version),
      expiresAt: Number(r.expires_at),
      leaseOwner: r.lease_owner,
      leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
      finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    };
  }
}
