import { createLogger, createLogSink } from '@hannun/infra';
import { formatDate, generateTranId } from '@hannun/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { kstDateTime, kstToEpochMs } from '../clock/kst.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import { createLedger } from '../ledger/create-ledger.ts';
import type { CustomerBook, InstitutionBook } from '../ledger/ledger.ts';
import { START } from '../ledger/testing/sample-ledger.ts';
import { createProviderEngine } from '../server/create-provider-engine.ts';

/**
 * Answers kept for identical requests on the generated ledger (answer-memo.ts): whatever was asked before,
 * an engine answers the bytes an engine that keeps none gives, cursors re-signed to the millisecond.
 */
const OPERATOR = 'MDHANNUN01';
const T0 = kstToEpochMs(2026, 3, 15, 13, 0, 0) + 250;
const SECRET = new Uint8Array(32).fill(7);

/** The same books, not saying they are pure: the engine keeps no answer of theirs. */
function unkept(books: Map<string, InstitutionBook>): Map<string, InstitutionBook> {
  const out = new Map<string, InstitutionBook>();
  for (const [org, book] of books) {
    out.set(org, {
      orgCode: book.orgCode,
      customers: () => book.customers(),
      customer(ci) {
        const c = book.customer(ci);
        if (!c) return undefined;
        return {
          ci: c.ci,
          holdings: (listApi, now) => c.holdings(listApi, now),
          snapshot: (apiId, holding, ctx) => c.snapshot(apiId, holding, ctx),
          series: (apiId, holding, ctx) => c.series(apiId, holding, ctx),
        } satisfies CustomerBook;
      },
    });
  }
  return out;
}

function world(keep: boolean) {
  const clock = createManualClock(T0);
  const generated = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 6, seed: 'answer-memo', start: START });
  const ledger = keep ? generated : unkept(generated);
  const consents = createMemoryConsentStore();
  const engine = createProviderEngine({
    institutions: DEMO_INSTITUTIONS,
    books: ledger.values(),
    consents,
    clock,
    config: {
      logger: createLogger({ service: 'answer-memo', destination: createLogSink(), level: 'error' }),
      metrics: false,
      cursorSecret: SECRET,
    },
  });
  return { clock, ledger, consents, engine };
}

const a = world(true);
const b = world(false);
afterAll(async () => {
  await a.engine.stop();
  await b.engine.stop();
});

async function setUp(w: ReturnType<typeof world>) {
  const bank = DEMO_INSTITUTIONS.find((i) => i.industry === 'bank')!;
  const book = w.ledger.get(bank.orgCode)!;
  const now = kstDateTime(T0);
  for (const ci of book.customers()) {
    const customer = book.customer(ci)!;
    for (const holding of customer.holdings('은행-001', now)) {
      if (holding.scope !== 'bank.deposit' || holding.status !== 'normal') continue;
      const consent: ConsentRecord = {
        id: 'memo-consent',
        orgCode: bank.orgCode,
        ci,
        recipientOrgCode: OPERATOR,
        clientId: 'hannun-app',
        scopes: ['bank.list', 'bank.deposit'],
        assets: [{ listApi: holding.listApi, key: holding.key }],
        isScheduled: false,
        fndCycle: '1/w',
        addCycle: '1/w',
        endDate: now.toPlainDate().add({ years: 1 }),
        purpose: '자산 현황 조회',
        period: formatDate(now.toPlainDate().add({ years: 1 })),
        flags: { transMemo: false, merchantNameRegno: true, transCategory: true },
        createdAt: T0 - 86_400_000,
      };
      w.consents.put(consent);
      const iat = Math.floor(T0 / 1000);
      const token = await w.engine.provider.mintAccessToken({
        iss: bank.orgCode,
        aud: OPERATOR,
        sub: consent.id,
        jti: 'memo-jti',
        scope: consent.scopes.join(' '),
        iat,
        exp: iat + 86_400,
      });
      const fields = {
        org_code: bank.orgCode,
        ...holding.key,
        from_date: formatDate(now.toPlainDate().subtract({ days: 90 })),
        to_date: formatDate(now.toPlainDate()),
        limit: '3',
      };
      const path = `${bank.basePath}/v2/bank/accounts/deposit/transactions`;
      const call = async (extra: Record<string, string> = {}) => {
        const res = await w.engine.inject({
          method: 'POST',
          url: path,
          headers: {
            authorization: `Bearer ${token}`,
            'x-api-tran-id': generateTranId(OPERATOR, 'M'),
            'x-api-type': 'user-refresh',
            'content-type': 'application/json',
          },
          payload: JSON.stringify({ ...fields, ...extra }),
        });
        return res.rawPayload;
      };
      const first = JSON.parse((await call()).toString()) as { next_page?: string };
      if (first.next_page) return call;
    }
  }
  throw new Error('no deposit account with two pages');
}

describe('answers kept for identical requests', () => {
  it('are the bytes of an engine that keeps none, cursors signed at each read time', async () => {
    const callA = await setUp(a);
    const callB = await setUp(b);
    const steps = [0, 0, 1, 1, 999, 1000, 1001, 3_600_000];
    for (const dt of steps) {
      a.clock.set(T0 + dt);
      b.clock.set(T0 + dt);
      const fromA = await callA();
      const fromB = await callB();
      expect(fromA.equals(fromB), `+${dt} ms`).toBe(true);
      expect((await callA()).equals(await callB()), `+${dt} ms, again`).toBe(true);
      const answer = JSON.parse(fromA.toString()) as { rsp_code?: string; next_page?: string };
      expect(answer.rsp_code, `+${dt} ms`).toBe('00000');
      const next = answer.next_page;
      expect(next).toBeDefined();
      const pageA = await callA({ next_page: next! });
      const pageB = await callB({ next_page: next! });
      expect(JSON.parse(pageA.toString()).rsp_code).toBe('00000');
      expect(pageA.equals(pageB), `page 2 at +${dt} ms`).toBe(true);
    }
  }, 60_000);
});
