import type { Store } from '@hannun/store';
import type { PortalOrg, PortalService } from '../registry/portal-org.ts';
import type { PortalDatabase } from '../store/portal-database.ts';
import { migratePortalStore } from '../store/portal-migrations.ts';
import { type RegistryClock, type RegistryRepository, sqlRegistryRepository } from '../store/registry-repository.ts';

/** A clock tests move by hand (epoch ms). */
export interface TestClock extends RegistryClock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** 2026-11-23 10:00:00 KST, a Monday. */
export const MONDAY_10AM_KST = Date.UTC(2026, 10, 23, 1, 0, 0);

export function testClock(start = MONDAY_10AM_KST): TestClock {
  let now = start;
  return {
    nowMs: () => now,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

export function bank(code = 'BKNURI0001', serial = '1018100001', extra: Partial<PortalOrg> = {}): PortalOrg {
  return {
    orgCode: code,
    orgType: '01',
    industry: 'bank',
    name: '누리은행',
    orgRegno: serial,
    serialNum: serial,
    isRcvOrg: false,
    domain: `https://127.0.0.1:4100/${code}`,
    domainIps: ['127.0.0.1'],
    authType: '03',
    ips: ['127.0.0.1', '::1'],
    npTimes: ['0000:0700'],
    ...extra,
  };
}

export function operator(code = 'MDHANNUN01', serial = '2208100101', extra: Partial<PortalOrg> = {}): PortalOrg {
  return {
    orgCode: code,
    orgType: '03',
    name: '한눈마이데이터',
    orgRegno: serial,
    serialNum: serial,
    isRcvOrg: false,
    domainIps: [],
    ips: ['127.0.0.1', '::1'],
    npTimes: [],
    ...extra,
  };
}

export function relay(code = 'RLHANNUN01', serial = '2208100104'): PortalOrg {
  return { ...operator(code, serial), orgType: '04', name: '한눈중계' };
}

export function ca(code = 'CAHANNUN01', serial = '2208100102'): PortalOrg {
  return { ...operator(code, serial), orgType: '06', name: '한눈인증', caCode: 'HNCA01' };
}

export function portalOrg(code = 'PTHANNUN01', serial = '2208100103'): PortalOrg {
  return { ...operator(code, serial), orgType: '07', name: '한눈종합포털' };
}

export function app(
  clientId = 'c'.repeat(50),
  orgCode = 'MDHANNUN01',
  extra: Partial<PortalService> = {},
): PortalService {
  return {
    clientId,
    orgCode,
    name: '한눈 앱',
    clientSecretHash: 'a'.repeat(64),
    redirectUris: ['http://127.0.0.1:3000/callback'],
    appSchemes: ['hannun://mydata'],
    ...extra,
  };
}

let credentialCounter = 0;
/** A distinct stored credential (client_id of 50 characters, any hash). */
export function someCredential() {
  credentialCounter++;
  return { clientId: `id${String(credentialCounter).padStart(48, '0')}`, clientSecretHash: 'b'.repeat(64) };
}

/** A migrated portal store and its registry repository. */
export async function openRegistry(
  open: <DB>() => Promise<Store<DB>>,
  clock: TestClock = testClock(),
): Promise<{ store: Store<PortalDatabase>; repo: RegistryRepository; clock: TestClock }> {
  const store = await open<PortalDatabase>();
  await migratePortalStore(store);
  return { store, repo: sqlRegistryRepository(store, clock), clock };
}
