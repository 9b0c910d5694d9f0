import type { Store } from '@hannun/store';
import type { PortalDatabase } from './portal-database.ts';

export type StatisticsKind = 'mydata' | 'provider';

/** One week's statistics as received (지원-004 per service, 지원-005 per provider), one per type. */
export interface StoredStatistics {
  readonly kind: StatisticsKind;
  readonly senderOrgCode: string;
  /** The service client_id (mydata) or the provider org_code (provider). */
  readonly subject: string;
  /** The Sunday, YYYYMMDD. */
  readonly inquiryDate: string;
  /** 1 regular, 2 irregular. */
  readonly type: number;
  /** The validated body in wire form. */
  readonly body: Record<string, unknown>;
  readonly receivedMs: number;
}

export interface StatisticsRepository {
  /** Keep a week's statistics; a later sending of the same week and type (a resend, 지원-104) replaces it. */
  save(stats: StoredStatistics): Promise<'created' | 'replaced'>;
  find(kind: StatisticsKind, subject: string, inquiryDate: string, type: number): Promise<StoredStatistics | undefined>;
  /** Every week received for a kind, newest first. */
  list(kind: StatisticsKind): Promise<StoredStatistics[]>;
}

type Row = PortalDatabase['portal_statistics'];

const fromRow = (r: Omit<Row, 'id'>): StoredStatistics => ({
  kind: r.kind,
  senderOrgCode: r.sender_org_code,
  subject: r.subject,
  inquiryDate: r.inquiry_date,
  type: r.type,
  body: JSON.parse(r.body) as Record<string, unknown>,
  receivedMs: r.received_ms,
});

export function sqlStatisticsRepository(store: Store<PortalDatabase>): StatisticsRepository {
  const columns = ['kind', 'sender_org_code', 'subject', 'inquiry_date', 'type', 'body', 'received_ms'] as const;
  return {
    async save(stats) {
      return store.transaction(async (trx) => {
        const existing = await trx
          .selectFrom('portal_statistics')
          .select('id')
          .where('kind', '=', stats.kind)
          .where('subject', '=', stats.subject)
          .where('inquiry_date', '=', stats.inquiryDate)
          .where('type', '=', stats.type)
          .executeTakeFirst();
        const values = {
          kind: stats.kind,
          sender_org_code: stats.senderOrgCode,
          subject: stats.subject,
          inquiry_date: stats.inquiryDate,
          type: stats.type,
          body: JSON.stringify(stats.body),
          received_ms: stats.receivedMs,
        };
        if (existing) {
          await trx.updateTable('portal_statistics').set(values).where('id', '=', existing.id).execute();
          return 'replaced';
        }
        await trx.insertInto('portal_statistics').values(values).execute();
        return 'created';
      });
    },
    async find(kind, subject, inquiryDate, type) {
      const row = await store.db
        .selectFrom('portal_statistics')
        .select(columns)
        .where('kind', '=', kind)
        .where('subject', '=', subject)
        .where('inquiry_date', '=', inquiryDate)
        .where('type', '=', type)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async list(kind) {
      const rows = await store.db
        .selectFrom('portal_statistics')
        .select(columns)
        .where('kind', '=', kind)
        .orderBy('inquiry_date', 'desc')
        .orderBy('subject')
        .orderBy('type')
        .execute();
      return rows.map(fromRow);
    },
  };
}
