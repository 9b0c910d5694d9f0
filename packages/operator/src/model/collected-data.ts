import { type ApiSpec, type ApiType, findApi, isApiType, type Shape, WireError, type WireObject } from '@hannun/spec';
import { type Kysely, padded, QueryTemplates, type Store, type StoreDialect, type Transaction } from '@hannun/store';
import type { ConsentFlags } from '../consent/consent-draft.ts';
import { type PersonCipher, personCipher } from '../crypto/field-cipher.ts';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import { type AssetRoute, assetRoute } from './asset-routes.ts';
import { type LooseRow, loose } from './model-db.ts';
import { MODEL_TABLE_DEFS, type ModelRoute, modelRoute } from './model-routes.ts';
import type { ModelTableDef } from './model-table.ts';
import { canonicalKeys, contentHash, fingerprint, type PlainRow, type PlainValue, rowId } from './row-identity.ts';
import { type ModelValue, readValues, storedValues } from './row-values.ts';
import { encodeAnswer } from './wire-encode.ts';

type Db = Kysely<OperatorDatabase>;

/** One answer of an information API, as the collection engine has it after decodeMessage. */
export interface CollectedAnswer {
  readonly personId: string;
  readonly orgCode: string;
  /** The standard's API ID (은행-004). */
  readonly apiId: string;
  /** The x-api-type of the call. */
  readonly apiType: ApiType;
  readonly collectedAt: number;
  /**
   * The decoded body (decodeMessage of the API's response shape): one page. For a paginated answer pass
   * `pages` instead, every page of one period (or of the whole list), so identical rows are counted across
   * pages and a list or snapshot knows what is gone.
   */
  readonly body?: Readonly<Record<string, unknown>>;
  readonly pages?: readonly Readonly<Record<string, unknown>>[];
  /** The asset (op_asset id) for APIs of one asset. */
  readonly assetId?: string;
  /** Request fields the answer does not repeat (카드-005 charge_month and seqno, 보험-003 insured_no …), as sent. */
  readonly request?: Readonly<Record<string, string>>;
  /** The consent's v2 flags: fields gated by a false flag are never stored, whatever the provider sent. */
  readonly flags: ConsentFlags;
  /** For list and snapshot APIs: false when only some pages came (nothing is delisted or deleted then). */
  readonly complete?: boolean;
}

/**
 * Work that commits with a model write or not at all (CollectedData.store's `first`). It runs first in the write's
 * transaction: rows other writers share (the analysis rollups) are then locked only for the model's own part.
 */
export type WithStore = (trx: Transaction<OperatorDatabase>) => Promise<void>;

export interface StoreResult {
  readonly table: string;
  /** Rows in the answer. */
  readonly received: number;
  /** Rows inserted or changed; an identical second write changes nothing (0). */
  readonly changed: number;
  /** Rows of a snapshot no longer in it (deleted), or assets no longer listed (delisted). */
  readonly removed: number;
  /** For list APIs: the assets named. */
  readonly assets?: readonly AssetRef[];
}

/** An asset, opened: what the engine calls the detail APIs with. */
export interface AssetRef {
  readonly id: string;
  readonly orgCode: string;
  /** The list API that named it. */
  readonly listApi: string;
  /** The key fields to send (account_num, seqno / card_id / insu_num …). */
  readonly key: Readonly<Record<string, string>>;
  /** Personal list fields (the card number, the account name …). */
  readonly personal: Readonly<Record<string, string>>;
  readonly name: string | null;
  readonly isConsent: boolean;
  readonly typeCode: string | null;
  readonly statusCode: string | null;
  readonly attrs: Readonly<Record<string, unknown>>;
  readonly collectedAt: number;
  readonly delistedAt: number | null;
}

/** A model row, opened. */
export interface ModelRow {
  readonly id: string;
  readonly orgCode: string;
  readonly assetId: string | null;
  readonly apiId: string;
  readonly apiType: string;
  readonly collectedAt: number;
  readonly values: Readonly<Record<string, ModelValue>>;
}

