import { randomBytes } from 'node:crypto';
import type { Kysely, Store } from '@hannun/store';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import type { Reason } from './job-store.ts';

export type NoticeKind = 'late' | 'failed';

/** A notice for the person (the HTTP API shows them; ko first). */
export interface CollectNotice {
  readonly id: string;
  readonly personId: string;
  readonly orgCode: string;
  readonly jobId: string;
  readonly kind: NoticeKind;
  readonly reason: Reason;
  readonly createdAt: number;
  readonly seenAt: number | null;
}

/** op_collect_notice: data more than 5 minutes late, an institution whose collection failed. */
export class CollectNotices {
  readonly #store: Store<OperatorDatabase>;

  constructor(store: Store<OperatorDatabase>) {
    this.#store = store;
  }

  async add(
    db: Kysely<OperatorDatabase>,
    n: { personId: string; orgCode: string; jobId: string; kind: NoticeKind; reason: Reason; now: number },
  ): Promise<CollectNotice> {
    const row = {
      id: `n_${randomBytes(12).toString('base64url')}`,
      person_id: n.personId,
      org_code: n.orgCode,
      job_id: n.jobId,
      kind: n.kind,
      code: n.reason.code,
      ko: n.reason.ko,
      en: n.reason.en,
      created_at: n.now,
      seen_at: null,
    };
    await db.insertInto('op_collect_notice').values(row).execute();
    return { ...n, id: row.id, createdAt: n.now, seenAt: null };
  }

  /** The person's notices, newest first (unseen only unless `all`). */
  async forPerson(personId: string, opts: { all?: boolean; limit?: number } = {}): Promise<CollectNotice[]> {
    let q = this.#store.db.selectFrom('op_collect_notice').selectAll().where('person_id', '=', personId);
    if (!opts.all) q = q.where('seen_at', 'is', null);
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(opts.limit ?? 100)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      orgCode: r.org_code,
      jobId: r.job_id,
      kind: r.kind as NoticeKind,
      reason: { code: r.code, ko: r.ko, en: r.en },
      createdAt: Number(r.created_at),
      seenAt: r.seen_at === null ? null : Number(r.seen_at),
    }));
  }

  /** The person saw it (only their own notice changes). */
  async markSeen(personId: string, noticeId: string, now: number): Promise<boolean> {
    const r = await this.#store.db
      .updateTable('op_collect_notice')
      .set({ seen_at: now })
      .where('id', '=', noticeId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }
}
