import type { Logger } from '@hannun/infra';
import type { StatisticsType, TmSlot } from '@hannun/spec';
import { migrate, openStore, type Store } from '@hannun/store';
import type { CallStatsDatabase } from './call-stats-database.ts';
import { CALL_STATS_MIGRATION_NAMESPACE, CALL_STATS_MIGRATIONS } from './call-stats-migrations.ts';
import type { CallStatsStore } from './call-stats-store.ts';

const CHUNK = 500;

/** The statistics store on an open store (tests, a service sharing its database): migrates, then serves. */
export async function sqlCallStatsStoreOn(store: Store<CallStatsDatabase>): Promise<CallStatsStore> {
  await migrate(store, { namespace: CALL_STATS_MIGRATION_NAMESPACE, migrations: CALL_STATS_MIGRATIONS });
  const { db } = store;
  return {
    async add(rows) {
      if (rows.length === 0) return;
      await store.transaction(async (trx) => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await trx
            .insertInto('provider_stat_call')
            .values(
              rows.slice(i, i + CHUNK).map((r) => ({
                org_code: r.orgCode,
                day: r.day,
                recipient_org_code: r.recipientOrgCode,
                client_id: r.clientId,
                api_code: r.apiCode,
                type: r.type,
                slot: r.slot,
                success: r.success,
                fail: r.fail,
                ms_total: r.msTotal,
                ms_squares: r.msSquares,
              })),
            )
            .onConflict((oc) =>
              oc
                .columns(['org_code', 'day', 'recipient_org_code', 'client_id', 'api_code', 'type', 'slot'])
                .doUpdateSet((eb) => ({
                  success: eb('provider_stat_call.success', '+', eb.ref('excluded.success')),
                  fail: eb('provider_stat_call.fail', '+', eb.ref('excluded.fail')),
                  ms_total: eb('provider_stat_call.ms_total', '+', eb.ref('excluded.ms_total')),
                  ms_squares: eb('provider_stat_call.ms_squares', '+', eb.ref('excluded.ms_squares')),
                })),
            )
            .execute();
        }
      });
    },
    async rows(orgCode, from, to) {
      const rows = await db
        .selectFrom('provider_stat_call')
        .selectAll()
        .where('org_code', '=', orgCode)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      return rows.map((r) => ({
        orgCode: r.org_code,
        day: r.day,
        recipientOrgCode: r.recipient_org_code,
        clientId: r.client_id,
        apiCode: r.api_code,
        type: r.type as StatisticsType,
        slot: r.slot as TmSlot,
        success: r.success,
        fail: r.fail,
        msTotal: r.ms_total,
        msSquares: r.ms_squares,
      }));
    },
    async recordingSince(orgCode) {
      const row = await db
        .selectFrom('provider_stat_since')
        .select('since_ms')
        .where('org_code', '=', orgCode)
        .executeTakeFirst();
      return row?.since_ms;
    },
    async markRecording(orgCodes, atMs) {
      if (orgCodes.length === 0) return;
      await store.transaction(async (trx) => {
        await trx
          .insertInto('provider_stat_since')
          .values(orgCodes.map((org_code) => ({ org_code, since_ms: atMs })))
          .onConflict((oc) => oc.column('org_code').doNothing())
          .execute();
      });
    },
    async sent(orgCode, inquiryDate, type) {
      const row = await db
        .selectFrom('provider_stat_sent')
        .selectAll()
        .where('org_code', '=', orgCode)
        .where('inquiry_date', '=', inquiryDate)
        .where('type', '=', type)
        .executeTakeFirst();
      return row ? { orgCode, inquiryDate, type, sentMs: row.sent_ms } : undefined;
    },
    async markSent(week) {
      await store.transaction(async (trx) => {
        await trx
          .insertInto('provider_stat_sent')
          .values({
            org_code: week.orgCode,
            inquiry_date: week.inquiryDate,
            type: week.type,
            sent_ms: week.sentMs,
          })
          .onConflict((oc) => oc.columns(['org_code', 'inquiry_date', 'type']).doUpdateSet({ sent_ms: week.sentMs }))
          .execute();
      });
    },
    close: () => store.close(),
  };
}

/** The statistics store in the Hannun database (`storeUrlFor(dataDir)`), migrated. */
export async function openSqlCallStatsStore(opts: {
  readonly url: string;
  readonly schema?: string;
  readonly logger?: Logger;
}): Promise<CallStatsStore> {
  const store = await openStore<CallStatsDatabase>({
    url: opts.url,
    ...(opts.schema ? { schema: opts.schema } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  try {
    return await sqlCallStatsStoreOn(store);
  } catch (error) {
    await store.close();
    throw error;
  }
}
