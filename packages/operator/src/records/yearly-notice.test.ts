import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { openTestApp, PASSWORD } from '../http/testing/app-kit.ts';
import { bankDraft, DAY, signUpInput, type TestDomain, tokenPair } from '../testing/operator-test-kit.ts';
import { recordTransmission } from './transmission-records.ts';
import { buildYearlyNotice, kstYear, makeYearlyNoticesDue } from './yearly-notice.ts';

const TRAN = 'MDHANNUN01M00000000000001';
/** 2025-03-01 10:00 KST. */
const MARCH_2025 = Date.UTC(2025, 2, 1, 1);

async function connect(d: TestDomain, personId: string, org: string, account: string) {
  const c = await d.consents.propose(
    personId,
    bankDraft(org, { endDate: '20270301', assets: [{ api: '은행-001', key: { account_num: account, seqno: '1' } }] }),
  );
  await d.vault.put(personId, { ...tokenPair(org), consentId: c.id });
  await d.consents.activate(personId, c.id);
  return c;
}

async function calls(
  d: TestDomain,
  personId: string,
  consentId: string,
  org: string,
  at: number,
  n: number,
  rsp = '00000',
) {
  for (let i = 0; i < n; i++) {
    await recordTransmission(d.store.db, {
      personRef: personId,
      consentId,
      orgCode: org,
      apiId: i % 2 === 0 ? '은행-001' : '은행-004',
      apiType: 'scheduled',
      tranId: TRAN,
      requestedAt: at + i * 60_000,
      durationMs: 40,
      httpStatus: 200,
      rspCode: rsp,
      rowsReceived: 10,
      rowsStored: 10,
    });
  }
}

describeEachDialect('records: the yearly notice of what was received (연 1회 통지)', (open) => {
  it('AC: a year’s notice lists every consent in force that year with its seven items and the calls under it; one withdrawn that year says so; the job makes it due once from 1 January', async () => {
    const t = await openTestApp(open);
    const d = t.d;
    try {
      d.clock.set(MARCH_2025);
      const input = signUpInput({ password: PASSWORD });
      const { personId } = await d.people.signUp(input);
      const kept = await connect(d, personId, 'BKTESTAA01', '1002123456789');
      const gone = await connect(d, personId, 'BKTESTBB01', '3333444455556666');
      await calls(d, personId, kept.id, 'BKTESTAA01', MARCH_2025 + DAY, 5);
      await calls(d, personId, gone.id, 'BKTESTBB01', MARCH_2025 + DAY, 2, '50001');
      d.clock.advance(30 * DAY);
      await d.consents.withdraw(personId, gone.id);
      // Next year's calls are not this year's.
      await calls(d, personId, kept.id, 'BKTESTAA01', kstYear(2026).start + DAY, 3);
      const idle = await d.people.signUp(signUpInput());

      d.clock.set(kstYear(2026).start + 3 * DAY);
      const n = await buildYearlyNotice(d.store, d.consents, personId, 2025, d.clock.nowMs());
      expect(n).toMatchObject({
        year: 2025,
        from: '20250101',
        to: '20251231',
        totals: { consents: 2, calls: 7, rowsReceived: 70 },
      });
      const a = n.consents.find((c) => c.orgCode === 'BKTESTAA01')!;
      expect(a).toMatchObject({
        recipient: { orgCode: 'MDHANNUN01' },
        scopes: expect.arrayContaining(['bank.deposit']),
        assets: [{ api: '은행-001', number: '********6789' }],
        isScheduled: true,
        fndCycle: '1/w',
        endDate: '20270301',
        purpose: '자산 현황 조회 및 분석',
        period: '서비스 탈퇴 또는 삭제 요청 시까지',
        withdrawn: false,
        transmissions: { calls: 5, answered: 5, rowsReceived: 50 },
      });
      expect(a.transmissions.apis).toEqual([
        { apiId: '은행-001', calls: 3, rowsReceived: 30 },
        { apiId: '은행-004', calls: 2, rowsReceived: 20 },
      ]);
      const b = n.consents.find((c) => c.orgCode === 'BKTESTBB01')!;
      expect(b).toMatchObject({ withdrawn: true, endedReason: 'withdrawn', transmissions: { calls: 2, answered: 0 } });
      expect(JSON.stringify(n)).not.toContain('3333444455556666');
      // The year before: nothing was in force.
      expect((await buildYearlyNotice(d.store, d.consents, personId, 2024, d.clock.nowMs())).consents).toEqual([]);

      expect(await makeYearlyNoticesDue(d.store, d.clock.nowMs())).toEqual({ year: 2025, created: 1 });
      expect(await makeYearlyNoticesDue(d.store, d.clock.nowMs())).toEqual({ year: 2025, created: 0 });
      const due = await d.store.db.selectFrom('op_yearly_notice').selectAll().execute();
      expect(due).toHaveLength(1);
      expect(due[0]).toMatchObject({ person_id: personId, year: 2025, consents: 2, calls: 7, read_at: null });
      expect(due.some((r) => r.person_id === idle.personId)).toBe(false);

      // The app: the list, one year (read), and a clear 400 for a bad year.
      const me = t.browser();
      await me.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      expect((await me.get('/api/notices/yearly')).json()).toMatchObject({
        notices: [{ year: 2025, consents: 2, calls: 7, readAt: null }],
      });
      const one = (await me.get('/api/notices/yearly?year=2025')).json() as { consents: { institution: string }[] };
      expect(one).toMatchObject({ year: 2025, totals: { consents: 2, calls: 7 } });
      expect(one.consents[0]!.institution).toEqual(expect.any(String));
      expect((await me.get('/api/notices/yearly')).json()).toMatchObject({
        notices: [{ year: 2025, readAt: expect.any(Number) }],
      });
      for (const y of ['1999', '2027', 'abcd', '20251']) {
        const r = await me.get(`/api/notices/yearly?year=${y}`);
        expect(r.statusCode, y).toBe(400);
        expect(r.json()).toMatchObject({ field: 'year' });
      }
      expect((await t.browser().get('/api/notices/yearly')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});