const GATE_OF_FLAG: Record<keyof ConsentFlags, string> = {
  transMemo: 'is_consent_trans_memo',
  merchantNameRegno: 'is_consent_merchant_name_regno',
  transCategory: 'is_consent_trans_category',
};

/** Response fields that are the envelope of a list, not data: paging, timestamps, list counts. */
function countNames(shape: Shape, out = new Set<string>()): Set<string> {
  for (const n of shape) {
    if (n.kind === 'list') {
      if (n.count) out.add(n.count.name);
      countNames(n.item, out);
    } else if (n.kind === 'object') countNames(n.shape, out);
  }
  return out;
}
const ENVELOPE = new Set(['search_timestamp', 'next_page']);

const T_ASSET = 'op_asset';

/**
 * Told, inside the write's transaction, what the model stored (analysis/ keeps its rollups by it, so they never
 * disagree with the rows). A listener that throws rolls the write back.
 */
export interface ModelListener {
  rowsStored(
    trx: Transaction<OperatorDatabase>,
    e: {
      personId: string;
      orgCode: string;
      apiId: string;
      table: string;
      rows: readonly { id: string; row: PlainRow }[];
    },
  ): Promise<void>;
  institutionDeleted(trx: Transaction<OperatorDatabase>, personId: string, orgCode: string): Promise<void>;
}

/**
 * model/: every answer of every information API becomes rows of the normalised model, idempotently: rows
 * are keyed by the provider's identifiers (an HMAC id), a second write of the same answer changes nothing,
 * a changed row is replaced, snapshots drop what is gone. Personal identifiers are sealed with the person's
 * data key, consent-gated fields of a false flag are never stored, and each row keeps its provenance
 * (org_code, API ID, collected-at, x-api-type). A malformed answer is refused whole (nothing written).
 */
export class CollectedData {
  readonly #store: Store<OperatorDatabase>;
  readonly #crypto: OperatorCrypto;
  readonly #idKey: Buffer;
  readonly #hashKey: Buffer;
  readonly #listener: ModelListener | undefined;
  readonly #templates: QueryTemplates;

  constructor(o: { store: Store<OperatorDatabase>; crypto: OperatorCrypto; listener?: ModelListener }) {
    this.#store = o.store;
    this.#crypto = o.crypto;
    this.#listener = o.listener;
    this.#templates = UPSERTS[o.store.dialect];
    this.#idKey = o.crypto.derive('model-row-id');
    this.#hashKey = o.crypto.derive('model-content-hash');
  }

  /**
   * Stores one answer (a list API's assets, or any other API's rows), in one transaction. `first`, when given,
   * runs at the start of that transaction (the engine's step mark): it throwing, or the write failing after it,
   * rolls both back.
   */
  async store(a: CollectedAnswer, first?: WithStore): Promise<StoreResult> {
    const api = findApi(a.apiId);
    if (api?.group !== 'info')
      throw invalid('apiId', 'is not an information API of the catalogue', '정보제공 API가 아닙니다');
    if (!isApiType(a.apiType)) throw invalid('apiType', 'is not an x-api-type', 'x-api-type 오류');
    if (!/^[A-Za-z0-9]{10}$/.test(a.orgCode))
      throw invalid('orgCode', 'must be an org_code aN(10)', '기관코드 형식 오류');
    if (!Number.isSafeInteger(a.collectedAt))
      throw invalid('collectedAt', 'must be epoch milliseconds', '수집시각 오류');
    const asset = assetRoute(a.apiId);
    const route = modelRoute(a.apiId);
    if (!asset && !route) {
      throw invalid(
        'apiId',
        'has no place in the model (공통-001/002 are read by the engine)',
        '모델에 저장하지 않는 API입니다',
      );
    }
    const wire = this.#wire(api, a);
    return asset ? this.#storeAssets(a, asset, wire, first) : this.#storeRows(a, api, route!, wire, first);
  }

