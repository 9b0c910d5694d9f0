import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordingProvider, startRecordingProvider } from '@hannun/examiner';
import {
  type CollectionEngine,
  createCollectionEngine,
  createOperatorDomain,
  generateKeyRing,
  type OperatorDomain,
  openOperatorStore,
} from '@hannun/operator';
import { createManualClock, kstToEpochMs } from '@hannun/provider';
import { createRegistry, hashClientSecret } from '@hannun/registry';
import { INDUSTRY_SCOPES, listScope } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Hannun's own operator (its collection engine over its real domain and database) collecting through the
 * recording provider: right after consent, on the weekly schedule inside np_time, refreshing its tokens,
 * and withdrawing one consent (개별인증-004). Every rule of the operator checks is exercised and passes.
 */
const OPERATOR = {
  orgCode: 'MDHANNUN01',
  clientId: 'hannuncheck0000000000000000000000000000000000001',
  clientSecret: 'HannunCheckSecret0000000000000000000000000000001',
};
const ORGS = ['BKNURI0001', 'CDNURI0001'];
const DAY = 86_400_000;
const clock = createManualClock(kstToEpochMs(2026, 3, 10, 3, 0, 0)); // 03:00 KST: inside np_time 00:00–07:00

let dir: string;
let rp: RecordingProvider;
let domain: OperatorDomain;
let engine: CollectionEngine;
let closeStore: () => Promise<void>;
let personId: string;
const consents = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-operator-check-'));
  rp = await startRecordingProvider({ operator: OPERATOR, clock, institutions: ORGS });
  const registry = createRegistry({
    orgs: [
      { orgCode: OPERATOR.orgCode, orgType: '03', name: '한눈', serialNum: '2208100101', ips: ['127.0.0.1'] },
      ...rp.institutions.map((i) => ({
        orgCode: i.orgCode,
        orgType: '01' as const,
        industry: i.industry,
        name: i.name,
        serialNum: '',
        ips: ['127.0.0.1'],
        baseUrl: i.baseUrl,
        npTimes: i.npTimes,
      })),
    ],
    services: [
      {
        clientId: OPERATOR.clientId,
        orgCode: OPERATOR.orgCode,
        name: '한눈',
        clientSecretHash: hashClientSecret(OPERATOR.clientSecret),
        redirectUris: ['http://127.0.0.1:3000/callback'],
        appSchemes: [],
      },
    ],
    takenAt: clock.nowMs(),
  });
  const store = await openOperatorStore({ url: `sqlite:${join(dir, 'operator.db')}` });
  closeStore = () => store.close();
  domain = createOperatorDomain({
    store,
    keyRing: generateKeyRing(),
    clock: { nowMs: () => clock.nowMs() },
    registry,
    recipient: { orgCode: OPERATOR.orgCode, clientId: OPERATOR.clientId },
  });
  engine = createCollectionEngine({
    domain,
    registry,
    orgCode: OPERATOR.orgCode,
    service: { clientId: OPERATOR.clientId, clientSecret: OPERATOR.clientSecret },
    settings: { callTimeoutMs: 5_000, retry: { attempts: 3, baseMs: 5, capMs: 20, maxRetryAfterMs: 1_000 } },
  });
  // The test person signs up and connects both institutions (the pairs issued as 통합인증-002 would).
  ({ personId } = await domain.people.signUp({
    ci: rp.testPerson.ci,
    name: '김점검',
    birthDate: '19800101',
    loginName: 'operatorcheck1',
    password: 'correct horse battery',
  }));
  for (const org of ORGS) {
    const industry = rp.institutions.find((i) => i.orgCode === org)!.industry;
    const consent = await domain.consents.propose(personId, {
      orgCode: org,
      authPath: 'integrated',
      scopes: INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry)),
      target: 'all',
      assets: [],
      isScheduled: true,
      fndCycle: '1/w',
      addCycle: '1/w',
      endDate: '20270310',
      purpose: '자산 통합조회 및 분석',
      period: '서비스 탈퇴 시까지',
      flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    });
    const pair = await rp.grant(org);
    await domain.vault.put(personId, {
      clientId: OPERATOR.clientId,
      orgCode: org,
      consentId: consent.id,
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      accessExpiresAt: pair.accessExpiresAt,
      refreshExpiresAt: pair.refreshExpiresAt,
      scope: pair.scope,
    });
    await domain.consents.activate(personId, consent.id);
    consents.set(org, consent.id);
  }
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  await closeStore?.();
  await rp?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('operator checks: Hannun’s own operator at the recording provider', () => {
  it('collects after consent, on schedule, refreshes, withdraws — every rule exercised and passed', async () => {
    await engine.afterConsent(personId);
    await engine.runUntilIdle();
    // A week later, still at 03:00 KST: the weekly cycle is due.
    clock.advance(7 * DAY);
    expect((await engine.scheduleDue()).length).toBeGreaterThan(0);
    await engine.runUntilIdle();
    // Near the access tokens' end: the housekeeping refreshes them (개별인증-003), collection goes on with the new ones.
    const pair = await domain.vault.get(personId, OPERATOR.clientId, ORGS[0]!);
    clock.set(pair!.accessExpiresAt - 5 * 60_000);
    expect(await engine.refreshTokens()).toBe(ORGS.length);
    await engine.refresh(personId);
    await engine.runUntilIdle();
    // The person withdraws the card consent: revoked at once, never called again.
    await domain.consents.withdraw(personId, consents.get(ORGS[1]!)!);
    expect(await engine.processFollowUps()).toMatchObject({ revoked: 1 });
    clock.advance(DAY);
    await engine.refresh(personId);
    await engine.runUntilIdle();

    const records = rp.recorder.records();
    const types = new Set(records.map((r) => r.apiType ?? r.apiId));
    expect([...types].sort()).toEqual(
      ['scheduled', 'user-consent', 'user-refresh', '개별인증-003', '개별인증-004'].sort(),
    );
    const verdict = rp.verdict();
    const failures = verdict.rules.flatMap((r) => r.offences.map((o) => `${r.id}: ${o.reason}`));
    expect(failures).toEqual([]);
    expect(Object.fromEntries(verdict.rules.map((r) => [r.id, r.verdict]))).toEqual({
      'scheduled-cycle': 'passed',
      'np-time': 'passed',
      period: 'passed',
      'no-concurrent-split': 'passed',
      'token-refresh': 'passed',
      revocation: 'passed',
    });
    // The last user-refresh reached only the bank: the card institution heard nothing after the revocation.
    const revokeAt = records.find((r) => r.apiId === '개별인증-004')!.endedAt;
    expect(records.filter((r) => r.startedAt > revokeAt && r.orgCode === ORGS[1]).length).toBe(0);
    expect(records.filter((r) => r.startedAt > revokeAt && r.orgCode === ORGS[0]).length).toBeGreaterThan(0);
  }, 120_000);
});
