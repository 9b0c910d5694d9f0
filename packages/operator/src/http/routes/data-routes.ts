import type { FastifyInstance } from '@hannun/infra';
import { maskAssetNumber } from '@hannun/spec';
import type { AssetRef } from '../../model/collected-data.ts';
import { MOVEMENT_TABLES } from '../../model/movement-tables.ts';
import { TransactionPages } from '../../model/transaction-pages.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid } from '../../shared/operator-error.ts';
import { requireSession, sessionOf } from '../session-guard.ts';

/** The page size of /api/transactions: default and most. */
const PAGE = 50;
const MAX_PAGE = 200;

const NUMBER_FIELDS = ['account_num', 'card_num', 'insu_num', 'phone_num', 'bond_num', 'fob_name'];

function assetView(rt: OperatorRuntime, a: AssetRef) {
  const source = { ...a.key, ...a.personal };
  const numberField = NUMBER_FIELDS.find((f) => typeof source[f] === 'string' && source[f] !== '');
  return {
    id: a.id,
    orgCode: a.orgCode,
    institution: rt.providers.name(a.orgCode),
    listApi: a.listApi,
    name: a.name,
    typeCode: a.typeCode,
    statusCode: a.statusCode,
    isConsent: a.isConsent,
    number: numberField ? maskAssetNumber(source[numberField] as string) : null,
    attrs: a.attrs,
    collectedAt: a.collectedAt,
    hasTransactions: MOVEMENT_TABLES.has(a.listApi),
  };
}

function queryString(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw invalid(name, 'must be given once', '한 번만 지정하세요');
  return v;
}

/** The dashboard's data: the person's assets, and their movements (one asset's or all), newest first, by keyset. */
export function registerDataRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const { domain } = rt;
  const guard = { preHandler: requireSession(rt) };
  const pages = new TransactionPages({ store: domain.store, crypto: domain.crypto });

  app.get('/api/assets', guard, async (request) => {
    const { personId } = sessionOf(request);
    const assets = await domain.data.assets(personId);
    return { assets: assets.map((a) => assetView(rt, a)) };
  });

  /**
   * A person's movements newest first, by keyset (model/transaction-pages.ts): one asset (`assetId`) or every
   * asset, narrowed by `orgCode`, `from`/`to` (YYYYMMDD), `direction` (in/out) and `q` (text).
   */
  app.get('/api/transactions', guard, async (request) => {
    const { personId } = sessionOf(request);
    const q = request.query as Record<string, unknown>;
    const limitRaw = queryString(q, 'limit');
    const limit = limitRaw === undefined ? PAGE : /^\d{1,4}$/.test(limitRaw) ? Number(limitRaw) : Number.NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw invalid('limit', `must be 1–${MAX_PAGE}`, `1~${MAX_PAGE} 사이여야 합니다`);
    }
    const assetId = queryString(q, 'assetId');
    const direction = queryString(q, 'direction');
    const text = queryString(q, 'q');
    const page = await pages.page(personId, {
      limit,
      ...(assetId !== undefined ? { assetId } : {}),
      ...optional('orgCode', queryString(q, 'orgCode')),
      ...optional('from', queryString(q, 'from')),
      ...optional('to', queryString(q, 'to')),
      ...(direction !== undefined ? { direction: direction as 'in' | 'out' } : {}),
      ...(text !== undefined ? { text } : {}),
      ...optional('cursor', queryString(q, 'cursor')),
    });
    const asset =
      assetId === undefined
        ? undefined
        : (await domain.data.assets(personId, { includeDelisted: true })).find((a) => a.id === assetId);
    return {
      ...(asset ? { asset: assetView(rt, asset) } : {}),
      transactions: page.items.map((m) => ({
        id: m.id,
        kind: m.table,
        apiId: m.apiId,
        orgCode: m.orgCode,
        institution: rt.providers.name(m.orgCode),
        assetId: m.assetId,
        time: m.time,
        direction: m.direction,
        values: m.values,
        collectedAt: m.collectedAt,
      })),
      nextCursor: page.nextCursor,
      scanLimited: page.scanLimited,
    };
  });
}

function optional<K extends string>(key: K, v: string | undefined): { [P in K]?: string } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: string };
}
