import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { bankDraft, signUpInput, tokenPair } from '../testing/operator-test-kit.ts';
import { sseFrame } from './routes/progress-routes.ts';
import { openTestApp, PASSWORD, type TestApp } from './testing/app-kit.ts';

async function member(t: TestApp) {
  const input = signUpInput({ password: PASSWORD });
  const { personId } = await t.d.people.signUp(input);
  const b = t.browser();
  const r = await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
  if (r.statusCode !== 200) throw new Error(r.body);
  return { b, personId, input };
}

describeEachDialect('the app API: institutions and consents', (open) => {
  it('AC sectors: institutions of the registry by sector, with their scopes in words and the person’s consent at each', async () => {
    const t = await openTestApp(open);
    try {
      const { b, personId } = await member(t);
      await t.d.consents.propose(personId, bankDraft('BKTESTBB01', { target: 'all', assets: [] }));
      const r = (await b.get('/api/institutions')).json() as {
        sectors: {
          industry: string;
          scopes: { scope: string; ko: string }[];
          institutions: { orgCode: string; consent: unknown }[];
        }[];
      };
      const bank = r.sectors.find((s) => s.industry === 'bank')!;
      expect(bank.institutions.map((i) => i.orgCode)).toEqual(['BKTESTAA01', 'BKTESTBB01', 'BKTESTCC01']);
      expect(bank.institutions[1]!.consent).toMatchObject({ status: 'pending' });
      expect(bank.institutions[0]!.consent).toBeNull();
      expect(bank.scopes.map((s) => s.scope)).toContain('bank.deposit');
      expect(bank.scopes.find((s) => s.scope === 'bank.deposit')!.ko).toMatch(/예금/);
      expect(r.sectors.map((s) => s.industry)).toEqual(expect.arrayContaining(['bank', 'card', 'invest', 'insu']));
    } finally {
      await t.close();
    }
  });

  it('AC sector connect (MyData 2.0): one pending consent per provider of the sector with the seven items; defaults filled', async () => {
    const t = await openTestApp(open);
    try {
      const { b } = await member(t);
      const r = await b.post('/api/consents', { industry: 'bank', authPath: 'integrated', flags: { transMemo: true } });
      expect(r.statusCode).toBe(201);
      const consents = r.json().consents as Record<string, unknown>[];
      expect(consents.map((c) => c.orgCode)).toEqual(['BKTESTAA01', 'BKTESTBB01', 'BKTESTCC01']);
      expect(consents[0]).toMatchObject({
        status: 'pending',
        authPath: 'integrated',
        target: 'all',
        isScheduled: true,
        fndCycle: '1/w',
        endDate: '20271124',
        purpose: '자산 통합조회 및 분석',
        flags: { transMemo: true, merchantNameRegno: false, transCategory: false },
      });
      expect(consents[0]!.scopes).toEqual(['bank.list', 'bank.deposit', 'bank.invest', 'bank.loan', 'bank.irp']);
      const listed = (await b.get('/api/consents')).json().consents as unknown[];
      expect(listed).toHaveLength(3);
    } finally {
      await t.close();
    }
  });

  it('AC bad drafts name their field and write nothing (one bad institution among good ones included)', async () => {
    const t = await openTestApp(open);
    try {
      const { b } = await member(t);
      const cases: [string, Record<string, unknown>][] = [
        ['authPath', { orgCodes: ['BKTESTAA01'], authPath: 'sms' }],
        ['orgCodes[1]', { orgCodes: ['BKTESTAA01', 'MDHANNUN01'], authPath: 'integrated' }],
        ['fndCycle', { orgCodes: ['BKTESTAA01'], authPath: 'integrated', fndCycle: '1/d' }],
        ['endDate', { orgCodes: ['BKTESTAA01', 'BKTESTBB01'], authPath: 'integrated', endDate: '20401231' }],
        ['scopes', { orgCodes: ['BKTESTAA01'], authPath: 'integrated', scopes: ['card.card'] }],
        ['industry', { industry: 'casino', authPath: 'integrated' }],
        ['orgCodes', { authPath: 'integrated' }],
        ['flags.transMemo', { industry: 'bank', authPath: 'integrated', flags: { transMemo: 'yes' } }],
      ];
      for (const [field, body] of cases) {
        const r = await b.post('/api/consents', body);
        expect(r.statusCode, field).toBe(400);
        expect(r.json(), field).toMatchObject({ code: 'OP_INVALID_INPUT', field });
        expect(typeof r.json().ko).toBe('string');
      }
      expect(await t.d.store.db.selectFrom('op_consent').select('id').execute()).toHaveLength(0);
    } finally {
      await t.close();
    }
  });

  it('AC another person’s consent is not found (404), and changes nothing', async () => {
    const t = await openTestApp(open);
    try {
      const a = await member(t);
      const other = await member(t);
      const c = await t.d.consents.propose(other.personId, bankDraft());
      for (const path of [`/api/consents/${c.id}/withdraw`, `/api/consents/${c.id}/extend`]) {
        const r = await a.b.post(path, { endDate: '20281124' });
        expect(r.statusCode, path).toBe(404);
      }
      expect((await a.b.get(`/api/consents/${c.id}`)).statusCode).toBe(404);
      expect((await t.d.consents.get(other.personId, c.id))?.status).toBe('pending');
    } finally {
      await t.close();
    }
  });

  it('AC change adding data items: the sector’s items a consent lacks are offered; adding one is a new pending 전송요구, in force only once authenticated (new tokens)', async () => {
    const t = await openTestApp(open);
    try {
      const { b, personId } = await member(t);
      const c = await t.d.consents.propose(personId, bankDraft());
      await t.d.vault.put(personId, { ...tokenPair('BKTESTAA01'), consentId: c.id });
      await t.d.consents.activate(personId, c.id);
      const before = (await b.get(`/api/consents/${c.id}`)).json().consent;
      expect(before.items.map((i: { scope: string }) => i.scope)).toEqual(['bank.list', 'bank.deposit']);
      expect(before.addable.map((i: { scope: string }) => i.scope)).toEqual(['bank.invest', 'bank.loan', 'bank.irp']);
      expect(before.addable[1].ko).toMatch(/대출/);

      const added = await b.post(`/api/consents/${c.id}/change`, { scopes: ['bank.deposit', 'bank.loan'] });
      expect(added.statusCode).toBe(201);
      const pending = added.json().consent;
      expect(pending).toMatchObject({ status: 'pending', proposal: 'change', version: 2, authPath: 'integrated' });
      expect(pending.scopes).toEqual(['bank.list', 'bank.deposit', 'bank.loan']);
      expect(pending.addable.map((i: { scope: string }) => i.scope)).toEqual(['bank.invest', 'bank.irp']);
      // Until the person authenticates it, the consent in force is still the old one, without the new item.
      expect((await t.d.consents.get(personId, c.id))?.status).toBe('active');
      const listed = (await b.get('/api/consents')).json().consents as { id: string; status: string }[];
      expect(listed.map((x) => [x.id, x.status])).toEqual(
        expect.arrayContaining([
          [c.id, 'active'],
          [pending.id, 'pending'],
        ]),
      );
      // A scope of another sector is refused, naming the field.
      const wrong = await b.post(`/api/consents/${c.id}/change`, { scopes: ['card.card'] });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ code: 'OP_INVALID_INPUT', field: 'scopes' });
      // The provider issued the new token pair: the change is in force and the old version superseded.
      await t.d.vault.put(personId, { ...tokenPair('BKTESTAA01'), consentId: pending.id });
      await t.d.consents.activate(personId, pending.id);
      expect(await t.d.consents.get(personId, c.id)).toMatchObject({ status: 'superseded', endedReason: 'changed' });
      expect((await b.get(`/api/consents/${pending.id}`)).json().consent).toMatchObject({ status: 'active' });
    } finally {
      await t.close();
    }
  });

  it('AC change and extension: a new pending version of an active consent; extension only from a month before the end (409 before)', async () => {
    const t = await openTestApp(open);
    try {
      const { b, personId, input } = await member(t);
      const c = await t.d.consents.propose(personId, bankDraft());
      await t.d.vault.put(personId, { ...tokenPair('BKTESTAA01'), consentId: c.id });
      await t.d.consents.activate(personId, c.id);
      const changed = await b.post(`/api/consents/${c.id}/change`, { isScheduled: false });
      expect(changed.statusCode).toBe(201);
      expect(changed.json().consent).toMatchObject({
        status: 'pending',
        proposal: 'change',
        isScheduled: false,
        version: 2,
      });
      expect((await b.post(`/api/consents/${c.id}/change`, {})).json()).toMatchObject({ field: 'body' });
      const early = await b.post(`/api/consents/${c.id}/extend`, { endDate: '20281124' });
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ code: 'OP_CONSENT_NOT_EXTENDABLE' });
      t.d.clock.advance(340 * 24 * 3600_000);
      // Sessions last 12 hours at most: the person logs in again.
      expect((await b.get('/api/consents')).statusCode).toBe(401);
      await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      const ext = await b.post(`/api/consents/${c.id}/extend`, { endDate: '20281124' });
      expect(ext.statusCode).toBe(201);
      expect(ext.json().consent).toMatchObject({ proposal: 'extension', endDate: '20281124' });
    } finally {
      await t.close();
    }
  });

  it('AC withdrawing a pending consent ends it with nothing to revoke; withdrawing again is 409', async () => {
    const t = await openTestApp(open);
    try {
      const { b, personId } = await member(t);
      const c = await t.d.consents.propose(personId, bankDraft());
      const r = await b.post(`/api/consents/${c.id}/withdraw`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        consent: { status: 'withdrawn' },
        revokedAtProvider: false,
        deletionOffer: null,
      });
      expect((await b.post(`/api/consents/${c.id}/withdraw`)).statusCode).toBe(409);
    } finally {
      await t.close();
    }
  });

  it('AC deletion offer after a withdrawal: declining keeps the data, accepting deletes it (audited); the offer is answered once', async () => {
    const t = await openTestApp(open);
    try {
      const { b, personId } = await member(t);
      const c = await t.d.consents.propose(personId, bankDraft());
      await t.d.vault.put(personId, { ...tokenPair('BKTESTAA01'), consentId: c.id });
      await t.d.consents.activate(personId, c.id);
      // The provider is unreachable here: the revocation stays in the outbox for a retry.
      const w = await b.post(`/api/consents/${c.id}/withdraw`);
      expect(w.json()).toMatchObject({
        revokedAtProvider: false,
        jobsStopped: true,
        deletionOffer: { orgCode: 'BKTESTAA01' },
      });
      expect(t.collector.stopped).toEqual([{ personId, orgCode: 'BKTESTAA01' }]);
      expect(await t.d.consents.followUps.pending(t.d.store.db, 'revoke-tokens')).toHaveLength(1);
      const offers = (await b.get('/api/deletion-offers')).json().offers as { id: string }[];
      expect(offers).toHaveLength(1);
      expect((await b.post(`/api/deletion-offers/${offers[0]!.id}`, { delete: 'yes' })).json()).toMatchObject({
        field: 'delete',
      });
      const done = await b.post(`/api/deletion-offers/${offers[0]!.id}`, { delete: true });
      expect(done.json()).toMatchObject({ deleted: true });
      const audit = await t.d.store.db.selectFrom('op_audit').select('action').execute();
      expect(audit.map((a) => a.action)).toContain('data.delete-institution');
      expect((await b.post(`/api/deletion-offers/${offers[0]!.id}`, { delete: true })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('개별인증 callback: a state this session did not start is refused (400) and nothing is exchanged', async () => {
    const t = await openTestApp(open);
    try {
      const { b } = await member(t);
      const r = await b.get(
        '/callback?code=abc&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&api_tran_id=MDHANNUN01M00000000000001',
      );
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'OP_STATE_MISMATCH' });
      expect(r.headers.location).toBeUndefined();
      expect((await t.browser().get('/callback?state=x&code=y')).statusCode).toBe(400);
      expect(t.collector.started).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('AC leaving: a wrong password is 401 and deletes nothing; the right one deletes the person and clears the cookie', async () => {
    const t = await openTestApp(open);
    try {
      const { b, personId } = await member(t);
      await t.d.consents.propose(personId, bankDraft());
      const wrong = await b.post('/api/leave', { password: 'not the password' });
      expect(wrong.statusCode).toBe(401);
      expect(await t.d.people.profile(personId)).toBeDefined();
      const left = await b.post('/api/leave', { password: PASSWORD });
      expect(left.statusCode).toBe(200);
      expect(left.json()).toMatchObject({ left: true });
      expect(String(left.headers['set-cookie'])).toContain(
        'hannun_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
      );
      expect(await t.d.people.profile(personId)).toBeUndefined();
      expect(
        await t.d.store.db.selectFrom('op_consent').select('id').where('person_id', '=', personId).execute(),
      ).toHaveLength(0);
    } finally {
      await t.close();
    }
  });

  it('progress events: connect and collect events of the person as SSE frames, without the person id', () => {
    const frame = sseFrame({
      kind: 'connect',
      personId: 'p_secret',
      flowId: 'f_1',
      orgCode: 'BKTESTAA01',
      stage: 'connected',
      at: 1,
    });
    expect(frame).toBe(
      'event: connect\ndata: {"kind":"connect","flowId":"f_1","orgCode":"BKTESTAA01","stage":"connected","at":1}\n\n',
    );
    expect(frame).not.toContain('p_secret');
  });
});
