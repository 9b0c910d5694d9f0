import { createManualClock, kstDateTime, kstToEpochMs } from '@hannun/provider';
import { generateTranId } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateWire, kstToday } from '../conformance/generate/kst-dates.ts';
import type { CallRecord } from './call-record.ts';
import { judgeOperator, type OperatorVerdict } from './judge.ts';
import { type IssuedPair, type RecordingProvider, startRecordingProvider } from './recording-provider.ts';

/**
 * A scripted operator (plain HTTP calls made here) against the recording provider: a well-behaved run passes
 * every rule; each misbehaviour in turn fails exactly its rule.
 */
const OPERATOR = {
  orgCode: 'MDSCRIPT01',
  clientId: 'scriptedoperator0000000000000000000000000000000001',
  clientSecret: 'ScriptedSecret000000000000000000000000000000000001',
};
const BANK = 'BKNURI0001';
const clock = createManualClock(kstToEpochMs(2026, 3, 10, 3, 0, 0)); // 03:00 KST, inside 00:00–07:00
let rp: RecordingProvider;
let account: Record<string, string>;

beforeAll(async () => {
  rp = await startRecordingProvider({ operator: OPERATOR, clock, institutions: [BANK], npTimes: ['0000:0700'] });
  const book = rp.ledger.get(BANK)!.customer(rp.testPerson.ci)!;
  const holding = book
    .holdings('은행-001', kstDateTime(clock.nowMs()))
    .find((h) => h.status === 'normal' && h.scope === 'bank.deposit');
  if (!holding) throw new Error('the test person has no deposit account');
  account = { ...holding.key } as Record<string, string>;
});
afterAll(() => rp.close());

const base = () => rp.institutions[0]!.baseUrl;
const days = (n: number) => dateWire(kstToday(clock.nowMs()).subtract({ days: n }));
const today = () => dateWire(kstToday(clock.nowMs()));

async function transactions(token: string, apiType: string, from: string, to: string) {
  const response = await fetch(`${base()}/v2/bank/accounts/deposit/transactions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-api-tran-id': generateTranId(OPERATOR.orgCode, 'M'),
      'x-api-type': apiType,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ org_code: BANK, ...account, from_date: from, to_date: to, limit: '500' }),
  });
  return ((await response.json()) as { rsp_code: string }).rsp_code;
}

async function form(path: string, fields: Record<string, string>) {
  const response = await fetch(`${base()}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-api-tran-id': generateTranId(OPERATOR.orgCode, 'M'),
    },
    body: new URLSearchParams({
      org_code: BANK,
      client_id: OPERATOR.clientId,
      client_secret: OPERATOR.clientSecret,
      ...fields,
    }),
  });
  return (await response.json()) as Record<string, string>;
}
const refresh = (pair: IssuedPair) =>
  form('/oauth/2.0/token', { grant_type: 'refresh_token', refresh_token: pair.refreshToken });
const revoke = (token: string, hint = 'access_token') => form('/oauth/2.0/revoke', { token, token_type_hint: hint });

/** The verdict over the calls a scenario made. */
async function scenario(run: () => Promise<void>): Promise<OperatorVerdict & { records: readonly CallRecord[] }> {
  const mark = rp.recorder.records().length;
  await run();
  const records = rp.recorder.records().slice(mark);
  return { ...judgeOperator(records, new Map([[BANK, ['0000:0700']]])), records };
}
const verdicts = (v: OperatorVerdict) => Object.fromEntries(v.rules.map((r) => [r.id, r.verdict]));
const failedOnly = (v: OperatorVerdict) => v.rules.filter((r) => r.verdict === 'failed').map((r) => r.id);

