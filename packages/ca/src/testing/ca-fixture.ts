// Test support: a small registry (a CA, two operators, two providers), the PKI material of each
// organisation, a CA service on a manual clock, and helpers that speak 통합인증-101…104 and the page.
import { createLogger, createLogSink, type LogSink } from '@hannun/infra';
import {
  createRootCa,
  generateSigningKey,
  inspectCertificate,
  issueOrgCertificate,
  type KeyAndCertificate,
  type OrgCredentials,
  type TlsMaterial,
} from '@hannun/pki';
import { createRegistry, hashClientSecret, type RegisteredOrg, type Registry } from '@hannun/registry';
import { type ConsentDocument, encodeConsentDocument, utf8Length } from '@hannun/spec';
import type { CaLimits } from '../ca-limits.ts';
import { type ManualClock, manualClock } from '../clock.ts';
import { type CaService, createCaService } from '../create-ca-service.ts';
import { kstDate } from '../kst.ts';
import { type CaSecrets, generateCaSecrets } from '../secrets/ca-secrets.ts';
import type { CaRepository } from '../store/ca-repository.ts';
import { createMemoryCaRepository } from '../store/memory-ca-repository.ts';

export const CA = 'CAHANNUN01';
export const CA_CODE = 'HNCA000001';
export const OPERATOR = 'MDHANNUN01';
export const OTHER_OPERATOR = 'MDOTHERS01';
export const BANK = 'BKNURI0001';
export const CARD = 'CDNURI0001';
export const SERVICE_ID = `hannunapp${'0'.repeat(40)}1`;
export const OTHER_SERVICE_ID = `otherapp${'0'.repeat(41)}1`;

export interface FixtureOrg {
  readonly org: RegisteredOrg;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tls: TlsMaterial;
}

export interface CaWorld {
  readonly root: KeyAndCertificate;
  readonly registry: Registry;
  readonly orgs: Readonly<Record<string, FixtureOrg>>;
  /** A certificate from the ecosystem root whose serial no organisation registered. */
  readonly stranger: TlsMaterial;
  readonly caCredentials: OrgCredentials;
  readonly secrets: CaSecrets;
}

const credential = (seed: string) => `${seed}${'x'.repeat(50 - seed.length)}`;

/** Build the world once per test file (certificates take a few milliseconds each). */
export async function createCaWorld(opts: { readonly ips?: readonly string[] } = {}): Promise<CaWorld> {
  const root = await createRootCa();
  const ips = opts.ips ?? ['127.0.0.1'];
  const specs: {
    code: string;
    type: RegisteredOrg['orgType'];
    name: string;
    regNo: string;
    industry?: 'bank' | 'card';
    caCode?: string;
  }[] = [
    { code: CA, type: '06', name: '한눈인증', regNo: '2208100002', caCode: CA_CODE },
    { code: OPERATOR, type: '03', name: '한눈마이데이터', regNo: '2208100001' },
    { code: OTHER_OPERATOR, type: '03', name: '다른마이데이터', regNo: '2208100009' },
    { code: BANK, type: '01', name: '누리은행', regNo: '1018100001', industry: 'bank' },
    { code: CARD, type: '01', name: '누리카드', regNo: '1018100002', industry: 'card' },
  ];
  const orgs: Record<string, FixtureOrg> = {};
  const material: Record<string, KeyAndCertificate> = {};
  for (const s of specs) {
    const tls = await issueOrgCertificate(root, { name: s.name, regNo: s.regNo });
    material[s.code] = tls;
    const clientId = credential(`${s.code}id`);
    const clientSecret = credential(`${s.code}secret`);
    orgs[s.code] = {
      org: {
        orgCode: s.code,
        orgType: s.type,
        name: s.name,
        serialNum: s.regNo,
        ips,
        ...(s.industry ? { industry: s.industry } : {}),
        ...(s.caCode ? { caCode: s.caCode } : {}),
        credentials: { clientId, clientSecretHash: hashClientSecret(clientSecret) },
      },
      clientId,
      clientSecret,
      tls: { ...tls, caPem: root.certPem },
    };
  }
  const registry = createRegistry({
    takenAt: 0,
    orgs: Object.values(orgs).map((o) => o.org),
    services: [
      {
        clientId: SERVICE_ID,
        orgCode: OPERATOR,
        name: '한눈 앱',
        clientSecretHash: hashClientSecret('s'.repeat(50)),
        redirectUris: [],
        appSchemes: [],
      },
      {
        clientId: OTHER_SERVICE_ID,
        orgCode: OTHER_OPERATOR,
        name: '다른 앱',
        clientSecretHash: hashClientSecret('t'.repeat(50)),
        redirectUris: [],
        appSchemes: [],
      },
    ],
  });
  const strangerTls = await issueOrgCertificate(root, { name: '미등록기관', regNo: '9999999999' });
  const caTls = material[CA]!;
  const caCredentials: OrgCredentials = {
    id: 'ca',
    name: '한눈인증',
    regNo: '2208100002',
    hosts: [],
    certPem: caTls.certPem,
    keyPem: caTls.keyPem,
    caPem: root.certPem,
    certificate: inspectCertificate(caTls.certPem),
    signing: generateSigningKey(),
  };
  return {
    root,
    registry,
    orgs,
    stranger: { ...strangerTls, caPem: root.certPem },
    caCredentials,
    secrets: await generateCaSecrets(),
  };
}

