import type { Kysely, Store, StoreDialect, Transaction } from '@hannun/store';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import type { Clock } from '../time/clock.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';
import { redactForAudit } from './redact-for-audit.ts';

/** What happened, by whom, to what. `details` is redacted before it is written (redact-for-audit.ts). */
export interface AuditEntryInput {
  /** `person:<id>`, `system`, `engine`, `staff:<id>`. */
  readonly actor: string;
  /** A dotted verb: `person.signup`, `consent.withdraw`, `data.destroy`, `token.duplicate`. */
  readonly action: string;
  /** What it was done to (a person id, a consent id), or omitted. */
  readonly subject?: string;
  readonly details?: Record<string, unknown>;
  /** Personal strings to remove wherever they appear (a name no pattern recognises). */
  readonly knownPersonal?: readonly string[];
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: Record<string, unknown>;
  readonly hash: string;
}

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number; readonly head: { readonly seq: number; readonly hash: string } }
  | {
      readonly ok: false;
      /** The first entry (by seq) where the chain breaks. */
      readonly seq: number;
      /** changed: its content does not give its hash; deleted: an entry before it is missing; head: the last entries were deleted. */
      readonly problem: 'changed' | 'deleted' | 'head';
    };

type Db = Kysely<OperatorDatabase>;

/**
 * The append-only, hash-chained audit log (op_audit): each entry's hash covers its content and the previous
 * entry's hash, seq numbers are consecutive, and an anchor row keeps the head, so a changed entry, a deleted
 * one (anywhere, the last included) or a reordering is found by `verify`. Appends are serialised: the head
 * anchor is locked (PostgreSQL `for update`; SQLite transactions are serial already), and a second entry
 * after the same one is refused by a unique key anyway. An attacker who can write the database can rebuild
 * the whole chain: copy the head (`head()`) somewhere else regularly to anchor it outside.
 */
export class AuditLog {
  readonly #dialect: StoreDialect;
  readonly #clock: Clock;

  constructor(opts: { readonly dialect: StoreDialect; readonly clock: Clock }) {
    this.#dialect = opts.dialect;
    this.#clock = opts.clock;
  }

  /** Appends inside the caller's transaction, so the entry commits (or not) with what it records. */
  async append(trx: Transaction<OperatorDatabase>, input: AuditEntryInput): Promise<AuditEntry> {
    let headQuery = trx.selectFrom('op_audit_anchor').select(['seq', 'hash']).where('name', '=', 'head');
    if (this.#dialect === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    const seq = Number(head.seq) + 1;
    const at = this.#clock.nowMs();
    const details = (redactForAudit(input.details ?? {}, input.knownPersonal) ?? {}) as Record<string, unknown>;
    const detailsText = JSON.stringify(details);
    const subject = input.subject ?? null;
    const hash = auditHash({
      seq,
      at,
      actor: input.actor,
      action: input.action,
      subject,
      details: detailsText,
      prevHash: head.hash,
    });
    await trx
      .insertInto('op_audit')
      .values({
        seq,
        at,
        actor: input.actor,
        action: input.action,
        subject,
        details: detailsText,
        prev_hash: head.hash,
        hash,
      })
      .execute();
    await trx.updateTable('op_audit_anchor').set({ seq, hash }).where('name', '=', 'head').execute();
    return { seq, at, actor: input.actor, action: input.action, subject, details, hash };
  }

  /** Appends in a transaction of its own. */
  appendNow(store: Store<OperatorDatabase>, input: AuditEntryInput): Promise<AuditEntry> {
    return store.transaction((trx) => this.append(trx, input));
  }

  /** Entries in order, from `afterSeq` (exclusive), at most `limit`. */
  async entries(db: Db, opts: { afterSeq?: number; limit?: number; subject?: string } = {}): Promise<AuditEntry[]> {
    let q = db
      .selectFrom('op_audit')
      .selectAll()
      .where('seq', '>', opts.afterSeq ?? 0)
      .orderBy('seq')
      .limit(opts.limit ?? 1000);
    if (opts.subject !== undefined) q = q.where('subject', '=', opts.subject);
    const rows = await q.execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: Number(r.at),
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      details: JSON.parse(r.details) as Record<string, unknown>,
      hash: r.hash,
    }));
  }

  async head(db: Db): Promise<{ seq: number; hash: string }> {
    const h = await db
      .selectFrom('op_audit_anchor')
      .select(['seq', 'hash'])
      .where('name', '=', 'head')
      .executeTakeFirstOrThrow();
    return { seq: Number(h.seq), hash: h.hash };
  }

  /** Walks the chain from its base (after pruning) to the head, `batch` entries at a time. */
  async verify(db: Db, batch = 1000): Promise<ChainVerdict> {
    const anchors = await db.selectFrom('op_audit_anchor').select(['name', 'seq', 'hash']).execute();
    const base = anchors.find((a) => a.name === 'base');
    const head = anchors.find((a) => a.name === 'head');
    if (!base || !head) return { ok: false, seq: 0, problem: 'head' };
    let prevSeq = Number(base.seq);
    let prevHash = base.hash;
    let count = 0;
    for (;;) {
      const rows = await db
        .selectFrom('op_audit')
        .selectAll()
        .where('seq', '>', prevSeq)
        .orderBy('seq')
        .limit(batch)
        .execute();
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== prevSeq + 1 || r.prev_hash !== prevHash) return { ok: false, seq, problem: 'deleted' };
        const expected = auditHash({
          seq,
          at: Number(r.at),
          actor: r.actor,
          action: r.action,
          subject: r.subject,
          details: r.details,
          prevHash: r.prev_hash,
        });
        if (expected !== r.hash) return { ok: false, seq, problem: 'changed' };
        prevSeq = seq;
        prevHash = r.hash;
        count += 1;
      }
      if (rows.length < batch) break;
    }
    if (prevSeq !== Number(head.seq) || prevHash !== head.hash) return { ok: false, seq: prevSeq + 1, problem: 'head' };
    return { ok: true, entries: count, head: { seq: prevSeq, hash: prevHash } };
  }
}

export { GENESIS_HASH };
