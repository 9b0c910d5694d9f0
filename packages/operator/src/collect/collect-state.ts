import type { Kysely, Store, Transaction } from '@hannun/store';
import type { Temporal } from 'temporal-polyfill';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { formatYmd, parseYmd } from '../time/kst.ts';
import type { Coverage } from './periods.ts';

/** Where one API and asset stand for a person: the last search_timestamp and what was collected. */
export interface ApiState {
  /** The consent the timestamp was given under: a timestamp of another consent is not sent back. */
  readonly consentId: string;
  readonly searchTimestamp: string | null;
  readonly coverage: Coverage | undefined;
  readonly collectedAt: number;
}

export interface StateKey {
  readonly personId: string;
  readonly orgCode: string;
  readonly apiId: string;
  /** The op_asset id, or '' for an API about the person. */
  readonly assetKey: string;
}

const date = (s: string | null): Temporal.PlainDate | undefined => (s === null ? undefined : parseYmd(s));

/** op_collect_state: search_timestamp per API and asset, and the dates collected (coverage). */
export class CollectState {
  readonly #store: Store<OperatorDatabase>;

  constructor(store: Store<OperatorDatabase>) {
    this.#store = store;
  }

  /** Every state of a person at an institution, keyed `apiId|assetKey` (one query per job). */
  async forInstitution(personId: string, orgCode: string): Promise<Map<string, ApiState>> {
    const rows = await this.#store.db
      .selectFrom('op_collect_state')
      .selectAll()
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .execute();
    const out = new Map<string, ApiState>();
    for (const r of rows) {
      const from = date(r.covered_from);
      const to = date(r.covered_to);
      out.set(`${r.api_id}|${r.asset_key}`, {
        consentId: r.consent_id,
        searchTimestamp: r.search_timestamp,
        coverage: from && to ? { from, to } : undefined,
        collectedAt: Number(r.collected_at),
      });
    }
    return out;
  }

  async get(k: StateKey): Promise<ApiState | undefined> {
    return (await this.forInstitution(k.personId, k.orgCode)).get(`${k.apiId}|${k.assetKey}`);
  }

  /** Writes the state in the caller's transaction (with the step it belongs to). */
  async put(trx: Transaction<OperatorDatabase> | Kysely<OperatorDatabase>, k: StateKey, s: ApiState): Promise<void> {
    const values = {
      consent_id: s.consentId,
      search_timestamp: s.searchTimestamp,
      covered_from: s.coverage ? formatYmd(s.coverage.from) : null,
      covered_to: s.coverage ? formatYmd(s.coverage.to) : null,
      collected_at: s.collectedAt,
    };
    await trx
      .insertInto('op_collect_state')
      .values({ person_id: k.personId, org_code: k.orgCode, api_id: k.apiId, asset_key: k.assetKey, ...values })
      .onConflict((oc) => oc.columns(['person_id', 'org_code', 'api_id', 'asset_key']).doUpdateSet(values))
      .execute();
  }
}
