import type { FastifyInstance } from '@hannun/infra';
import { maskAssetNumber } from '@hannun/spec';
import type { AssetRef, ModelRow } from '../../model/collected-data.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid, OperatorError } from '../../shared/operator-error.ts';
import { requireSession, sessionOf } from '../session-guard.ts';
import { MOVEMENT_TABLES } from './transaction-tables.ts';

/** The page size of /api/transactions: default and most. */
const PAGE = 50;
const MAX_PAGE = 200;
/** How deep offset paging goes (a keyset read in model/ will lift it for 100,000 rows, issue #8). */
const MAX_OFFSET = 10_000;

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

/** A row's time as 14 digits (dtime; a date or month padded), so rows of different tables sort together. */
function timeKey(row: ModelRow, column: string): string {
  const v = row.values[column];
  return (typeof v === 'string' ? v : '').padEnd(14, '0');
}

interface Cursor {
  readonly offset: number;
}

function readCursor(raw: unknown): Cursor {
  if (raw === undefined || raw === '') return { offset: 0 };
  if (typeof raw !== 'string' || raw.length > 100)
    throw invalid('cursor', 'is not a cursor of this API', '잘못된 커서입니다');
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof c.o === 'number' && Number.isSafeInteger(c.o) && c.o >= 0 && c.o <= MAX_OFFSET) return { offset: c.o };
  } catch {
    // fall through
  }
  throw invalid('cursor', 'is not a cursor of this API', '잘못된 커서입니다');
}

const writeCursor = (c: Cursor) => Buffer.from(JSON.stringify({ o: c.offset })).toString('base64url');

/** The first dashboard's data: the person's assets, and one asset's movements, newest first, paged. */
export function registerDataRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const { domain } = rt;
  const guard = { preHandler: requireSession(rt) };

  app.get('/api/assets', guard, async (request) => {
    const { personId } = sessionOf(request);
    const assets = await domain.data.assets(personId);
    return { assets: assets.map((a) => assetView(rt, a)) };
  });

  app.get('/api/transactions', guard, async (request) => {
    const { personId } = sessionOf(request);
    const q = request.query as Record<string, unknown>;
    if (typeof q.assetId !== 'string' || q.assetId === '') throw invalid('assetId', 'is required', '자산을 선택하세요');
    const limit = q.limit === undefined ? PAGE : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw invalid('limit', `must be 1–${MAX_PAGE}`, `1~${MAX_PAGE} 사이여야 합니다`);
    }
    const { offset } = readCursor(q.cursor);
    const asset = (await domain.data.assets(personId, { includeDelisted: true })).find((a) => a.id === q.assetId);
    if (!asset)
      throw new OperatorError('OP_NOT_FOUND', 'no such asset of this person', '해당 자산이 없습니다', 'assetId');
    const tables = MOVEMENT_TABLES.get(asset.listApi) ?? [];
    const rows: { row: ModelRow; table: string; time: string }[] = [];
    for (const t of tables) {
      for (const row of await domain.data.rows(personId, t.name, { assetId: asset.id, limit: offset + limit + 1 })) {
        rows.push({ row, table: t.name, time: timeKey(row, t.time!) });
      }
    }
    rows.sort((a, b) => (a.time === b.time ? a.row.id.localeCompare(b.row.id) : a.time < b.time ? 1 : -1));
    const page = rows.slice(offset, offset + limit);
    const more = rows.length > offset + limit && offset + limit <= MAX_OFFSET;
    return {
      asset: assetView(rt, asset),
      transactions: page.map(({ row, table, time }) => ({
        id: row.id,
        kind: table,
        apiId: row.apiId,
        time,
        values: row.values,
        collectedAt: row.collectedAt,
      })),
      nextCursor: more ? writeCursor({ offset: offset + limit }) : null,
    };
  });
}
