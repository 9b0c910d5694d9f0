import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { recordTransmission } from '../records/transmission-records.ts';
import { bankDraft, signUpInput, tokenPair } from '../testing/operator-test-kit.ts';
import { openTestApp, PASSWORD, type TestApp } from './testing/app-kit.ts';

/** The routes the web app added (issue #8): retry collection, download my data, my data's journey. */
async function member(t: TestApp) {
  const input = signUpInput({ password: PASSWORD });
  const { personId } = await t.d.people.signUp(input);
  const b = t.browser();
  const r = await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
  if (r.statusCode !== 200) throw new Error(r.body);
  return { b, personId, input };
}

async function connected(t: TestApp, personId: string) {
  const c = await t.d.consents.propose(personId, bankDraft());
  await t.d.vault.put(personId, { ...tokenPair('BKTESTAA01'), consentId: c.id });
  await t.d.consents.activate(personId, c.id);
  return c;
}

describeEachDialect('the app’s own routes', (open) => {
  it('AC5 retry: POST /api/refresh fetches again (user-refresh) where a consent is active; elsewhere 409 naming orgCodes', async () => {
    const t = await open_(open);
    try {
      const { b, personId } = await member(t);
      await connected(t, personId);
      const all = await b.post('/api/refresh', {});
      expect(all.statusCode).toBe(202);
      expect(all.json()).toEqual({ started: ['BKTESTAA01'] });
      expect(t.collector.started.at(-1)).toMatchObject({ personId, orgCodes: ['BKTESTAA01'], apiType: 'user-refresh' });
      const none = await b.post('/api/refresh', { orgCodes: ['BKTESTBB01'] });
      expect(none.statusCode).toBe(409);
      expect(none.json()).toMatchObject({ code: 'OP_CONSENT_STATE', field: 'orgCodes', ko: expect.any(String) });
      expect((await b.post('/api/refresh', { orgCodes: 'BKTESTAA01' })).json()).toMatchObject({ field: 'orgCodes' });
      expect(t.collector.started).toHaveLength(1);
      // Without the CSRF token: refused.
      b.csrf = undefined;
      expect((await b.post('/api/refresh', {})).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });

  it('AC10 download: JSON with profile (no CI), consents and assets; CSV in long form; a bad format is 400; audited', async () => {
    const t = await open_(open);
    try {
      const { b, personId, input } = await member(t);
      await connected(t, personId);
      const json = await b.get('/api/export?format=json');
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename="hannun-my-data-\d{8}\.json"$/);
      expect(json.headers['cache-control']).toBe('no-store');
      const doc = json.json() as { person: Record<string, unknown>; consents: { orgCode: string }[]; data: object };
      expect(doc.person).toMatchObject({ name: input.name, loginName: input.loginName });
      expect(json.body).not.toContain(input.ci);
      expect(doc.consents.map((c) => c.orgCode)).toEqual(['BKTESTAA01']);
      const csv = await b.get('/api/export?format=csv');
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
        'table,row_id,org_code,institution,asset_id,api_id,api_type,collected_at,field,value',
      );
      expect((await b.get('/api/export?format=xml')).json()).toMatchObject({
        code: 'OP_INVALID_INPUT',
        field: 'format',
      });
      const audit = await t.d.audit.entries(t.d.store.db, { subject: personId });
      expect(audit.filter((e) => e.action === 'data.export')).toHaveLength(2);
      expect((await t.browser().get('/api/export')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('AC11 journey: the person’s transmissions newest first (institution, items, purpose, x-api-type, result) and uses; never another person’s', async () => {
    const t = await open_(open);
    try {
      const { b, personId } = await member(t);
      const c = await connected(t, personId);
      const other = await t.d.people.signUp(signUpInput({ password: PASSWORD }));
      const now = t.d.clock.nowMs();
      const base = { orgCode: 'BKTESTAA01', durationMs: 12, rowsReceived: 3, rowsStored: 3, httpStatus: 200 };
      await recordTransmission(t.d.store.db, {
        ...base,
        personRef: personId,
        consentId: c.id,
        apiId: '은행-001',
        apiType: 'user-consent',
        tranId: 'MDTESTOP01M00000000000001',
        requestedAt: now - 2000,
        rspCode: '00000',
      });
      await recordTransmission(t.d.store.db, {
        ...base,
        personRef: personId,
        consentId: c.id,
        apiId: '은행-004',
        apiType: 'scheduled',
        tranId: 'MDTESTOP01M00000000000002',
        requestedAt: now - 1000,
        rspCode: '40305',
      });
      await recordTransmission(t.d.store.db, {
        ...base,
        personRef: other.personId,
        apiId: '은행-001',
        apiType: 'user-consent',
        tranId: 'MDTESTOP01M00000000000003',
        requestedAt: now - 500,
        rspCode: '00000',
      });
      const r = await b.get('/api/journey?days=7');
      expect(r.statusCode).toBe(200);
      const j = r.json() as { transmissions: Record<string, unknown>[]; uses: { action: string }[] };
      expect(j.transmissions.map((x) => x.apiId)).toEqual(['은행-004', '은행-001']);
      expect(j.transmissions[0]).toMatchObject({
        orgCode: 'BKTESTAA01',
        apiType: 'scheduled',
        result: '40305',
        ok: false,
        purpose: c.purpose,
      });
      expect(j.transmissions[1]).toMatchObject({
        result: '00000',
        ok: true,
        items: { ko: expect.any(String), en: expect.any(String) },
      });
      expect(j.uses.map((u) => u.action)).toContain('person.signup');
      expect((await b.get('/api/journey?days=0')).json()).toMatchObject({ field: 'days' });
      expect((await b.get('/api/journey?days=5000')).json()).toMatchObject({ field: 'days' });
    } finally {
      await t.close();
    }
  });
});

const open_ = (open: Parameters<Parameters<typeof describeEachDialect>[1]>[0]) => openTestApp(open);
