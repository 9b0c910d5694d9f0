import { describeEachDialect } from '@hannun/store/testing';
import { afterEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../http/testing/app-kit.ts';
import { signUpInput } from '../testing/operator-test-kit.ts';
import { personWithCard } from './testing/analysis-fixtures.ts';

describeEachDialect('analysis API: /api/analysis/…', (open) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function loggedIn() {
    t = await openTestApp(open);
    const input = signUpInput();
    const p = await personWithCard(t.d);
    // personWithCard signs up its own person: log in as that one.
    const profile = await t.d.people.profile(p.personId);
    const b = t.browser();
    const r = await b.post('/api/login', { loginName: profile!.loginName, password: input.password });
    expect(r.statusCode).toBe(200);
    const salary = ['202606', '202607', '202608', '202609', '202610', '202611'].map((m, i) => ({
      no: `s${i}`,
      when: `${m}21090000`,
      amount: 3_000_000,
      cls: '급여',
      memo: '한눈전자 급여',
    }));
    await p.storeDeposits(salary);
    const netflix = ['202607', '202608', '202609', '202610', '202611'].map((m, i) => ({
      num: `n${i}`,
      when: `${m}03120000`,
      merchant: '넷플릭스',
      amount: 13_500,
    }));
    await p.storeApprovals([
      ...netflix,
      { num: 'c1', when: '20261110120000', merchant: '스타벅스 강남역점', amount: 6_000 },
    ]);
    return { b, p };
  }

  it('needs a session', async () => {
    t = await openTestApp(open);
    const r = await t.browser().get('/api/analysis/summary');
    expect(r.statusCode).toBe(401);
  });

  it('summary (one glance): spending by category, the salary, the subscription, credit and net worth with unknowns said', async () => {
    const { b } = await loggedIn();
    const r = await b.get('/api/analysis/summary');
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s.spending.categories.map((c: { category: string }) => c.category)).toEqual(['digital', 'cafe']);
    expect(s.income.sources[0]).toMatchObject({ kind: 'salary', monthly: 3_000_000, regular: true });
    expect(s.recurring.find((x: { name: string }) => x.name === '넷플릭스')).toMatchObject({
      subscription: true,
      amount: 13_500,
    });
    // The sample account has no balance row yet: unknown with the reason, never zero.
    expect(s.netWorth.assets.known).toBe(false);
    expect(s.netWorth.unknowns.length).toBeGreaterThan(0);
    expect(s.credit.dsr.annualIncome).toMatchObject({ known: true });
  });

  it('transactions can be re-categorised (CSRF required); a malformed rule is refused with a code and Korean text', async () => {
    const { b } = await loggedIn();
    const list = (await b.get('/api/analysis/transactions?month=202611')).json();
    const coffee = list.transactions.find((x: { merchant: string }) => x.merchant === '스타벅스 강남역점');
    expect(coffee).toMatchObject({ category: 'cafe', source: 'dictionary', locked: false });
    const noCsrf = await b.post(
      `/api/analysis/transactions/${coffee.id}/category`,
      { category: 'restaurant' },
      { 'x-csrf-token': 'nope' },
    );
    expect(noCsrf.statusCode).toBe(403);
    const ok = await b.post(`/api/analysis/transactions/${coffee.id}/category`, { category: 'restaurant' });
    expect(ok.statusCode).toBe(200);
    const spend = (await b.get('/api/analysis/spending?month=202611')).json();
    expect(spend.spending.categories.map((c: { category: string }) => c.category).sort()).toEqual([
      'digital',
      'restaurant',
    ]);
    const bad = await b.post('/api/analysis/rules', { match: 'contains', pattern: '넷플릭스', category: 'movies' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ANALYSIS_RULE_CATEGORY', field: 'category' });
    expect(bad.json().ko).toMatch(/분류/);
    const good = await b.post('/api/analysis/rules', { match: 'contains', pattern: '넷플릭스', category: 'culture' });
    expect(good.statusCode).toBe(201);
    expect(good.json().applied).toBe(5);
    expect((await b.get('/api/analysis/rules')).json().rules).toHaveLength(1);
    expect((await b.get('/api/analysis/spending?month=2026-11')).statusCode).toBe(400);
  });

  it('budgets, credit, thin-file, recommendations and sector services answer with reasons', async () => {
    const { b } = await loggedIn();
    expect((await b.post('/api/analysis/budgets', { category: 'digital', monthly: 10_000 })).statusCode).toBe(200);
    const badBudget = await b.post('/api/analysis/budgets', { category: 'digital', monthly: -5 });
    expect(badBudget.json()).toMatchObject({ code: 'ANALYSIS_BUDGET', field: 'monthly' });
    const spend = (await b.get('/api/analysis/spending')).json();
    expect(spend.budgets[0]).toMatchObject({ category: 'digital', alert: 'over' });
    const credit = (await b.get('/api/analysis/credit')).json();
    expect(credit.dsr.ratio).toMatchObject({ known: true, value: 0 });
    const thin = (await b.get('/api/analysis/thin-file')).json();
    expect(thin.scorecard.factors.map((f: { key: string }) => f.key)).toEqual([
      'telecom',
      'epay',
      'deposit-stability',
      'income-regularity',
    ]);
    expect(thin.scorecard.factors[0].points.known).toBe(false);
    const recs = (await b.get('/api/analysis/recommendations')).json();
    for (const r of recs.recommendations) expect(r.reason.ko.length).toBeGreaterThan(0);
    const sector = (await b.get('/api/analysis/sector?goalAmount=1200000&goalMonths=12')).json();
    expect(sector.savingsPlan.goal).toMatchObject({ monthlyNeeded: 100_000 });
    expect(sector.investment.fees.known).toBe(false);
    expect((await b.get('/api/analysis/sector?goalAmount=-1&goalMonths=3')).statusCode).toBe(400);
  });
});
