import { randomUUID } from 'node:crypto';
import {
  AnalysisError,
  addMonths,
  type Budget,
  type Categoriser,
  checkBudget,
  checkRule,
  type DayTotal,
  isCategory,
  learnedCategory,
  MERCHANT_CATEGORIES,
  type MerchantMonth,
  type MonthCategoryTotal,
  type PaymentRow,
  type PersonCategoriser,
  ruleMatches,
  UNCATEGORISED,
  UNUSUAL_PAYMENT,
} from '@hannun/analysis';
import {
  bindList,
  bindRows,
  type Kysely,
  QueryTemplates,
  type Store,
  type StoreDialect,
  sql,
  type Transaction,
} from '@hannun/store';
import { type PersonCipher, personCipher } from '../crypto/field-cipher.ts';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import { type LooseDatabase, type LooseRow, loose } from '../model/model-db.ts';
import type { PlainRow } from '../model/row-identity.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { OperatorError } from '../shared/operator-error.ts';
import type { Clock } from '../time/clock.ts';
import { loadContext, type StoredContext, T_MERCHANT, T_RULE } from './person-context.ts';
import { RollupDeltas, type RowShare } from './rollup-writer.ts';
import { ANALYSED_TABLES, txFromRow } from './tx-from-row.ts';
import { analysedTxQuery, toAnalysedTx } from './analysed-tx.ts';

type Db = Kysely<OperatorDatabase>;

/** Rows of one model write, as CollectedData hands them over inside its transaction. */
export interface StoredRows {
  readonly personId: string;
  readonly orgCode: string;
  readonly apiId: string;
  readonly table: string;
  readonly rows: readonly { readonly id: string; readonly row: PlainRow }[];
}

interface TxRow {
  readonly id: string;
  readonly org_code: string;
  readonly table_name: string;
  readonly day: string;
  readonly month: string;
  readonly amount: number;
  readonly merchant_id: string | null;
  readonly category: string;
  readonly kind: string;
  readonly source: string;
  readonly confidence_pm: number;
  readonly base_category: string;
  readonly base_source: string;
  readonly base_confidence_pm: number;
  readonly locked: boolean;
  readonly edited_at: number | null;
}

const shareOf = (r: Pick<TxRow, 'month' | 'day' | 'amount' | 'category' | 'merchant_id'>): RowShare => ({
  month: r.month,
  day: r.day,
  amount: Number(r.amount),
  category: r.category,
  merchantId: r.merchant_id,
});

const CHUNK = 100;
export const MAX_RULES = 200;

/** op_an_tx's columns as the ingest writes them (every one, every time). */
const TX_COLUMNS = [
  'id',
  'person_id',
  'org_code',
  'table_name',
  'day',
  'month',
  'amount',
  'merchant_id',
  'category',
  'kind',
  'source',
  'confidence_pm',
  'base_category',
  'base_source',
  'base_confidence_pm',
  'locked',
  'edited_at',
] as const;
const TX_UPDATED = TX_COLUMNS.filter((c) => c !== 'id' && c !== 'person_id');
const MERCHANT_COLUMNS = ['id', 'person_id', 'key_sealed', 'name_sealed'] as const;

/** The ingest's statements depend only on the dialect and the shape: compiled once per process (QueryTemplates). */
const TEMPLATES: Record<StoreDialect, QueryTemplates> = {
  sqlite: new QueryTemplates(),
  postgres: new QueryTemplates(),
};

/**
 * analysis/: categorises every counted movement as it is stored (inside the model's own transaction, so the
 * rollups never disagree with the rows), keeps the rollups by increments, and applies the person's edits and
 * rules. Reads are over the rollups only, so the dashboard costs a few small queries whatever the history.
 */
export class AnalysisService {
  readonly #store: Store<OperatorDatabase>;
  readonly #crypto: OperatorCrypto;
  readonly #clock: Clock;
  readonly #categoriser: () => Categoriser;
  readonly #contexts = new Map<string, { version: number; ctx: StoredContext; pc: PersonCategoriser }>();
  readonly #templates: QueryTemplates;

