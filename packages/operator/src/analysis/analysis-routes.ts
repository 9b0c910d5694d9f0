import { AnalysisError, CATEGORIES } from '@hannun/analysis';
import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { sendProblem } from '../http/app-error.ts';
import { requireSession, sessionOf } from '../http/session-guard.ts';
import { TransactionPages } from '../model/transaction-pages.ts';
import type { OperatorRuntime } from '../service/operator-runtime.ts';
import { invalid } from '../shared/operator-error.ts';
import { searchParams } from './search-params.ts';
import { searchAnalysed } from './transaction-search.ts';
import {
  creditView,
  recommendationsView,
  sectorView,
  spendingView,
  summaryView,
  thinFileView,
  todayOf,
  type ViewContext,
} from './analysis-views.ts';

const MONTH = /^\d{4}(0[1-9]|1[0-2])$/;
const PAGE = 50;
const MAX_PAGE = 200;

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** A refused analysis input (a malformed rule, a bad budget) as the app API's error: 400 with code, field, ko. */
function refusing(h: Handler): Handler {
  return async (request, reply) => {
    try {
      return await h(request, reply);
    } catch (e) {
      if (e instanceof AnalysisError)
        return sendProblem(reply, request, 400, e.code, e.message, { field: e.field, ko: e.ko });
      throw e;
    }
  };
}

function monthParam(raw: unknown): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !MONTH.test(raw))
    throw invalid('month', 'must be YYYYMM', '월은 YYYYMM 형식이어야 합니다');
  return raw;
}

/**
 * The analysis API (issue #7) under /api/analysis/…: every call behind the session; POSTs carry the CSRF token
 * and JSON (the app's rules, http/README.md). Reads are over the rollups kept on ingest.
 */
export function registerAnalysisRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const { domain } = rt;
  const guard = { preHandler: requireSession(rt) };
  const pages = new TransactionPages({ store: domain.store, crypto: domain.crypto });
  const ctx = (request: FastifyRequest): ViewContext => ({
    domain,
    personId: sessionOf(request).personId,
    name: (o) => rt.providers.name(o),
  });

  app.get('/api/analysis/categories', guard, async () => ({
    categories: CATEGORIES.map((c) => ({ key: c.key, ko: c.ko, en: c.en, kind: c.kind })),
  }));

  app.get('/api/analysis/summary', guard, async (request) => summaryView(ctx(request)));

  app.get('/api/analysis/spending', guard, async (request) => {
    const q = request.query as Record<string, unknown>;
    return spendingView(ctx(request), monthParam(q.month));
  });

  /**
   * The categorised movements: a month's, by offset (`month`, `offset`); or, with any of `q` (words), `direction`
   * (in/out), `from`/`to` (YYYYMMDD) or `cursor`, the whole history newest first by keyset, searched server-side
   * (transaction-search.ts: `nextCursor`, `scanLimited` when 5,000 movements were read). `category` narrows both.
   */
  app.get('/api/analysis/transactions', guard, async (request) => {
    const q = request.query as Record<string, unknown>;
    const limit = q.limit === undefined ? PAGE : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw invalid('limit', `must be 1–${MAX_PAGE}`, `1~${MAX_PAGE} 사이여야 합니다`);
    const search = searchParams(q);
    if (search) {
      const category = typeof q.category === 'string' && q.category !== '' ? q.category : undefined;
      return searchAnalysed({ pages, store: domain.store, crypto: domain.crypto }, sessionOf(request).personId, {
        ...search,
        limit,
        ...(category ? { category } : {}),
      });
    }
    const month = monthParam(q.month) ?? todayOf(domain).slice(0, 6);
    const offset = q.offset === undefined ? 0 : Number(q.offset);
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000)
      throw invalid('offset', 'must be 0–100000', '0~100000 사이여야 합니다');
    const category = typeof q.category === 'string' && q.category !== '' ? q.category : undefined;
    const { rows, more } = await domain.analysis.transactions(sessionOf(request).personId, {
      month,
      limit,
      offset,
      ...(category ? { category } : {}),
    });
    return { month, transactions: rows, nextOffset: more ? offset + limit : null };
  });

  app.post(
    '/api/analysis/transactions/:id/category',
    guard,
    refusing(async (request) => {
      const { id } = request.params as { id: string };
      const body = (request.body ?? {}) as Record<string, unknown>;
      return domain.analysis.recategorise(sessionOf(request).personId, id, body.category);
    }),
  );

  app.get('/api/analysis/rules', guard, async (request) => {
    const r = await domain.analysis.rules(sessionOf(request).personId);
    return {
      rules: r.rules.map(({ normalised: _n, ...rule }) => rule),
      learned: [...r.learned].map(([merchant, category]) => ({ id: r.learnedIds.get(merchant), merchant, category })),
    };
  });

  app.post(
    '/api/analysis/rules',
    guard,
    refusing(async (request, reply) => {
      const out = await domain.analysis.addRule(sessionOf(request).personId, request.body);
      return reply.code(201).send(out);
    }),
  );

  app.post('/api/analysis/rules/:id/delete', guard, async (request) => {
    const { id } = request.params as { id: string };
    return domain.analysis.deleteRule(sessionOf(request).personId, id);
  });

  app.get('/api/analysis/budgets', guard, async (request) => ({
    budgets: await domain.analysis.budgets(sessionOf(request).personId),
  }));

  app.post(
    '/api/analysis/budgets',
    guard,
    refusing(async (request) => ({
      budget: await domain.analysis.setBudget(sessionOf(request).personId, request.body),
    })),
  );

  app.post('/api/analysis/budgets/:category/delete', guard, async (request) => {
    const { category } = request.params as { category: string };
    return { deleted: await domain.analysis.deleteBudget(sessionOf(request).personId, category) };
  });

  app.get('/api/analysis/credit', guard, async (request) => creditView(ctx(request)));
  app.get('/api/analysis/thin-file', guard, async (request) => thinFileView(ctx(request)));
  app.get('/api/analysis/recommendations', guard, async (request) => recommendationsView(ctx(request)));

  app.get('/api/analysis/sector', guard, async (request) => {
    const q = request.query as Record<string, unknown>;
    let goal: { amount: number; months: number } | undefined;
    if (q.goalAmount !== undefined || q.goalMonths !== undefined) {
      const amount = Number(q.goalAmount);
      const months = Number(q.goalMonths);
      if (!Number.isSafeInteger(amount) || amount <= 0)
        throw invalid(
          'goalAmount',
          'must be a whole number of won above 0',
          '목표 금액은 0보다 큰 원 단위 정수여야 합니다',
        );
      if (!Number.isInteger(months) || months < 1 || months > 600)
        throw invalid('goalMonths', 'must be 1–600', '기간은 1~600개월이어야 합니다');
      goal = { amount, months };
    }
    return sectorView(ctx(request), goal);
  });
}
