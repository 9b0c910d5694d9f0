import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
// The operator's own test kit: the app over a real store and domain, people signed up directly.
import { bankDraft, openTestApp, personWithCard, signUpInput, type TestApp } from '@hannun/operator/testing';

/**
 * Security suite (issue #9 item 4) at the operator: with person A's session, every route that takes an id
 * is called with person B's ids: each answers 404 with a code, B's data is unchanged, A's answers hold none of
 * B's values. No session, and a session replayed after logout or leaving, answer 401.
 */
async function person(t: TestApp) {
  const p = await personWithCard(t.d);
  const profile = await t.d.people.profile(p.personId);
  const b = t.browser();
  const r = await b.post('/api/login', { loginName: profile!.loginName, password: signUpInput().password });
  if (r.statusCode !== 200) throw new Error(r.body);
  await p.storeApprovals([
    {
      num: `n${p.personId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`,
      when: '20261110120000',
      merchant: '비밀상점',
      amount: 7_000,
    },
  ]);
  const consent = await t.d.consents.propose(p.personId, bankDraft());
  const rule = await b.post('/api/analysis/rules', { pattern: '비밀상점', category: 'cafe' });
  if (rule.statusCode !== 201) throw new Error(rule.body);
  const tx = (await b.get('/api/analysis/transactions?month=202611')).json().transactions as { id: string }[];
  return { ...p, b, consent, ruleId: String(rule.json().id ?? rule.json().rule?.id), txId: tx[0]!.id };
}

/** What B sees of their own data (the comparison before and after A's attempts). */
async function view(b: Awaited<ReturnType<typeof person>>) {
  const paths = ['/api/consents', '/api/assets', '/api/analysis/rules', '/api/analysis/transactions?month=202611'];
  return Promise.all(paths.map(async (p) => (await b.b.get(p)).body));
}

describeEachDialect('security: one person reaching another’s data at the operator', (open) => {
  it('A’s session with B’s ids: 404 with a code on every id route, B unchanged, no B values in A’s answers', async () => {
    const t = await openTestApp(open);
    try {
      const a = await person(t);
      const b = await person(t);
      expect(b.txId).not.toBe(a.txId);
      const before = await view(b);
      const attempts: [string, unknown][] = [
        [`/api/consents/${b.consent.id}/change`, { scopes: ['bank.list', 'bank.deposit', 'bank.loan'] }],
        [`/api/consents/${b.consent.id}/extend`, { endDate: '20281124' }],
        [`/api/consents/${b.consent.id}/withdraw`, {}],
        [`/api/deletion-offers/${b.consent.id}`, { delete: true }],
        [`/api/analysis/transactions/${b.txId}/category`, { category: 'digital' }],
        [`/api/analysis/rules/${b.ruleId}/delete`, {}],
      ];
      for (const [path, body] of attempts) {
        const r = await a.b.post(path, body);
        expect(r.statusCode, `${path} ${r.body}`).toBe(404);
        expect(typeof r.json().code, path).toBe('string');
      }
      const got = await a.b.get(`/api/consents/${b.consent.id}`);
      expect(got.statusCode).toBe(404);
      expect(await view(b)).toEqual(before);
      expect((await t.d.consents.get(b.personId, b.consent.id))?.status).toBe('pending');
      const secretsOfB = [b.personId, b.consent.id, b.txId, b.ruleId, b.card.id, b.account.id];
      for (const path of [
        '/api/assets',
        '/api/consents',
        '/api/export',
        '/api/journey',
        '/api/analysis/summary',
        '/api/analysis/rules',
        '/api/analysis/transactions?month=202611',
        `/api/analysis/transactions?month=202611&category=${b.txId}`,
      ]) {
        const r = await a.b.get(path);
        expect(r.statusCode, path).toBeLessThan(500);
        for (const s of secretsOfB) expect(r.body.includes(s), `${path} shows B's ${s}`).toBe(false);
      }
    } finally {
      await t.close();
    }
  });

  it('no session, and a session replayed after logout or after leaving: 401 with a code', async () => {
    const t = await openTestApp(open);
    try {
      const paths = ['/api/assets', '/api/consents', '/api/export', '/api/analysis/summary'];
      for (const p of paths) {
        const r = await t.browser().get(p);
        expect(r.statusCode, p).toBe(401);
        expect(typeof r.json().code).toBe('string');
      }
      for (const end of ['/api/logout', '/api/leave']) {
        const a = await person(t);
        const stolen = new Map(a.b.cookies);
        const csrf = a.b.csrf;
        const r = await a.b.post(end, end === '/api/leave' ? { password: signUpInput().password } : {});
        expect(r.statusCode, `${end} ${r.body}`).toBeLessThan(300);
        const replay = t.browser();
        for (const [k, v] of stolen) replay.cookies.set(k, v);
        replay.csrf = csrf;
        for (const p of paths) expect((await replay.get(p)).statusCode, `${end} then ${p}`).toBe(401);
        expect((await replay.post(`/api/consents/${a.consent.id}/withdraw`)).statusCode).toBe(401);
      }
    } finally {
      await t.close();
    }
  });
});
