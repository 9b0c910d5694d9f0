import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { answer, BANK } from '../testing/movement-world.ts';
import {
  bankDraft,
  DAY,
  openTestDomain,
  signUpInput,
  T0,
  type TestDomain,
  tokenPair,
} from '../testing/operator-test-kit.ts';
import { MODEL_TABLE_DEFS } from '../model/model-routes.ts';
import { checkLiveConsents } from './live-consent-check.ts';

const FLAGS = { transMemo: true, merchantNameRegno: true, transCategory: true };
const OTHER_BANK = 'BKTESTBB01';

/** An account at `orgCode` with three transactions, collected at `at`. */
async function collect(d: TestDomain, personId: string, orgCode: string, at: number, account = '1002123456789') {
  const base = { personId, orgCode, apiType: 'scheduled' as const, collectedAt: at, flags: FLAGS };
  const acct = (
    await d.data.store({
      ...base,
      apiId: '은행-001',
      body: answer('은행-001', 'account_list', [{ account_num: account, account_type: '1001', seqno: '1' }]),
    })
  ).assets![0]!;
  const tx = [1, 2, 3].map((i) => ({
    trans_dtime: `2026110${i}101010`,
    trans_no: `N${at}-${i}`,
    trans_amt: '-1000',
    trans_memo: '',
  }));
  await d.data.store({ ...base, apiId: '은행-004', assetId: acct.id, body: answer('은행-004', 'trans_list', tx) });
}

async function connected(d: TestDomain) {
  const { personId } = await d.people.signUp(signUpInput());
  const consent = await d.consents.propose(personId, bankDraft(BANK));
  await d.vault.put(personId, { ...tokenPair(BANK), consentId: consent.id });
  await d.consents.activate(personId, consent.id);
  await collect(d, personId, BANK, T0);
  return { personId, consent };
}

describeEachDialect('consent: no stored personal row without a live consent (issue #6 item 6)', (open) => {
  it('AC: every row behind an active consent passes; a planted orphan is found by table, person and provider, never a value', async () => {
    const d = await openTestDomain(open);
    const { personId } = await connected(d);
    const clean = await checkLiveConsents(d.store, { now: d.clock.nowMs() });
    expect(clean).toMatchObject({ ok: true, uncovered: [] });
    expect(clean.tables).toBe(MODEL_TABLE_DEFS.length + 2);

    // Planted: data from a bank the person never consented to.
    await collect(d, personId, OTHER_BANK, T0, '3333000011112222');
    const found = await checkLiveConsents(d.store, { now: d.clock.nowMs() });
    expect(found.ok).toBe(false);
    expect(found.uncovered).toEqual(
      expect.arrayContaining([
        { table: 'op_asset', personId, orgCode: OTHER_BANK, rows: 1, reason: 'no-consent' },
        { table: 'op_m_deposit_tx', personId, orgCode: OTHER_BANK, rows: 3, reason: 'no-consent' },
      ]),
    );
    expect(found.uncovered.every((u) => u.orgCode === OTHER_BANK)).toBe(true);
    expect(JSON.stringify(found)).not.toContain('3333000011112222');
  });

  it('AC: after a withdrawal the data waits for the person’s answer (30 days’ grace), is kept when they say keep, and nothing may arrive after the end', async () => {
    const d = await openTestDomain(open);
    const { personId, consent } = await connected(d);
    d.clock.advance(DAY);
    const ended = await d.consents.withdraw(personId, consent.id);
    const offer = ended.followUps.find((f) => f.kind === 'offer-deletion')!;
    expect((await checkLiveConsents(d.store, { now: d.clock.nowMs() })).ok).toBe(true);

    d.clock.advance(31 * DAY);
    const overdue = await checkLiveConsents(d.store, { now: d.clock.nowMs() });
    expect(overdue.uncovered).toEqual(
      expect.arrayContaining([{ table: 'op_m_deposit_tx', personId, orgCode: BANK, rows: 3, reason: 'offer-overdue' }]),
    );
    expect((await checkLiveConsents(d.store, { now: d.clock.nowMs(), graceDays: 60 })).ok).toBe(true);

    // The person answers "keep": retained under the consent's retention item, until they ask or leave.
    await d.consents.followUps.complete(d.store.db, offer.id, d.clock.nowMs());
    expect((await checkLiveConsents(d.store, { now: d.clock.nowMs() })).ok).toBe(true);

    // Something collected after the end is never covered.
    await collect(d, personId, BANK, d.clock.nowMs());
    const late = await checkLiveConsents(d.store, { now: d.clock.nowMs() });
    expect(late.uncovered).toEqual(
      expect.arrayContaining([
        { table: 'op_m_deposit_tx', personId, orgCode: BANK, rows: 3, reason: 'collected-after-end' },
      ]),
    );
  });

  it('AC: a token pair needs an active or pending consent; the pair of a pending one is fine, one left behind is not', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const pending = await d.consents.propose(personId, bankDraft(BANK));
    await d.vault.put(personId, { ...tokenPair(BANK), consentId: pending.id });
    expect((await checkLiveConsents(d.store, { now: d.clock.nowMs() })).ok).toBe(true);
    // Planted: the consent row gone (as a buggy path could leave it), the pair still there.
    await d.store.db
      .updateTable('op_consent')
      .set({ status: 'withdrawn', ended_at: d.clock.nowMs(), ended_reason: 'abandoned' })
      .where('id', '=', pending.id)
      .execute();
    const r = await checkLiveConsents(d.store, { now: d.clock.nowMs() });
    expect(r.uncovered).toEqual([
      { table: 'op_token', personId, orgCode: BANK, rows: 1, reason: 'token-without-consent' },
    ]);
  });
});
