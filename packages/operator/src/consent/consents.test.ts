import { isConflict } from '@hannun/store';
import { parseConsentDocument } from '@hannun/spec';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import {
  bankDraft,
  DAY,
  openTestDomain,
  OPERATOR_ORG,
  SERVICE_CLIENT_ID,
  signUpInput,
  T0,
  tokenPair,
  type TestDomain,
} from '../testing/operator-test-kit.ts';
import { addKstMonths } from '../time/kst.ts';

async function person(d: TestDomain): Promise<string> {
  return (await d.people.signUp(signUpInput())).personId;
}

describeEachDialect('consent (전송요구): versioned records per person and institution', (open) => {
  it('AC: a proposal keeps the seven items, the v2 flags and the auth path, and builds the document to sign (spec)', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const c = await d.consents.propose(p, bankDraft());
    expect(c).toMatchObject({
      status: 'pending',
      version: 1,
      orgCode: 'BKTESTAA01',
      industry: 'bank',
      recipient: { orgCode: OPERATOR_ORG, clientId: SERVICE_CLIENT_ID },
      scopes: ['bank.list', 'bank.deposit'],
      target: 'list',
      assetCount: 1,
      isScheduled: true,
      fndCycle: '1/w',
      endDate: '20271124',
      purpose: '자산 현황 조회 및 분석',
      period: '서비스 탈퇴 또는 삭제 요청 시까지',
      flags: { transMemo: true, merchantNameRegno: false, transCategory: false },
      authPath: 'integrated',
      consentDate: '20261124100000',
    });
    const { text, document } = await d.consents.document(p, c.id);
    const parsed = parseConsentDocument(text);
    expect(parsed.ok && parsed.consent).toEqual(document);
    expect(document.is_consent_trans_memo).toBe('true');
    // The account number is in the document and the asset list, both sealed.
    const row = await d.store.db.selectFrom('op_consent').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('1002123456789');
  });

  it.each([
    ['orgCode', { orgCode: 'NOSUCHORG1' }],
    ['scopes', { scopes: ['card.card'] }],
    ['fndCycle', { fndCycle: '1/d' }],
    ['addCycle', { addCycle: '2m' }],
    ['endDate', { endDate: '20311125' }],
    ['endDate', { endDate: '20261124' }],
    ['purpose', { purpose: '' }],
    ['assets', { assets: [] }],
  ])('a bad draft names %s and writes nothing', async (field, change) => {
    const d = await openTestDomain(open);
    const p = await person(d);
    await expect(d.consents.propose(p, bankDraft('BKTESTAA01', change))).rejects.toMatchObject({
      code: 'OP_INVALID_INPUT',
      field,
    });
    expect(await d.consents.history(p)).toEqual([]);
  });

  it('AC (MyData 2.0): connecting a whole sector proposes one consent per institution of the industry', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const { orgCode: _o, target: _t, assets: _a, scopes: _s, ...choices } = bankDraft();
    const made = await d.consents.connectSector(p, 'bank', choices);
    expect(made.map((c) => c.orgCode)).toEqual(['BKTESTAA01', 'BKTESTBB01', 'BKTESTCC01']);
    expect(new Set(made.map((c) => c.batchId)).size).toBe(1);
    for (const c of made) {
      expect(c).toMatchObject({ status: 'pending', target: 'all', assetCount: 0 });
      expect(c.scopes).toEqual(['bank.list', 'bank.deposit', 'bank.invest', 'bank.loan', 'bank.irp']);
    }
    await expect(d.consents.connectSector(p, 'p2p', choices)).rejects.toMatchObject({ field: 'industry' });
  });

  it('AC: a change is a new version; on activation the old one is superseded and every version is kept', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const v1 = await d.consents.activate(p, (await d.consents.propose(p, bankDraft())).id);
    expect(v1.status).toBe('active');
    const v2 = await d.consents.change(p, v1.id, { scopes: ['bank.deposit', 'bank.loan'], fndCycle: '1/m' });
    expect(v2).toMatchObject({ version: 2, status: 'pending', proposal: 'change', supersedesId: v1.id });
    // Until v2 is active, v1 still is.
    expect((await d.consents.active(p)).map((c) => c.id)).toEqual([v1.id]);
    d.clock.advance(DAY);
    await d.consents.activate(p, v2.id);
    const history = await d.consents.history(p, 'BKTESTAA01');
    expect(history.map((c) => [c.version, c.status, c.endedReason])).toEqual([
      [1, 'superseded', 'changed'],
      [2, 'active', null],
    ]);
    expect(history[1]?.scopes).toEqual(['bank.list', 'bank.deposit', 'bank.loan']);
  });

  it('a second proposal for the same institution abandons the first pending one', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const a = await d.consents.propose(p, bankDraft());
    await d.consents.propose(p, bankDraft('BKTESTAA01', { fndCycle: '2w' }));
    expect((await d.consents.history(p)).map((c) => [c.id === a.id, c.status, c.endedReason])).toEqual([
      [true, 'withdrawn', 'abandoned'],
      [false, 'pending', null],
    ]);
  });

  it('the database itself refuses a second active consent for one person and institution', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const c = await d.consents.activate(p, (await d.consents.propose(p, bankDraft())).id);
    const row = await d.store.db.selectFrom('op_consent').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const err = await d.store.db
      .insertInto('op_consent')
      .values({ ...row, id: 'c_other', version: 2 })
      .execute()
      .catch((e: unknown) => e);
    expect(isConflict(err)).toBe(true);
  });

  it('AC: extension only from one month before the end date; the old version ends as extended', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const c = await d.consents.activate(
      p,
      (await d.consents.propose(p, bankDraft('BKTESTAA01', { endDate: '20270131' }))).id,
    );
    await expect(d.consents.extend(p, c.id, '20280131')).rejects.toMatchObject({ code: 'OP_CONSENT_NOT_EXTENDABLE' });
    d.clock.set(Date.UTC(2026, 11, 31, 1)); // 2026-12-31 10:00 KST: the window opened that day
    await expect(d.consents.extend(p, c.id, '20270130')).rejects.toMatchObject({ field: 'endDate' });
    await expect(d.consents.extend(p, c.id, '20320101')).rejects.toMatchObject({ field: 'endDate' });
    const next = await d.consents.extend(p, c.id, '20280131');
    expect(next).toMatchObject({ proposal: 'extension', version: 2, endDate: '20280131', scopes: c.scopes });
    await d.consents.activate(p, next.id);
    expect((await d.consents.get(p, c.id))?.endedReason).toBe('extended');
  });

  it('AC: withdrawal ends the consent, moves the tokens to the revocation outbox and lists the follow-ups', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const c = await d.consents.propose(p, bankDraft());
    const pair = tokenPair('BKTESTAA01');
    await d.vault.put(p, { ...pair, consentId: c.id });
    await d.consents.activate(p, c.id);
    d.clock.advance(DAY);
    const ended = await d.consents.withdraw(p, c.id);
    expect(ended.consent).toMatchObject({ status: 'withdrawn', endedReason: 'withdrawn', endedAt: T0 + DAY });
    expect(ended.followUps.map((f) => f.kind)).toEqual(['revoke-tokens', 'stop-jobs', 'offer-deletion']);
    expect(await d.vault.get(p, SERVICE_CLIENT_ID, 'BKTESTAA01')).toBeUndefined();
    const revoke = ended.followUps[0]!;
    const tokens = await d.consents.followUps.revocationTokens(d.store.db, revoke.id);
    expect(tokens?.refreshToken?.reveal()).toBe(pair.refreshToken);
    const row = await d.store.db
      .selectFrom('op_followup')
      .selectAll()
      .where('id', '=', revoke.id)
      .executeTakeFirstOrThrow();
    expect(row.payload_sealed).not.toContain(pair.refreshToken);
    expect((await d.consents.followUps.pending(d.store.db, 'revoke-tokens')).map((f) => f.id)).toEqual([revoke.id]);
    await d.consents.followUps.complete(d.store.db, revoke.id, d.clock.nowMs());
    expect(await d.consents.followUps.revocationTokens(d.store.db, revoke.id)).toBeUndefined();
    expect(await d.consents.followUps.pending(d.store.db, 'revoke-tokens')).toEqual([]);
    await expect(d.consents.withdraw(p, c.id)).rejects.toMatchObject({ code: 'OP_CONSENT_STATE' });
    const actions = (await d.audit.entries(d.store.db, { subject: c.id })).map((e) => e.action);
    expect(actions).toEqual(['consent.propose', 'consent.activate', 'consent.withdraw']);
  });

  it('withdrawing a pending change leaves the live pair alone; a pending one with its own tokens has them revoked', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const v1 = await d.consents.propose(p, bankDraft());
    const livePair = tokenPair('BKTESTAA01');
    await d.vault.put(p, { ...livePair, consentId: v1.id });
    await d.consents.activate(p, v1.id);
    const v2 = await d.consents.change(p, v1.id, { fndCycle: '2w' });
    expect((await d.consents.withdraw(p, v2.id)).followUps).toEqual([]);
    expect((await d.vault.get(p, SERVICE_CLIENT_ID, 'BKTESTAA01'))?.accessToken.reveal()).toBe(livePair.accessToken);
    // Tokens stored for a proposal that never got activated (a crash in between) are revoked with it.
    const v3 = await d.consents.change(p, v1.id, { fndCycle: '3w' });
    await d.vault.put(p, { ...tokenPair('BKTESTAA01'), consentId: v3.id });
    expect((await d.consents.withdraw(p, v3.id)).followUps.map((f) => f.kind)).toEqual(['revoke-tokens']);
  });

  it("a person cannot touch another person's consent", async () => {
    const d = await openTestDomain(open);
    const a = await person(d);
    const b = await person(d);
    const c = await d.consents.propose(a, bankDraft());
    await expect(d.consents.withdraw(b, c.id)).rejects.toMatchObject({ code: 'OP_NOT_FOUND' });
    await expect(d.consents.activate(b, c.id)).rejects.toMatchObject({ code: 'OP_NOT_FOUND' });
    expect((await d.consents.get(a, c.id))?.status).toBe('pending');
  });

  it('AC: a consent past its end date expires: tokens dropped, jobs stopped, deletion offered', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const c = await d.consents.propose(p, bankDraft('BKTESTAA01', { endDate: '20261201' }));
    await d.vault.put(p, { ...tokenPair('BKTESTAA01'), consentId: c.id });
    await d.consents.activate(p, c.id);
    d.clock.set(Date.UTC(2026, 11, 1, 14, 0)); // 23:00 KST on the end date: still valid
    expect(await d.consents.expireDue()).toEqual([]);
    d.clock.set(Date.UTC(2026, 11, 1, 15, 30)); // 00:30 KST the day after
    const [ended] = await d.consents.expireDue();
    expect(ended?.consent).toMatchObject({ id: c.id, status: 'expired', endedReason: 'expired' });
    expect(ended?.followUps.map((f) => f.kind)).toEqual(['stop-jobs', 'offer-deletion']);
    expect(await d.vault.get(p, SERVICE_CLIENT_ID, 'BKTESTAA01')).toBeUndefined();
  });

  it('AC (MyData 2.0): scheduled collection covers people seen within 6 months only', async () => {
    const d = await openTestDomain(open);
    const p = await person(d);
    const scheduled = await d.consents.activate(p, (await d.consents.propose(p, bankDraft())).id);
    await d.consents.activate(p, (await d.consents.propose(p, bankDraft('BKTESTBB01', { isScheduled: false }))).id);
    expect((await d.consents.scheduled()).map((c) => c.id)).toEqual([scheduled.id]);
    d.clock.set(addKstMonths(T0, 6) - 1);
    expect((await d.consents.scheduled()).map((c) => c.id)).toEqual([scheduled.id]);
    d.clock.set(addKstMonths(T0, 6));
    expect(await d.consents.scheduled()).toEqual([]);
  });
});