  constructor(o: {
    store: Store<OperatorDatabase>;
    crypto: OperatorCrypto;
    clock: Clock;
    categoriser: () => Categoriser;
  }) {
    this.#store = o.store;
    this.#crypto = o.crypto;
    this.#clock = o.clock;
    this.#categoriser = o.categoriser;
    this.#templates = TEMPLATES[o.store.dialect];
  }

  readonly #merchantIds = new Map<string, string>();

  /** The merchant's opaque id for this person: a keyed HMAC (cached: a page repeats merchants). */
  merchantId(personId: string, key: string): string {
    const k = `${personId}|${key}`;
    let id = this.#merchantIds.get(k);
    if (id === undefined) {
      id = this.#crypto.index.index(T_MERCHANT, k);
      if (this.#merchantIds.size > 100_000) this.#merchantIds.clear();
      this.#merchantIds.set(k, id);
    }
    return id;
  }

  async #person(
    db: Db,
    personId: string,
    cipher: PersonCipher,
  ): Promise<{ ctx: StoredContext; pc: PersonCategoriser }> {
    // One primary-key read: the person's rule version, bumped with every change by any process (no TTL).
    const version = await ruleVersion(loose(db), personId, this.#templates);
    const hit = this.#contexts.get(personId);
    if (hit && hit.version === version) return hit;
    const ctx = await loadContext(loose(db), personId, cipher);
    const pc = this.#categoriser().forPerson({
      rules: ctx.rules,
      learned: ctx.learned,
      corrections: ctx.corrections.filter((c) => MERCHANT_CATEGORIES.includes(c.category)),
    });
    const entry = { version, ctx, pc };
    if (this.#contexts.size > 5_000) this.#contexts.clear();
    this.#contexts.set(personId, entry);
    return entry;
  }

