import { randomBytes } from 'node:crypto';
import { createRegistry, type RegisteredOrg, type Registry } from '@hannun/registry';
import type { Industry } from '@hannun/spec';
import type { Store } from '@hannun/store';
import type { OpenTestStore } from '@hannun/store/testing';
import { generateKeyRing, type KeyRing } from '../crypto/key-ring.ts';
import { createOperatorDomain, type OperatorDomain } from '../operator-domain.ts';
import type { ConsentDraft } from '../consent/consent-draft.ts';
import type { SignUpInput } from '../people/sign-up-input.ts';
import { migrateOperatorStore, prepareOperatorStore } from '../schema/open-operator-store.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { type ManualClock, manualClock } from '../time/clock.ts';

/** 2026-11-24 10:00 KST. */
export const T0 = Date.UTC(2026, 10, 24, 1, 0, 0);
export const DAY = 24 * 60 * 60_000;

export const OPERATOR_ORG = 'MDHANNUN01';
export const SERVICE_CLIENT_ID = 'hannunapp0000000000000000000000000000000000000001';

const provider = (orgCode: string, industry: Industry, n: number): RegisteredOrg => ({
  orgCode,
  orgType: '01',
  industry,
  name: `${orgCode} 테스트`,
  serialNum: `11000000${String(n).padStart(2, '0')}`,
  ips: ['127.0.0.1'],
});

/** Three banks, a card issuer, a securities firm, an insurer, a telecom: enough for every rule. */
export function testRegistry(): Registry {
  return createRegistry({
    orgs: [
      provider('BKTESTAA01', 'bank', 1),
      provider('BKTESTBB01', 'bank', 2),
      provider('BKTESTCC01', 'bank', 3),
      provider('CDTESTAA01', 'card', 4),
      provider('IVTESTAA01', 'invest', 5),
      provider('ISTESTAA01', 'insu', 6),
      provider('TCTESTAA01', 'telecom', 7),
      provider('EFTESTAA01', 'efin', 8),
      { orgCode: OPERATOR_ORG, orgType: '03', name: '한눈', serialNum: '2208100101', ips: ['127.0.0.1'] },
    ],
    services: [
      {
        clientId: SERVICE_CLIENT_ID,
        orgCode: OPERATOR_ORG,
        name: '한눈 앱',
        clientSecretHash: '0'.repeat(64),
        redirectUris: ['http://127.0.0.1:3000/callback'],
        appSchemes: [],
      },
    ],
    takenAt: T0,
  });
}

export interface TestDomain extends OperatorDomain {
  readonly clock: ManualClock;
  readonly keyRing: KeyRing;
}

/** A migrated store on the suite's dialect and the whole domain over it, with a manual clock at T0. */
export async function openTestDomain(open: OpenTestStore, opts: { keyRing?: KeyRing } = {}): Promise<TestDomain> {
  const store = (await open<OperatorDatabase>()) as Store<OperatorDatabase>;
  await prepareOperatorStore(store);
  await migrateOperatorStore(store);
  const clock = manualClock(T0);
  const keyRing = opts.keyRing ?? generateKeyRing();
  const domain = createOperatorDomain({
    store,
    keyRing,
    clock,
    registry: testRegistry(),
    recipient: { orgCode: OPERATOR_ORG, clientId: SERVICE_CLIENT_ID },
  });
  return { ...domain, clock, keyRing };
}

/** A CI as the CA gives it: 64 random bytes in Base64 (88 characters). */
export function newCi(): string {
  return randomBytes(64).toString('base64');
}

let n = 0;
export function signUpInput(overrides: Partial<SignUpInput> = {}): SignUpInput {
  n += 1;
  return {
    ci: newCi(),
    name: '김한눈',
    birthDate: '19900101',
    loginName: `hannun${n}${randomBytes(3).toString('hex')}`,
    password: 'correct horse battery',
    ...overrides,
  };
}

/** A valid draft for a bank: deposits, weekly, one year, all v2 flags off unless told. */
export function bankDraft(orgCode = 'BKTESTAA01', overrides: Partial<ConsentDraft> = {}): ConsentDraft {
  return {
    orgCode,
    authPath: 'integrated',
    scopes: ['bank.deposit'],
    target: 'list',
    assets: [{ api: '은행-001', key: { account_num: '1002123456789', seqno: '1' } }],
    isScheduled: true,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: '20271124',
    purpose: '자산 현황 조회 및 분석',
    period: '서비스 탈퇴 또는 삭제 요청 시까지',
    flags: { transMemo: true, merchantNameRegno: false, transCategory: false },
    ...overrides,
  };
}

/** A token pair as a provider would issue it (JWS-shaped, with a jti). */
export function tokenPair(orgCode: string, jti = randomBytes(8).toString('hex')) {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const jws = (kind: string) =>
    `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ iss: orgCode, aud: OPERATOR_ORG, jti: `${kind}-${jti}`, scope: 'bank.list bank.deposit' })}.${randomBytes(32).toString('base64url')}`;
  return {
    clientId: SERVICE_CLIENT_ID,
    orgCode,
    accessToken: jws('at'),
    refreshToken: jws('rt'),
    accessExpiresAt: T0 + 90 * DAY,
    refreshExpiresAt: T0 + 365 * DAY,
    scope: 'bank.list bank.deposit',
  };
}