  /**
   * Validates and canonicalises every page through the spec (gated fields of false flags dropped); the
   * pages' lists are joined, the other fields come from the first page.
   */
  #wire(api: ApiSpec, a: CollectedAnswer): WireObject {
    const withheld = new Set(
      (Object.keys(GATE_OF_FLAG) as (keyof ConsentFlags)[]).filter((k) => !a.flags[k]).map((k) => GATE_OF_FLAG[k]),
    );
    if ((a.body === undefined) === (a.pages === undefined) || a.pages?.length === 0) {
      throw invalid('body', 'give either body (one page) or pages (one or more)', '응답 본문이 필요합니다');
    }
    const pages = a.pages ?? [a.body!];
    const encoded = pages.map((page, i) => {
      try {
        return encodeAnswer(api.response, page, withheld);
      } catch (e) {
        if (e instanceof WireError) {
          const at = a.pages ? `pages[${i}]` : 'body';
          throw new OperatorError(
            'OP_MODEL_ROW',
            `is not a valid ${api.id} answer (${e.rule})`,
            `${api.id} 응답 형식 오류`,
            `${at}.${e.field}`,
          );
        }
        throw e;
      }
    });
    const [first, ...rest] = encoded;
    const joined: WireObject = { ...first };
    for (const node of api.response) {
      if (node.kind !== 'list') continue;
      joined[node.name] = encoded.flatMap((e) => (e[node.name] as WireObject[] | undefined) ?? []);
    }
    return rest.length === 0 ? first! : joined;
  }

  async #storeRows(
    a: CollectedAnswer,
    api: ApiSpec,
    route: ModelRoute,
    wire: WireObject,
    first: WithStore | undefined,
  ): Promise<StoreResult> {
    const t = route.table;
    const items = route.list ? ((wire[route.list] as WireObject[] | undefined) ?? []) : [wire];
    const skip = new Set([...ENVELOPE, ...countNames(api.response), ...(route.ignore ?? [])]);
    if (route.list) for (const k of Object.keys(wire)) if (k !== route.list) skip.add(k);
    const extra: Record<string, string> = { ...route.fixed };
    for (const col of route.fromRequest ?? []) {
      const v = a.request?.[col];
      // An optional request field (카드-005 seqno: a month with one bill) may be absent: stored as null.
      const optional = api.request.shape.some((n) => n.name === col && !n.required);
      if (typeof v !== 'string' || v === '') {
        if (optional) continue;
        throw invalid(`request.${col}`, 'is needed to store this answer', '요청 항목이 필요합니다');
      }
      extra[col] = v;
    }
    const empty: Record<string, PlainValue> = Object.fromEntries(Object.keys(t.columns).map((k) => [k, null]));
    const plainRows: PlainRow[] = items.map((item, i) => {
      const row: Record<string, PlainValue> = { ...empty };
      for (const [field, value] of Object.entries(item)) {
        if (skip.has(field)) continue;
        const col = route.rename?.[field] ?? field;
        if (!(col in t.columns)) {
          throw new OperatorError(
            'OP_MODEL_ROW',
            `has no column in ${t.name}`,
            '저장할 곳이 없는 항목입니다',
            `${route.list ?? 'body'}[${i}].${field}`,
          );
        }
        row[col] = value as PlainValue;
      }
      return Object.assign(row, extra);
    });
    const assetId = t.scope === 'asset' ? await this.#checkAsset(a, api) : null;
    // Identity: the key, or the content and its occurrence among identical rows of this answer.
    const seen = new Map<string, number>();
    const base = [t.name, a.personId, a.orgCode, assetId ?? ''];
    // Every row has the table's columns and the same extra fields: one key order for all.
    const keys = plainRows[0] ? canonicalKeys(plainRows[0]) : undefined;
    const rows = plainRows.map((row) => {
      const fp = t.fingerprintWhenMissing;
      const byContent = fp === '*' || (fp !== undefined && (row[fp] ?? null) === null);
      let identity: string;
      if (byContent) {
        const f = fingerprint(row, keys);
        const n = seen.get(f) ?? 0;
        seen.set(f, n + 1);
        identity = `content:${f}#${n}`;
      } else identity = `key:${JSON.stringify(t.key.map((k) => row[k] ?? null))}`;
      return { id: rowId(this.#idKey, [...base, identity]), row };
    });
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
    return this.#store.transaction(async (trx) => {
      await first?.(trx);
      const cipher = personCipher(await this.#crypto.keys.load(trx, a.personId));
      const values = unique.map(({ id, row }) => ({
        id,
        person_id: a.personId,
        org_code: a.orgCode,
        asset_id: assetId,
        api_id: a.apiId,
        api_type: a.apiType,
        collected_at: a.collectedAt,
        content_hash: contentHash(this.#hashKey, row, keys),
        ...storedValues(t, row, id, cipher, this.#crypto.index),
      }));
      const changed = await upsert(trx, this.#templates, t.name, values);
      await this.#listener?.rowsStored(trx, {
        personId: a.personId,
        orgCode: a.orgCode,
        apiId: a.apiId,
        table: t.name,
        rows: unique,
      });
      let removed = 0;
      if (route.snapshot && a.complete !== false) {
        const within = route.snapshot.within;
        // `not in` a list padded to a power of two (a repeated id changes nothing): few shapes, compiled once.
        const keep = padded(unique.map((r) => r.id));
        const values = [
          a.personId,
          a.orgCode,
          a.apiId,
          ...(assetId !== null ? [assetId] : []),
          ...within.map((col) => extra[col] ?? null),
          ...keep,
        ];
        const query = this.#templates.bind(
          `snapshot|${t.name}|${assetId !== null}|${within.join(',')}|${keep.length}`,
          (slot) => {
            let k = 0;
            let q = loose(trx)
              .deleteFrom(t.name)
              .where('person_id', '=', slot(k++))
              .where('org_code', '=', slot(k++))
              .where('api_id', '=', slot(k++));
            if (assetId !== null) q = q.where('asset_id', '=', slot(k++));
            for (const col of within) q = q.where(col, '=', slot(k++));
            if (keep.length > 0)
              q = q.where(
                'id',
                'not in',
                keep.map(() => slot(k++)),
              );
            return q;
          },
          values,
        );
        removed = Number((await trx.executeQuery(query)).numAffectedRows ?? 0n);
      }
      return { table: t.name, received: items.length, changed, removed };
    });
  }

  /** The asset must be the person's, at this provider, named by the API's list API. */
  async #checkAsset(a: CollectedAnswer, api: ApiSpec): Promise<string> {
    if (a.assetId === undefined)
      throw invalid('assetId', `is needed for ${api.id} (an API of one asset)`, '자산이 필요합니다');
    const { db } = this.#store;
    const query = this.#templates.bind(
      'asset-of',
      (slot) =>
        db
          .selectFrom('op_asset')
          .select(['api_id'])
          .where('id', '=', slot(0) as string)
          .where('person_id', '=', slot(1) as string)
          .where('org_code', '=', slot(2) as string),
      [a.assetId, a.personId, a.orgCode],
    );
    const row = (await db.executeQuery<{ api_id: string }>(query)).rows[0];
    if (!row)
      throw invalid('assetId', 'is not an asset of this person at this provider', '해당 기관의 본인 자산이 아닙니다');
    if (api.listedBy !== undefined && api.listedBy !== row.api_id) {
      throw invalid('assetId', `is not an asset listed by ${api.listedBy}`, `${api.listedBy}로 조회된 자산이 아닙니다`);
    }
    return a.assetId;
  }

  async #storeAssets(
    a: CollectedAnswer,
    route: AssetRoute,
    wire: WireObject,
    first: WithStore | undefined,
  ): Promise<StoreResult> {
    const items = (wire[route.list] as WireObject[] | undefined) ?? [];
    const special = new Set([
      ...route.key,
      route.number,
      route.name,
      route.type,
      route.status,
      'is_consent',
      ...(route.personal ?? []),
    ]);
    const prepared = items.map((item, i) => {
      const key: Record<string, string> = {};
      for (const k of route.key) {
        const v = item[k];
        if (typeof v === 'string') key[k] = v;
        else if (k === route.key[0]) throw invalid(`${route.list}[${i}].${k}`, 'names no asset', '자산 키가 없습니다');
      }
      const personal: Record<string, string> = {};
      for (const k of [route.number, ...(route.personal ?? [])]) {
        if (k !== undefined && typeof item[k] === 'string' && !route.key.includes(k)) personal[k] = item[k];
      }
      const attrs = Object.fromEntries(Object.entries(item).filter(([k]) => !special.has(k)));
      const str = (k: string | undefined) => (k !== undefined && typeof item[k] === 'string' ? item[k] : null);
      const number = str(route.number);
      const id = rowId(this.#idKey, [T_ASSET, a.personId, a.orgCode, a.apiId, JSON.stringify(key)]);
      const plain = {
        key,
        personal,
        name: str(route.name),
        type: str(route.type),
        status: str(route.status),
        consent: item.is_consent ?? null,
        attrs,
      };
      return {
        id,
        key,
        personal,
        number,
        attrs,
        plain,
        name: str(route.name),
        type: str(route.type),
        status: str(route.status),
        isConsent: item.is_consent === 'true',
      };
    });
    const unique = [...new Map(prepared.map((p) => [p.id, p])).values()];
    return this.#store.transaction(async (trx) => {
      await first?.(trx);
      const cipher = personCipher(await this.#crypto.keys.load(trx, a.personId));
      const values = unique.map((p) => ({
        id: p.id,
        person_id: a.personId,
        org_code: a.orgCode,
        api_id: a.apiId,
        api_type: a.apiType,
        collected_at: a.collectedAt,
        content_hash: contentHash(this.#hashKey, { listed: JSON.stringify(p.plain) }),
        key_sealed: cipher.seal(T_ASSET, 'key', p.id, JSON.stringify(p.key)),
        number_bidx: p.number === null ? null : this.#crypto.index.index('op_asset.number', p.number),
        personal_sealed:
          Object.keys(p.personal).length === 0
            ? null
            : cipher.seal(T_ASSET, 'personal', p.id, JSON.stringify(p.personal)),
        name: p.name,
        is_consent: p.isConsent,
        type_code: p.type,
        status_code: p.status,
        attrs: JSON.stringify(p.attrs),
        delisted_at: null,
      }));
      const changed = await upsert(trx, this.#templates, T_ASSET, values);
      let removed = 0;
      if (a.complete !== false) {
        const keep = padded(unique.map((p) => p.id));
        const query = this.#templates.bind(
          `delist|${keep.length}`,
          (slot) => {
            let q = loose(trx)
              .updateTable('op_asset')
              // A new content hash, so the asset's next listing is a change that clears delisted_at.
              .set({ delisted_at: slot(0), content_hash: 'delisted' })
              .where('person_id', '=', slot(1))
              .where('org_code', '=', slot(2))
              .where('api_id', '=', slot(3))
              .where('delisted_at', 'is', null);
            if (keep.length > 0)
              q = q.where(
                'id',
                'not in',
                keep.map((_, i) => slot(4 + i)),
              );
            return q;
          },
          [a.collectedAt, a.personId, a.orgCode, a.apiId, ...keep],
        );
        removed = Number((await trx.executeQuery(query)).numAffectedRows ?? 0n);
      }
      const assets: AssetRef[] = unique.map((p) => ({
        id: p.id,
        orgCode: a.orgCode,
        listApi: a.apiId,
        key: p.key,
        personal: p.personal,
        name: p.name,
        isConsent: p.isConsent,
        typeCode: p.type,
        statusCode: p.status,
        attrs: p.attrs,
        collectedAt: a.collectedAt,
        delistedAt: null,
      }));
      return { table: T_ASSET, received: items.length, changed, removed, assets };
    });
  }

  /** The person's assets, opened (listed ones unless `includeDelisted`). */
  async assets(
    personId: string,
    opts: { orgCode?: string; listApi?: string; includeDelisted?: boolean } = {},
  ): Promise<AssetRef[]> {
    const { db } = this.#store;
    let q = db.selectFrom('op_asset').selectAll().where('person_id', '=', personId);
    if (opts.orgCode !== undefined) q = q.where('org_code', '=', opts.orgCode);
    if (opts.listApi !== undefined) q = q.where('api_id', '=', opts.listApi);
    if (!opts.includeDelisted) q = q.where('delisted_at', 'is', null);
    const rows = await q.orderBy('org_code').orderBy('api_id').orderBy('id').execute();
    if (rows.length === 0) return [];
    const cipher = await this.#crypto.cipherFor(db, personId);
    return rows.map((r) => openAsset(r, cipher));
  }

  /** Assets whose number (account, card, policy, phone, bond number) is exactly `number` (blind index). */
  async assetsByNumber(personId: string, number: string): Promise<AssetRef[]> {
    const { db } = this.#store;
    const rows = await db
      .selectFrom('op_asset')
      .selectAll()
      .where('person_id', '=', personId)
      .where('number_bidx', '=', this.#crypto.index.index('op_asset.number', number))
      .execute();
    if (rows.length === 0) return [];
    const cipher = await this.#crypto.cipherFor(db, personId);
    return rows.map((r) => openAsset(r, cipher));
  }

  /** Rows of one model table for the person, opened (by asset or provider), newest first where the table has time. */
  async rows(
    personId: string,
    tableName: string,
    opts: { assetId?: string; orgCode?: string; limit?: number } = {},
  ): Promise<ModelRow[]> {
    const t = MODEL_TABLE_DEFS.find((d) => d.name === tableName);
    if (!t) throw invalid('table', 'is not a model table', '모델 테이블이 아닙니다');
    const { db } = this.#store;
    let q = loose(db).selectFrom(t.name).selectAll().where('person_id', '=', personId);
    if (opts.assetId !== undefined) q = q.where('asset_id', '=', opts.assetId);
    if (opts.orgCode !== undefined) q = q.where('org_code', '=', opts.orgCode);
    q = t.time ? q.orderBy(t.time, 'desc').orderBy('id') : q.orderBy('id');
    const rows = await q.limit(opts.limit ?? 1000).execute();
    if (rows.length === 0) return [];
    const cipher = await this.#crypto.cipherFor(db, personId);
    return rows.map((r) => ({
      id: String(r.id),
      orgCode: String(r.org_code),
      assetId: (r.asset_id as string | null) ?? null,
      apiId: String(r.api_id),
      apiType: String(r.api_type),
      collectedAt: Number(r.collected_at),
      values: readValues(t, r, cipher),
    }));
  }

  /** Deletes everything collected from one provider for the person (the offer after a withdrawal, accepted). */
  async deleteInstitution(trx: Transaction<OperatorDatabase>, personId: string, orgCode: string): Promise<number> {
    let n = 0;
    for (const t of MODEL_TABLE_DEFS) {
      const r = await loose(trx)
        .deleteFrom(t.name)
        .where('person_id', '=', personId)
        .where('org_code', '=', orgCode)
        .executeTakeFirst();
      n += Number(r.numDeletedRows);
    }
    await this.#listener?.institutionDeleted(trx, personId, orgCode);
    const r = await trx
      .deleteFrom('op_asset')
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .executeTakeFirst();
    return n + Number(r.numDeletedRows);
  }
}

function openAsset(r: OperatorDatabase['op_asset'], cipher: PersonCipher): AssetRef {
  return {
    id: r.id,
    orgCode: r.org_code,
    listApi: r.api_id,
    key: JSON.parse(cipher.open(T_ASSET, 'key', r.id, r.key_sealed)) as Record<string, string>,
    personal:
      r.personal_sealed === null
        ? {}
        : (JSON.parse(cipher.open(T_ASSET, 'personal', r.id, r.personal_sealed)) as Record<string, string>),
    name: r.name,
    isConsent: r.is_consent,
    typeCode: r.type_code,
    statusCode: r.status_code,
    attrs: JSON.parse(r.attrs) as Record<string, unknown>,
    collectedAt: Number(r.collected_at),
    delistedAt: r.delisted_at === null ? null : Number(r.delisted_at),
  };
}

/**
 * Rows per upsert statement: a chunk of n rows is written as statements of these sizes (greedy), so a table has
 * at most this many statement shapes, each built and compiled once (QueryTemplates) and prepared once.
 */
const CHUNK_SIZES = [128, 64, 32, 16, 8, 4, 2, 1] as const;

/** The upserts' SQL depends only on the dialect, the table and the shape: compiled once per process. */
const UPSERTS: Record<StoreDialect, QueryTemplates> = { sqlite: new QueryTemplates(), postgres: new QueryTemplates() };

/**
 * insert … on conflict (id) do update … where the content hash differs: an identical row is not touched
 * (so a second write of the same answer changes nothing), a changed one is replaced. Returns rows written.
 */
async function upsert(trx: Db, templates: QueryTemplates, table: string, values: LooseRow[]): Promise<number> {
  const first = values[0];
  if (!first) return 0;
  const columns = Object.keys(first);
  const updated = columns.filter((k) => k !== 'id' && k !== 'person_id');
  const shape = `${table}|${columns.join(',')}`;
  let changed = 0;
  for (let i = 0; i < values.length; ) {
    const size = CHUNK_SIZES.find((n) => n <= values.length - i)!;
    const chunk = values.slice(i, i + size);
    i += size;
    const bound = bindRows(chunk, columns);
    const query = bound
      ? templates.bind(
          `${shape}|${size}`,
          (slot) => upsertQuery(trx, table, updated, placeholderRows(size, columns, slot)),
          bound,
        )
      : upsertQuery(trx, table, updated, chunk);
    const result = await trx.executeQuery(query);
    changed += Number(result.numAffectedRows ?? 0n);
  }
  return changed;
}

function upsertQuery(trx: Db, table: string, updated: readonly string[], rows: LooseRow[]) {
  return loose(trx)
    .insertInto(table)
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => Object.fromEntries(updated.map((col) => [col, eb.ref(`excluded.${col}`)])))
        .where(({ eb, ref }) => eb(ref(`${table}.content_hash`), '<>', ref('excluded.content_hash'))),
    );
}

/** The rows' values in column order, or undefined when a row lacks a column (the query builder then decides). */
function bindRows(rows: readonly LooseRow[], columns: readonly string[]): unknown[] | undefined {
  const out = new Array<unknown>(rows.length * columns.length);
  let k = 0;
  for (const row of rows) {
    for (const c of columns) {
      const v = row[c];
      if (v === undefined) return undefined;
      out[k++] = v;
    }
  }
  return out;
}

function placeholderRows(size: number, columns: readonly string[], slot: (i: number) => unknown): LooseRow[] {
  return Array.from({ length: size }, (_, r) =>
    Object.fromEntries(columns.map((c, j) => [c, slot(r * columns.length + j)])),
  );
}

export { MODEL_TABLE_DEFS };
export type { ModelTableDef };
