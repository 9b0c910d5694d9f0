import type { ProviderStatus } from '@hannun/spec';
import type { Store } from '@hannun/store';
import type { PortalDatabase } from './portal-database.ts';

/** A provider's availability as the portal last saw it (지원-102). */
export interface ProviderStatusRecord {
  readonly orgCode: string;
  readonly availability: ProviderStatus;
  /** Why, when the portal could not ask (never a secret). */
  readonly detail?: string;
  readonly checkedMs: number;
  /** Since when it has been this availability. */
  readonly sinceMs: number;
}

export interface StatusRepository {
  /** Record a poll's outcome; `sinceMs` moves only when the availability changes. */
  record(
    orgCode: string,
    availability: ProviderStatus,
    detail: string | undefined,
    atMs: number,
  ): Promise<ProviderStatusRecord>;
  all(): Promise<ProviderStatusRecord[]>;
  /** Forget providers no longer registered. */
  retain(orgCodes: readonly string[]): Promise<void>;
}

type Row = PortalDatabase['portal_provider_status'];

const fromRow = (r: Row): ProviderStatusRecord => ({
  orgCode: r.org_code,
  availability: r.availability as ProviderStatus,
  ...(r.detail !== null ? { detail: r.detail } : {}),
  checkedMs: r.checked_ms,
  sinceMs: r.since_ms,
});

export function sqlStatusRepository(store: Store<PortalDatabase>): StatusRepository {
  return {
    async record(orgCode, availability, detail, atMs) {
      return store.transaction(async (trx) => {
        const current = await trx
          .selectFrom('portal_provider_status')
          .selectAll()
          .where('org_code', '=', orgCode)
          .executeTakeFirst();
        const row: Row = {
          org_code: orgCode,
          availability,
          detail: detail ?? null,
          checked_ms: atMs,
          since_ms: current && current.availability === availability ? current.since_ms : atMs,
        };
        if (current) await trx.updateTable('portal_provider_status').set(row).where('org_code', '=', orgCode).execute();
        else await trx.insertInto('portal_provider_status').values(row).execute();
        return fromRow(row);
      });
    },
    async all() {
      const rows = await store.db.selectFrom('portal_provider_status').selectAll().orderBy('org_code').execute();
      return rows.map(fromRow);
    },
    async retain(orgCodes) {
      await store.transaction(async (trx) => {
        let q = trx.deleteFrom('portal_provider_status');
        if (orgCodes.length > 0) q = q.where('org_code', 'not in', [...orgCodes]);
        await q.execute();
      });
    },
  };
}