  #forget(personId: string): void {
    this.#contexts.delete(personId);
  }

  /** The model's hook: rows of a movement table were written (inside `trx`). Idempotent. */
  async rowsStored(trx: Transaction<OperatorDatabase>, e: StoredRows): Promise<void> {
    if (!ANALYSED_TABLES.has(e.table) || e.rows.length === 0) return;
    const db = loose(trx);
    const cipher = personCipher(await this.#crypto.keys.load(trx, e.personId));
    const { pc } = await this.#person(trx, e.personId, cipher);
    const existing = new Map<string, TxRow>();
    const ids = e.rows.map((r) => r.id);
    for (const query of bindList(this.#templates, 'an_tx|select', ids, (list) =>
      db.selectFrom('op_an_tx').selectAll().where('id', 'in', list),
    ))
      for (const r of (await db.executeQuery(query)).rows as unknown as TxRow[]) existing.set(r.id, r);
    const deltas = new RollupDeltas();
    const upserts: LooseRow[] = [];
    const removed: string[] = [];
    const merchants = new Map<string, { key: string; name: string }>();
    for (const { id, row } of e.rows) {
      const old = existing.get(id);
      const tx = txFromRow(e.table, id, e.orgCode, row);
      if (!tx) {
        if (old) {
          deltas.add(shareOf(old), -1);
          removed.push(id);
        }
        continue;
      }
      const { result, base } = pc.explain(tx, old?.locked ? old.category : null);
      const merchantId = result.merchantKey === '' ? null : this.merchantId(e.personId, result.merchantKey);
      if (merchantId !== null && !merchants.has(merchantId))
        merchants.set(merchantId, { key: result.merchantKey, name: tx.merchant ?? '' });
      const next = {
        id,
        person_id: e.personId,
        org_code: e.orgCode,
        table_name: e.table,
        day: tx.date,
        month: tx.date.slice(0, 6),
        amount: tx.amount,
        merchant_id: merchantId,
        category: result.category,
        kind: deltasKind(result.category, tx.amount),
        source: result.source,
        confidence_pm: Math.round(result.confidence * 1000),
        base_category: base.category,
        base_source: base.source,
        base_confidence_pm: Math.round(base.confidence * 1000),
        locked: old?.locked ?? false,
        edited_at: old?.edited_at ?? null,
      };
      if (old && sameRow(old, next)) continue;
      if (old) deltas.add(shareOf(old), -1);
      deltas.add(shareOf(next), 1);
      upserts.push(next);
    }
    await this.#ensureMerchants(db, e.personId, merchants, cipher);
    for (const query of bindRows(this.#templates, 'an_tx|upsert', TX_COLUMNS, upserts, (rows) =>
      db
        .insertInto('op_an_tx')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => Object.fromEntries(TX_UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)]))),
        ),
    ))
      await db.executeQuery(query);
    for (const query of bindList(this.#templates, 'an_tx|delete', removed, (list) =>
      db.deleteFrom('op_an_tx').where('id', 'in', list),
    ))
      await db.executeQuery(query);
    await deltas.write(db, e.personId, this.#templates);
  }

  async #ensureMerchants(
    db: Kysely<LooseDatabase>,
    personId: string,
    merchants: Map<string, { key: string; name: string }>,
    cipher: PersonCipher,
  ): Promise<void> {
    if (merchants.size === 0) return;
    // Sorted: concurrent collections of one person insert the same merchants, in one lock order (no deadlock).
    const ids = [...merchants.keys()].sort();
    const have = new Set<string>();
    for (const query of bindList(this.#templates, 'an_merchant|select', ids, (list) =>
      db.selectFrom(T_MERCHANT).select('id').where('id', 'in', list),
    ))
      for (const r of (await db.executeQuery<{ id: string }>(query)).rows) have.add(String(r.id));
    const fresh = ids.filter((id) => !have.has(id));
    if (fresh.length === 0) return;
    const values = fresh.map((id) => {
      const m = merchants.get(id)!;
      return {
        id,
        person_id: personId,
        key_sealed: cipher.seal(T_MERCHANT, 'key', id, m.key),
        name_sealed: cipher.seal(T_MERCHANT, 'name', id, m.name),
      };
    });
    for (const query of bindRows(this.#templates, 'an_merchant|insert', MERCHANT_COLUMNS, values, (rows) =>
      db
        .insertInto(T_MERCHANT)
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing()),
    ))
      await db.executeQuery(query);
  }

  /** The model's hook: everything from one institution was deleted for the person (inside `trx`). */
  async institutionDeleted(trx: Transaction<OperatorDatabase>, personId: string, orgCode: string): Promise<void> {
    const db = loose(trx);
    const rows = (await db
      .selectFrom('op_an_tx')
      .selectAll()
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .execute()) as unknown as TxRow[];
    if (rows.length === 0) return;
    const deltas = new RollupDeltas();
    for (const r of rows) deltas.add(shareOf(r), -1);
    await db.deleteFrom('op_an_tx').where('person_id', '=', personId).where('org_code', '=', orgCode).execute();
    await deltas.write(db, personId, this.#templates);
  }

  /**
   * The person sets a row's category: the row is locked (re-collection and rules never change it again). When
   * 3 of the merchant's last 5 rows now carry the same category the person chose, a learned rule follows and
   * the merchant's other rows (not locked, not under a rule of the person's) take that category.
   */
  async recategorise(
    personId: string,
    txId: string,
    category: unknown,
  ): Promise<{ from: string; to: string; learned: string | null; applied: number }> {
    if (typeof category !== 'string' || !isCategory(category) || category === UNCATEGORISED) {
      throw new AnalysisError(
        'ANALYSIS_CATEGORY',
        'category',
        'is not a category (see GET /api/analysis/categories)',
        '없는 분류입니다. 분류 목록에서 고르세요',
      );
    }
    const out = await this.#store.transaction(async (trx) => {
      const db = loose(trx);
      const row = (await db
        .selectFrom('op_an_tx')
        .selectAll()
        .where('id', '=', txId)
        .where('person_id', '=', personId)
        .executeTakeFirst()) as TxRow | undefined;
      if (!row)
        throw new OperatorError('OP_NOT_FOUND', 'no such transaction of this person', '해당 거래가 없습니다', 'id');
      const deltas = new RollupDeltas();
      deltas.add(shareOf(row), -1);
      deltas.add(shareOf({ ...row, category }), 1);
      await db
        .updateTable('op_an_tx')
        .set({
          category,
          kind: deltasKind(category, Number(row.amount)),
          source: 'person',
          confidence_pm: 1000,
          locked: true,
          edited_at: this.#clock.nowMs(),
        })
        .where('id', '=', txId)
        .execute();
      let learned: string | null = null;
      let applied = 0;
      if (row.merchant_id !== null) {
        const recent = await db
          .selectFrom('op_an_tx')
          .select(['day', 'category', 'source'])
          .where('person_id', '=', personId)
          .where('merchant_id', '=', row.merchant_id)
          .orderBy('day', 'desc')
          .orderBy('id')
          .limit(5)
          .execute();
        const c = learnedCategory(
          recent.map((r) => ({
            date: String(r.day),
            personCategory: r.source === 'person' ? String(r.category) : null,
          })),
        );
        if (c !== undefined) {
          learned = c;
          applied = await this.#learn(trx, personId, row.merchant_id, c, deltas);
        }
      }
      await deltas.write(db, personId, this.#templates);
      // The edit teaches the person's model (a correction) and may have made a learned rule.
      await bumpRuleVersion(db, personId);
      return { from: row.category, to: category, learned, applied };
    });
    this.#forget(personId);
    return out;
  }

  async #learn(
    trx: Transaction<OperatorDatabase>,
    personId: string,
    merchantId: string,
    category: string,
    deltas: RollupDeltas,
  ): Promise<number> {
    const db = loose(trx);
    const cipher = personCipher(await this.#crypto.keys.load(trx, personId));
    const m = await db
      .selectFrom(T_MERCHANT)
      .select(['id', 'key_sealed'])
      .where('id', '=', merchantId)
      .executeTakeFirst();
    if (!m) return 0;
    const key = cipher.open(T_MERCHANT, 'key', merchantId, String(m.key_sealed));
    await db
      .deleteFrom(T_RULE)
      .where('person_id', '=', personId)
      .where('origin', '=', 'learned')
      .where('merchant_id', '=', merchantId)
      .execute();
    const id = randomUUID();
    await db
      .insertInto(T_RULE)
      .values({
        id,
        person_id: personId,
        origin: 'learned',
        match: 'exact',
        pattern_sealed: cipher.seal(T_RULE, 'pattern', id, key),
        category,
        min_amount: null,
        max_amount: null,
        merchant_id: merchantId,
        created_at: this.#clock.nowMs(),
      })
      .execute();
    const rows = (await db
      .selectFrom('op_an_tx')
      .selectAll()
      .where('person_id', '=', personId)
      .where('merchant_id', '=', merchantId)
      .where('locked', '=', false)
      .where('source', '<>', 'person-rule')
      .execute()) as unknown as TxRow[];
    let n = 0;
    for (const r of rows) {
      if (r.category === category) continue;
      deltas.add(shareOf(r), -1);
      deltas.add(shareOf({ ...r, category }), 1);
      await db
        .updateTable('op_an_tx')
        .set({ category, kind: deltasKind(category, Number(r.amount)), source: 'learned-rule', confidence_pm: 1000 })
        .where('id', '=', r.id)
        .execute();
      n++;
    }
    return n;
  }

  /** A person's rule, checked (malformed: AnalysisError with a code and ko/en), stored sealed, applied to past rows. */
  async addRule(personId: string, input: unknown): Promise<{ id: string; applied: number }> {
    const rule = checkRule(input);
    const out = await this.#store.transaction(async (trx) => {
      const db = loose(trx);
      const count = await db
        .selectFrom(T_RULE)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('person_id', '=', personId)
        .where('origin', '=', 'person')
        .executeTakeFirst();
      if (Number(count?.n ?? 0) >= MAX_RULES) {
        throw new AnalysisError(
          'ANALYSIS_RULE_PATTERN',
          'rule',
          `at most ${MAX_RULES} rules; delete one first`,
          `규칙은 ${MAX_RULES}개까지입니다. 하나를 지운 뒤 추가하세요`,
        );
      }
      const cipher = personCipher(await this.#crypto.keys.load(trx, personId));
      const id = randomUUID();
      await db
        .insertInto(T_RULE)
        .values({
          id,
          person_id: personId,
          origin: 'person',
          match: rule.match,
          pattern_sealed: cipher.seal(T_RULE, 'pattern', id, rule.pattern),
          category: rule.category,
          min_amount: rule.minAmount ?? null,
          max_amount: rule.maxAmount ?? null,
          merchant_id: null,
          created_at: this.#clock.nowMs(),
        })
        .execute();
      const keys = await this.#merchantKeys(db, personId, cipher);
      const anyAmount = { ...rule, minAmount: undefined, maxAmount: undefined };
      const matched = [...keys].filter(([, key]) => ruleMatches(anyAmount, key, 0)).map(([id]) => id);
      const deltas = new RollupDeltas();
      let applied = 0;
      for (let i = 0; i < matched.length; i += CHUNK) {
        const rows = (await db
          .selectFrom('op_an_tx')
          .selectAll()
          .where('person_id', '=', personId)
          .where('merchant_id', 'in', matched.slice(i, i + CHUNK))
          .where('locked', '=', false)
          .execute()) as unknown as TxRow[];
        for (const r of rows) {
          if (!ruleMatches(rule, keys.get(r.merchant_id!)!, Number(r.amount))) continue;
          if (r.category === rule.category && r.source === 'person-rule') continue;
          deltas.add(shareOf(r), -1);
          deltas.add(shareOf({ ...r, category: rule.category }), 1);
          await db
            .updateTable('op_an_tx')
            .set({
              category: rule.category,
              kind: deltasKind(rule.category, Number(r.amount)),
              source: 'person-rule',
              confidence_pm: 1000,
            })
            .where('id', '=', r.id)
            .execute();
          applied++;
        }
      }
      await deltas.write(db, personId, this.#templates);
      await bumpRuleVersion(db, personId);
      return { id, applied };
    });
    this.#forget(personId);
    return out;
  }

  /** Deletes a rule (the person's or a learned one); rows it decided fall back to the other rules or the pipeline. */
  async deleteRule(personId: string, ruleId: string): Promise<{ reverted: number }> {
    // The context read inside the transaction is not cached past it (rolled back, it would be a wrong one).
    try {
      return await this.#deleteRule(personId, ruleId);
    } finally {
      this.#forget(personId);
    }
  }

  async #deleteRule(personId: string, ruleId: string): Promise<{ reverted: number }> {
    return this.#store.transaction(async (trx) => {
      const db = loose(trx);
      const r = await db
        .selectFrom(T_RULE)
        .select(['id', 'origin'])
        .where('id', '=', ruleId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      if (!r) throw new OperatorError('OP_NOT_FOUND', 'no such rule of this person', '해당 규칙이 없습니다', 'id');
      await db.deleteFrom(T_RULE).where('id', '=', ruleId).execute();
      await bumpRuleVersion(db, personId);
      const cipher = personCipher(await this.#crypto.keys.load(trx, personId));
      this.#forget(personId);
      const { pc } = await this.#person(trx, personId, cipher);
      const keys = await this.#merchantKeys(db, personId, cipher);
      const rows = (await db
        .selectFrom('op_an_tx')
        .selectAll()
        .where('person_id', '=', personId)
        .where('locked', '=', false)
        .where('source', 'in', ['person-rule', 'learned-rule'])
        .execute()) as unknown as TxRow[];
      const deltas = new RollupDeltas();
      let reverted = 0;
      for (const row of rows) {
        const key = row.merchant_id ? keys.get(row.merchant_id) : undefined;
        const p = key ? pc.personal(key, Number(row.amount)) : undefined;
        const next = p
          ? { category: p.category, source: p.source, confidence_pm: 1000 }
          : { category: row.base_category, source: row.base_source, confidence_pm: Number(row.base_confidence_pm) };
        if (next.category === row.category && next.source === row.source) continue;
        deltas.add(shareOf(row), -1);
        deltas.add(shareOf({ ...row, category: next.category }), 1);
        await db
          .updateTable('op_an_tx')
          .set({ ...next, kind: deltasKind(next.category, Number(row.amount)) })
          .where('id', '=', row.id)
          .execute();
        reverted++;
      }
      await deltas.write(db, personId, this.#templates);
      return { reverted };
    });
  }

  async #merchantKeys(db: Kysely<LooseDatabase>, personId: string, cipher: PersonCipher): Promise<Map<string, string>> {
    const rows = await db
      .selectFrom(T_MERCHANT)
      .select(['id', 'key_sealed'])
      .where('person_id', '=', personId)
      .execute();
    return new Map(rows.map((r) => [String(r.id), cipher.open(T_MERCHANT, 'key', String(r.id), String(r.key_sealed))]));
  }

  /** The person's rules, opened, in words. */
  async rules(personId: string): Promise<StoredContext> {
    const { db } = this.#store;
    const cipher = await this.#crypto.cipherFor(db, personId);
    return loadContext(loose(db), personId, cipher);
  }

  async setBudget(personId: string, input: unknown): Promise<Budget> {
    const b = checkBudget(input);
    await loose(this.#store.db)
      .insertInto('op_an_budget')
      .values({ person_id: personId, category: b.category, monthly: b.monthly })
      .onConflict((oc) => oc.columns(['person_id', 'category']).doUpdateSet({ monthly: b.monthly }))
      .execute();
    return b;
  }

  async deleteBudget(personId: string, category: string): Promise<boolean> {
    const r = await loose(this.#store.db)
      .deleteFrom('op_an_budget')
      .where('person_id', '=', personId)
      .where('category', '=', category)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async budgets(personId: string): Promise<Budget[]> {
    const rows = await loose(this.#store.db)
      .selectFrom('op_an_budget')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('category')
      .execute();
    return rows.map((r) => ({ category: String(r.category), monthly: Number(r.monthly) }));
  }

  /** Month × category rollups from `from` to `to` (YYYYMM, inclusive). */
  async months(personId: string, from: string, to: string): Promise<MonthCategoryTotal[]> {
    const rows = await loose(this.#store.db)
      .selectFrom('op_an_month')
      .selectAll()
      .where('person_id', '=', personId)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .execute();
    return rows
      .filter((r) => Number(r.count) !== 0 || Number(r.total) !== 0)
      .map((r) => ({
        month: String(r.month),
        category: String(r.category),
        kind: String(r.kind) as MonthCategoryTotal['kind'],
        total: Number(r.total),
        count: Number(r.count),
      }));
  }

  /**
   * Merchant × month rollups. Merchants are named by their opaque id (`merchantKey` = merchant_id, `name` = ''):
   * detection works on ids, and only what is shown gets its name opened (`merchantNames`).
   */
  async merchantMonths(
    personId: string,
    from: string,
    to: string,
    only: { readonly flow?: 'in' | 'out'; readonly inMonths?: { from: string; to: string; atLeast: number } } = {},
  ): Promise<MerchantMonth[]> {
    const db = loose(this.#store.db);
    let q = db
      .selectFrom('op_an_merchant_month')
      .select(['merchant_id', 'category', 'month', 'total', 'count', 'day_sum'])
      .where('person_id', '=', personId)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .where('count', '>', 0);
    if (only.flow === 'in') q = q.where('total', '>', 0);
    if (only.flow === 'out') q = q.where('total', '<', 0);
    const w = only.inMonths;
    if (w) {
      // Merchants seen in at least `atLeast` months of the window: grouped by the database, so only candidates come back.
      const candidates = db
        .selectFrom('op_an_merchant_month')
        .select('merchant_id')
        .where('person_id', '=', personId)
        .where('month', '>=', w.from)
        .where('month', '<=', w.to)
        .where('count', '>', 0)
        .groupBy('merchant_id')
        .having(sql`count(*)`, '>=', w.atLeast);
      q = q.where('merchant_id', 'in', candidates);
    }
    const rows = await q.execute();
    return rows.map((r) => ({
      merchantKey: String(r.merchant_id),
      name: '',
      category: String(r.category),
      month: String(r.month),
      total: Number(r.total),
      count: Number(r.count),
      daySum: Number(r.day_sum),
    }));
  }

  /** The names (as statements showed them) of some of the person's merchants, opened. */
  async merchantNames(personId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    const { db } = this.#store;
    const cipher = await this.#crypto.cipherFor(db, personId);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await loose(db)
        .selectFrom(T_MERCHANT)
        .select(['id', 'name_sealed'])
        .where('person_id', '=', personId)
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) out.set(String(r.id), cipher.open(T_MERCHANT, 'name', String(r.id), String(r.name_sealed)));
    }
    return out;
  }

  async days(personId: string, from: string, to: string): Promise<DayTotal[]> {
    const rows = await loose(this.#store.db)
      .selectFrom('op_an_day')
      .selectAll()
      .where('person_id', '=', personId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    return rows
      .filter((r) => Number(r.count) !== 0)
      .map((r) => ({
        date: String(r.day),
        kind: String(r.kind) as DayTotal['kind'],
        total: Number(r.total),
        count: Number(r.count),
      }));
  }

  /** A month's categorised movements (newest first), with merchant names, for the person to check and edit. */
  async transactions(personId: string, o: { month: string; category?: string; limit: number; offset: number }) {
    const { db } = this.#store;
    let q = analysedTxQuery(db, personId).where('t.month', '=', o.month);
    if (o.category !== undefined) q = q.where('t.category', '=', o.category);
    const rows = await q
      .orderBy('t.day', 'desc')
      .orderBy('t.id')
      .limit(o.limit + 1)
      .offset(o.offset)
      .execute();
    const page = rows.slice(0, o.limit);
    const cipher = page.length > 0 ? await this.#crypto.cipherFor(db, personId) : undefined;
    return {
      rows: cipher ? page.map((r) => toAnalysedTx(r, cipher)) : [],
      more: rows.length > o.limit,
    };
  }

  /**
   * Spending rows of `month` worth judging (over the smallest flaggable amount) and the person's spending rows of
   * the 12 months before and the month itself that they are judged against (same merchants or categories).
   */
  async paymentHistory(personId: string, month: string): Promise<{ payments: PaymentRow[]; history: PaymentRow[] }> {
    const db = loose(this.#store.db);
    const cols = ['id', 'day', 'amount', 'merchant_id', 'category'] as const;
    const toRow = (r: Record<string, unknown>): PaymentRow => ({
      id: String(r.id),
      date: String(r.day),
      amount: Number(r.amount),
      merchantKey: r.merchant_id === null ? null : String(r.merchant_id),
      category: String(r.category),
    });
    const payments = (
      await db
        .selectFrom('op_an_tx')
        .select([...cols])
        .where('person_id', '=', personId)
        .where('month', '=', month)
        .where('kind', '=', 'spend')
        .where('amount', '<', -UNUSUAL_PAYMENT.minExcess)
        .execute()
    ).map(toRow);
    if (payments.length === 0) return { payments, history: [] };
    // One range over the (person, month) index, filtered here: an OR of merchant and category lists makes the
    // database scan far more (measured: 10× slower on 100,000 rows).
    const merchants = new Set(payments.flatMap((p) => (p.merchantKey === null ? [] : [p.merchantKey])));
    const categories = new Set(payments.map((p) => p.category));
    const rows = await db
      .selectFrom('op_an_tx')
      .select([...cols])
      .where('person_id', '=', personId)
      .where('month', '>=', addMonths(month, -UNUSUAL_PAYMENT.months))
      .where('month', '<=', month)
      .where('kind', '=', 'spend')
      .execute();
    const history: PaymentRow[] = [];
    for (const r of rows)
      if (categories.has(String(r.category)) || (r.merchant_id !== null && merchants.has(String(r.merchant_id))))
        history.push(toRow(r));
    return { payments, history };
  }

  readonly #recorded = new Map<string, string>();

  /** Keeps one net-worth point per day (for "over time"); a later reading of the same day replaces it. */
  async recordNetWorth(
    personId: string,
    day: string,
    assets: number,
    liabilities: number,
    complete: boolean,
  ): Promise<void> {
    const point = `${day}|${assets}|${liabilities}|${complete}`;
    if (this.#recorded.get(personId) === point) return;
    if (this.#recorded.size > 10_000) this.#recorded.clear();
    this.#recorded.set(personId, point);
    await loose(this.#store.db)
      .insertInto('op_an_net_worth')
      .values({ person_id: personId, day, assets, liabilities, complete })
      .onConflict((oc) => oc.columns(['person_id', 'day']).doUpdateSet({ assets, liabilities, complete }))
      .execute();
  }

  async netWorthHistory(
    personId: string,
    limit = 366,
  ): Promise<{ date: string; assets: number; liabilities: number; net: number; complete: boolean }[]> {
    const rows = await loose(this.#store.db)
      .selectFrom('op_an_net_worth')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('day', 'desc')
      .limit(limit)
      .execute();
    return rows
      .map((r) => ({
        date: String(r.day),
        assets: Number(r.assets),
        liabilities: Number(r.liabilities),
        net: Number(r.assets) - Number(r.liabilities),
        complete: Boolean(r.complete),
      }))
      .reverse();
  }
}

const T_RULE_VERSION = 'op_an_rule_version';

/** The person's rule version (0 before any change). */
async function ruleVersion(db: Kysely<LooseDatabase>, personId: string, templates: QueryTemplates): Promise<number> {
  const query = templates.bind(
    T_RULE_VERSION,
    (slot) => db.selectFrom(T_RULE_VERSION).select('version').where('person_id', '=', slot(0)),
    [personId],
  );
  const r = (await db.executeQuery<{ version: unknown }>(query)).rows[0];
  return r ? Number(r.version) : 0;
}

/** Bumps the person's rule version inside the transaction that changes their rules: every process sees it next. */
export async function bumpRuleVersion(db: Kysely<LooseDatabase>, personId: string): Promise<void> {
  await db
    .insertInto(T_RULE_VERSION)
    .values({ person_id: personId, version: 1 })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({ version: sql`${sql.ref(`${T_RULE_VERSION}.version`)} + 1` }),
    )
    .execute();
}

function deltasKind(category: string, amount: number): string {
  return RollupDeltas.kindOf(category, amount);
}

function sameRow(
  old: TxRow,
  next: {
    day: string;
    amount: number;
    merchant_id: string | null;
    category: string;
    source: string;
    base_category: string;
  },
): boolean {
  return (
    old.day === next.day &&
    Number(old.amount) === next.amount &&
    old.merchant_id === next.merchant_id &&
    old.category === next.category &&
    old.source === next.source &&
    old.base_category === next.base_category
  );
}