describe('operator checks: a scripted operator at the recording provider', () => {
  it('a well-behaved run passes every rule: user-consent 3 months, one scheduled 31-day step, refresh, revoke', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK);
      expect(await transactions(pair.accessToken, 'user-consent', days(90), today())).toBe('00000');
      expect(await transactions(pair.accessToken, 'scheduled', days(30), today())).toBe('00000');
      const refreshed = await refresh(pair);
      expect(refreshed['access_token']).toBeDefined();
      expect(await transactions(refreshed['access_token']!, 'user-search', days(400), days(200))).toBe('00000');
      expect((await revoke(pair.refreshToken, 'refresh_token'))['rsp_code']).toBe('00000');
    });
    expect(verdicts(v)).toEqual({
      'scheduled-cycle': 'passed',
      'np-time': 'passed',
      period: 'passed',
      'no-concurrent-split': 'passed',
      'token-refresh': 'passed',
      revocation: 'passed',
    });
    // What a record keeps: no token, no CI, no account number.
    const text = JSON.stringify(v.records);
    expect(text).not.toContain(rp.testPerson.ci);
    expect(text).not.toContain(account['account_num']);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\./);
    expect(v.records[0]).toMatchObject({
      apiId: '은행-004',
      apiType: 'user-consent',
      person: rp.testPerson.label,
      rspCode: '00000',
    });
  });

  it('nothing recorded: every rule not exercised', () => {
    expect(new Set(Object.values(verdicts(judgeOperator([], new Map()))))).toEqual(new Set(['not-exercised']));
  });

  it('scheduled-cycle: a second scheduled fetch in the weekly cycle fails only that rule', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK);
      expect(await transactions(pair.accessToken, 'scheduled', days(30), today())).toBe('00000');
      expect(await transactions(pair.accessToken, 'scheduled', days(30), today())).toBe('42901');
    });
    expect(failedOnly(v)).toEqual(['scheduled-cycle']);
    expect(v.rules[0]!.offences.map((o) => o.call.seq)).toEqual([v.records[1]!.seq]);
  });

  it('scheduled-cycle: scheduled calls on a consent without regular transmission', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK, { isScheduled: false });
      await transactions(pair.accessToken, 'scheduled', days(30), today());
    });
    expect(failedOnly(v)).toEqual(['scheduled-cycle']);
  });

  it('np-time: a scheduled call at noon fails only that rule', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK);
      clock.set(kstToEpochMs(2026, 3, 10, 12, 0, 0));
      try {
        expect(await transactions(pair.accessToken, 'scheduled', days(30), today())).toBe('50009');
      } finally {
        clock.set(kstToEpochMs(2026, 3, 10, 3, 0, 0));
      }
    });
    expect(failedOnly(v)).toEqual(['np-time']);
  });

  it('period: 13 months at once as user-consent, 45 days as scheduled, a future to_date — only that rule fails', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK, { fndCycle: '9/d', addCycle: '9/d' });
      await transactions(pair.accessToken, 'user-consent', days(400), today());
      await transactions(pair.accessToken, 'scheduled', days(45), today());
      await transactions(pair.accessToken, 'user-search', days(10), dateWire(kstToday(clock.nowMs()).add({ days: 3 })));
      await transactions(pair.accessToken, 'user-search', days(10), days(20));
    });
    expect(failedOnly(v)).toEqual(['period']);
    expect(v.rules.find((r) => r.id === 'period')!.offences).toHaveLength(4);
  });

  it('no-concurrent-split: twelve one-month calls at once fail only that rule', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          transactions(pair.accessToken, 'user-consent', days(30 * i + 29), days(30 * i)),
        ),
      );
    });
    expect(failedOnly(v)).toEqual(['no-concurrent-split']);
  });

  it('token-refresh: the expired token used again after 40101 fails only that rule', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK, { accessSeconds: 60 });
      clock.advance(120_000);
      expect(await transactions(pair.accessToken, 'user-refresh', days(30), today())).toBe('40101');
      expect(await transactions(pair.accessToken, 'user-refresh', days(30), today())).toBe('40101');
    });
    expect(failedOnly(v)).toEqual(['token-refresh']);
    expect(v.rules.find((r) => r.id === 'token-refresh')!.offences.map((o) => o.call.seq)).toEqual([v.records[1]!.seq]);
  });

  it('token-refresh: a refresh with a wrong secret is refused and fails the rule', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK);
      const answer = await form('/oauth/2.0/token', {
        grant_type: 'refresh_token',
        refresh_token: pair.refreshToken,
        client_secret: 'wrong',
      });
      expect(answer['error']).toBe('invalid_client');
    });
    expect(failedOnly(v)).toEqual(['token-refresh']);
  });

  it('revocation: an information call after 개별인증-004 fails only that rule', async () => {
    const v = await scenario(async () => {
      const pair = await rp.grant(BANK);
      expect((await revoke(pair.accessToken))['rsp_code']).toBe('00000');
      expect(await transactions(pair.accessToken, 'user-refresh', days(30), today())).toBe('40101');
    });
    expect(failedOnly(v)).toEqual(['revocation']);
  });
});