export interface CaHarness {
  readonly world: CaWorld;
  readonly ca: CaService;
  readonly clock: ManualClock;
  readonly repository: CaRepository;
  readonly log: LogSink;
}

export function startHarness(
  world: CaWorld,
  opts: {
    readonly requireMtls?: boolean;
    readonly allowLoopback?: boolean;
    readonly repository?: CaRepository;
    readonly limits?: Partial<CaLimits>;
    readonly clock?: ManualClock;
  } = {},
): CaHarness {
  const clock = opts.clock ?? manualClock(Math.floor(Date.now() / 1000) * 1000);
  const log = createLogSink();
  const repository = opts.repository ?? createMemoryCaRepository();
  const ca = createCaService({
    orgCode: CA,
    credentials: world.caCredentials,
    registry: world.registry,
    repository,
    secrets: world.secrets,
    requireMtls: opts.requireMtls ?? false,
    allowLoopback: opts.allowLoopback ?? true,
    clock,
    logger: createLogger({ service: 'ca-test', destination: log, level: 'debug' }),
    ...(opts.limits ? { limits: opts.limits } : {}),
    metrics: { api: false, pages: false },
  });
  return { world, ca, clock, repository, log };
}

/** A person to enrol. */
export const PERSON = {
  ci: `${'Q'.repeat(86)}==`,
  name: '김한눈',
  phone: '010-1234-5678',
  birthDate: '19900101',
  pin: '482915',
} as const;

/** A consent of `provider` for `recipient`, dated by the clock. */
export function consentFor(
  clock: ManualClock,
  provider: string = BANK,
  change: Partial<ConsentDocument> = {},
): ConsentDocument {
  const today = kstDate(clock.nowMs());
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const industry = provider === CARD ? 'card' : 'bank';
  return {
    org_code: provider,
    rcv_org_code: OPERATOR,
    client_id: SERVICE_ID,
    scope: industry === 'bank' ? 'bank.list bank.deposit' : 'card.list card.card',
    target: industry === 'bank' ? 'list' : 'all',
    asset_list: industry === 'bank' ? [{ api: '은행-001', key: { account_num: '1002123456789', seqno: '1' } }] : [],
    is_scheduled: 'true',
    fnd_cycle: '1/w',
    add_cycle: '1/w',
    end_date: nextYear.endsWith('0229') ? `${nextYear.slice(0, 6)}28` : nextYear,
    purpose: '자산 현황 조회 및 분석',
    period: '서비스 탈퇴 또는 삭제 요청 시까지',
    is_consent_trans_memo: 'true',
    is_consent_merchant_name_regno: 'false',
    is_consent_trans_category: 'false',
    consent_date: `${today}103000`,
    ...change,
  };
}

let serial = 0;

/** A 통합인증 tx_id (RB form, 74 characters at most). */
export function txIdFor(provider: string, operator = OPERATOR): string {
  serial += 1;
  return `MD_${operator}_${provider}_${provider}_${CA_CODE}_20261124103000_${String(serial).padStart(12, '0')}`;
}

export function signTxIdFor(operator = OPERATOR): string {
  serial += 1;
  return `${operator}_${CA_CODE}_20261124103000_${String(serial).padStart(12, '0')}`;
}

/** A 통합인증-102 body over these consents. */
export function signRequestBody(
  consents: readonly { readonly consent: ConsentDocument | string; readonly txId?: string; readonly len?: number }[],
  change: Record<string, unknown> = {},
): Record<string, unknown> {
  const list = consents.map((c, i) => {
    const text = typeof c.consent === 'string' ? c.consent : encodeConsentDocument(c.consent);
    const org = typeof c.consent === 'string' ? BANK : c.consent.org_code;
    return {
      tx_id: c.txId ?? txIdFor(org),
      consent_title: `전송요구 ${i + 1}`,
      consent: text,
      consent_len: String(c.len ?? utf8Length(text)),
    };
  });
  return {
    sign_tx_id: signTxIdFor(),
    user_ci: PERSON.ci,
    real_name: PERSON.name,
    phone_num: '+821012345678',
    request_title: '마이데이터 서비스 가입',
    device_code: 'PC',
    device_browser: 'WB',
    return_app_scheme_url: 'hannun://sign-done',
    consent_type: '0',
    consent_cnt: String(list.length),
    consent_list: list,
    ...change,
  };
}

let tranSerial = 0;
/** An x-api-tran-id of the calling organisation. */
export function tranId(orgCode: string): string {
  tranSerial += 1;
  return `${orgCode}M${String(tranSerial).padStart(14, '0')}`;
}
