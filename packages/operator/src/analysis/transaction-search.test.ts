import { describeEachDialect } from '@hannun/store/testing';
import { afterEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../http/testing/app-kit.ts';
import { TransactionPages } from '../model/transaction-pages.ts';
import { signUpInput } from '../testing/operator-test-kit.ts';
import { personWithCard } from './testing/analysis-fixtures.ts';
import { searchAnalysed } from './transaction-search.ts';

interface Row {
  readonly id: string;
  readonly date: string;
  readonly amount: number;
  readonly merchant: string | null;
  readonly category: string;
}

/** Two years of card spending (a café every month), a salary every month, one old dinner and one cancelled buy. */
const MONTHS = Array.from({ length: 24 }, (_, i) => {
  const n = 2024 * 12 + 11 + i; // December 2024, then month after month
  return `${Math.floor(n / 12)}${String((n % 12) + 1).padStart(2, '0')}`;
});

describeEachDialect('analysis API: GET /api/analysis/transactions over the whole history', (open) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function loggedIn() {
    t = await openTestApp(open);
    const p = await personWithCard(t.d);
    const profile = await t.d.people.profile(p.personId);
    const b = t.browser();
    expect(
      (await b.post('/api/login', { loginName: profile!.loginName, password: signUpInput().password })).statusCode,
    ).toBe(200);
    await p.storeDeposits(
      MONTHS.map((m, i) => ({
        no: `s${i}`,
        when: `${m}21090000`,
        amount: 3_000_000,
        cls: '급여',
        memo: '한눈전자 급여',
      })),
    );
    await p.storeApprovals([
      ...MONTHS.map((m, i) => ({ num: `c${i}`, when: `${m}10120000`, merchant: '스타벅스 강남역점', amount: 6_000 })),
      { num: 'old', when: `${MONTHS[0]}15193000`, merchant: '을지로 노포식당', amount: 42_000 },
      { num: 'gone', when: `${MONTHS[1]}15193000`, merchant: '을지로 노포식당', amount: 9_000, status: '02' },
      { num: 'branch', when: `${MONTHS[23]}12120000`, merchant: '스타벅스 역삼역점', amount: 5_500 },
    ]);
    return { b, p };
  }

  it('months are real, oldest first', () => {
    expect(MONTHS[0]).toBe('202412');
    expect(MONTHS[1]).toBe('202501');
    expect(MONTHS[23]).toBe('202611');
  });

  it('q finds a row from a month the month listing never showed, categorised, across the whole history; cancelled ones are not counted', async () => {
    const { b } = await loggedIn();
    const recent = (await b.get('/api/analysis/transactions?month=202611&limit=200')).json();
    expect(recent.transactions.some((x: Row) => x.merchant === '을지로 노포식당')).toBe(false);
    const r = await b.get(`/api/analysis/transactions?q=${encodeURIComponent('노포')}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { transactions: Row[]; nextCursor: string | null; scanLimited: boolean; scanned: number };
    expect(body.transactions).toHaveLength(1);
    expect(body.transactions[0]).toMatchObject({ date: '20241215', amount: -42_000, merchant: '을지로 노포식당' });
    expect(body.transactions[0]!.category).toMatch(/^[a-z-]+$/);
    expect(body.nextCursor).toBeNull();
    expect(body.scanLimited).toBe(false);
    // Every counted movement was read (24 deposits, 25 café approvals, the dinner, the cancelled one).
    expect(body.scanned).toBe(51);
    // A hit shows its own merchant text (the words it matched), whatever name its merchant is kept under.
    const branch = (await b.get(`/api/analysis/transactions?q=${encodeURIComponent('역삼')}`)).json();
    expect(branch.transactions.map((x: Row) => x.merchant)).toEqual(['스타벅스 역삼역점']);
  });

  it('direction (in/out), the period and the category narrow on the server; pages follow by a signed cursor without overlap', async () => {
    const { b } = await loggedIn();
    const ins = (await b.get('/api/analysis/transactions?direction=in&limit=200')).json().transactions as Row[];
    expect(ins).toHaveLength(24);
    expect(ins.every((x) => x.amount > 0)).toBe(true);
    const outs = (await b.get('/api/analysis/transactions?direction=out&limit=200')).json().transactions as Row[];
    expect(outs).toHaveLength(26);
    expect(outs.every((x) => x.amount < 0)).toBe(true);
    const dates = outs.map((x) => x.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const period = (await b.get('/api/analysis/transactions?from=20250101&to=20250331&limit=200')).json()
      .transactions as Row[];
    expect(period.map((x) => x.date)).toEqual(['20250321', '20250310', '20250221', '20250210', '20250121', '20250110']);

    const cafe = outs.find((x) => x.merchant === '스타벅스 강남역점')!.category;
    const cafes = (await b.get(`/api/analysis/transactions?direction=out&category=${cafe}&limit=200`)).json()
      .transactions as Row[];
    expect(cafes).toHaveLength(25);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await b.get(`/api/analysis/transactions?direction=out&limit=7${q}`)).json();
      expect(page.transactions.length).toBeLessThanOrEqual(7);
      seen.push(...page.transactions.map((x: Row) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(outs.map((x) => x.id));
  });

  it('bad input names its field: direction, the period, an altered cursor or one of another filter, words over 100 characters', async () => {
    const { b } = await loggedIn();
    const first = (await b.get('/api/analysis/transactions?direction=out&limit=2')).json();
    const cases: [string, string][] = [
      ['direction=sideways', 'direction'],
      ['from=20251301', 'from'],
      ['from=20250301&to=20250101', 'to'],
      [`cursor=${encodeURIComponent(`${first.nextCursor.slice(0, -2)}AA`)}&direction=out`, 'cursor'],
      [`cursor=${encodeURIComponent(first.nextCursor)}&direction=in`, 'cursor'],
      [`q=${'가'.repeat(101)}`, 'q'],
      ['q=x&limit=500', 'limit'],
    ];
    for (const [query, field] of cases) {
      const r = await b.get(`/api/analysis/transactions?${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(r.json(), query).toMatchObject({ code: 'OP_INVALID_INPUT', field });
    }
  });

  it('the scan cap: a search stops after maxScan movements read (scanLimited, a cursor), and goes on from there', async () => {
    const { p } = await loggedIn();
    const d = t!.d;
    const deps = {
      pages: new TransactionPages({ store: d.store, crypto: d.crypto }),
      store: d.store,
      crypto: d.crypto,
    };
    const first = await searchAnalysed(deps, p.personId, { text: '노포', limit: 50 }, 20);
    expect(first).toMatchObject({ transactions: [], scanned: 20, scanLimited: true });
    expect(first.nextCursor).not.toBeNull();
    const found: Row[] = [];
    let cursor = first.nextCursor;
    let rounds = 0;
    while (cursor && rounds < 5) {
      const next = await searchAnalysed(deps, p.personId, { text: '노포', limit: 50, cursor }, 20);
      expect(next.scanned).toBeLessThanOrEqual(20);
      found.push(...next.transactions);
      cursor = next.nextCursor;
      rounds += 1;
    }
    expect(found.map((x) => x.merchant)).toEqual(['을지로 노포식당']);
    // A category filter without words is capped the same way.
    const capped = await searchAnalysed(deps, p.personId, { category: 'no-such-category', limit: 50 }, 10);
    expect(capped).toMatchObject({ transactions: [], scanLimited: true });
    expect(capped.scanned).toBeGreaterThanOrEqual(10);
  });
});
