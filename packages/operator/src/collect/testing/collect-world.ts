import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger, createLogSink } from '@hannun/infra';
import {
  type ConsentRecord as ProviderConsent,
  createLedger,
  createManualClock,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  type InstitutionBook,
  kstDateTime,
  kstToEpochMs,
  type ManualClock,
  mintRefreshToken,
  populationOf,
  type ProviderEngine,
} from '@hannun/provider';
import { createRegistry, hashClientSecret, type RegisteredOrg, type Registry } from '@hannun/registry';
import { INDUSTRY_SCOPES, type InformationScope, type Industry, listScope, type WireObject } from '@hannun/spec';
import type { Store } from '@hannun/store';
import { Temporal } from 'temporal-polyfill';
import type { ConsentFlags } from '../../consent/consent-draft.ts';
import { generateKeyRing, type KeyRing } from '../../crypto/key-ring.ts';
import { createOperatorDomain, type OperatorDomain } from '../../operator-domain.ts';
import { migrateOperatorStore, prepareOperatorStore } from '../../schema/open-operator-store.ts';
import type { OperatorDatabase } from '../../schema/operator-database.ts';
import type { Clock } from '../../time/clock.ts';
import { formatYmd, kstDate } from '../../time/kst.ts';

/**
 * The collection engine's test world: the real provider engine (all 26 demo institutions over the
 * synthetic ledger) listening on a loopback socket with its test hooks on (fault injection, the read-only
 * customer view), a manual provider clock the operator shares, a registry with every institution's base
 * URL and np_time, and tokens minted with the engine's own keys (a refresh pair in its auth store, so
 * 개별인증-003/004 work as for a pair 통합인증-002 issued).
 */
export const OPERATOR = 'MDHANNUN01';
export const CLIENT_ID = 'hannuncollect000000000000000000000000000000000001';
export const CLIENT_SECRET = 'CollectSecret0000000000000000000000000000000000001';
export const ADMIN_TOKEN = 'collect-world-admin-token-for-tests';
/** 2026-03-10 03:00 KST: inside every demo institution's np_time (00:00–07:00 or –06:00). */
export const WORLD_NOW = kstToEpochMs(2026, 3, 10, 3, 0, 0);
export const WORLD_SEED = 'collect-test';
export const WORLD_CUSTOMERS = 40;
export const WORLD_START = Temporal.PlainDate.from('2024-03-01');
export const ALL_FLAGS: ConsentFlags = { transMemo: true, merchantNameRegno: true, transCategory: true };

export interface Grant {
  readonly providerConsentId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: number;
  readonly refreshExpiresAt: number;
  readonly scope: string;
  readonly accessJti: string;
}

export interface GrantOptions {
  readonly scopes?: readonly string[];
  readonly flags?: ConsentFlags;
  readonly isScheduled?: boolean;
  readonly fndCycle?: string;
  readonly addCycle?: string;
  /** Seconds the access token lives (default 90 days). */
  readonly accessSeconds?: number;
}

export interface CollectWorld {
  readonly engine: ProviderEngine;
  readonly url: string;
  readonly clock: ManualClock;
  readonly ledger: Map<string, InstitutionBook>;
  /** The operator's view of the ecosystem: every institution with its base URL and np_time. */
  readonly registry: Registry;
  /** The registry as a snapshot (to hand to a worker process). */
  readonly registryOrgs: readonly RegisteredOrg[];
  /** The i-th customer of the ledger: CI and the institutions holding their products. */
  customer(index: number): { readonly ci: string; readonly orgs: readonly string[] };
  industryOf(orgCode: string): Industry;
  grant(ci: string, orgCode: string, opts?: GrantOptions): Promise<Grant>;
  /** The institution's own read-only view of a customer (test hooks): the truth to compare with. */
  truth(orgCode: string, ci: string, range?: { from?: string; to?: string; chargeMonth?: string }): Promise<WireObject>;
  close(): Promise<void>;
}

export async function startCollectWorld(opts: { customers?: number } = {}): Promise<CollectWorld> {
  const clock = createManualClock(WORLD_NOW);
  const ledger = createLedger({
    institutions: DEMO_INSTITUTIONS,
    customers: opts.customers ?? WORLD_CUSTOMERS,
    seed: WORLD_SEED,
    start: WORLD_START,
  });
  const service = {
    clientId: CLIENT_ID,
    orgCode: OPERATOR,
    name: '한눈 수집 테스트',
    clientSecretHash: hashClientSecret(CLIENT_SECRET),
    redirectUris: ['http://127.0.0.1:3000/callback'],
    appSchemes: [],
  };
  const operatorOrg: RegisteredOrg = {
    orgCode: OPERATOR,
    orgType: '03',
    name: '한눈',
    serialNum: '2208100101',
    ips: ['127.0.0.1'],
  };
  const providerOrgs = (url: string): RegisteredOrg[] =>
    DEMO_INSTITUTIONS.map((i) => ({
      orgCode: i.orgCode,
      orgType: '01',
      industry: i.industry,
      name: i.name,
      serialNum: i.regNo,
      ips: ['127.0.0.1'],
      ...(url ? { baseUrl: `${url}${i.basePath}` } : {}),
      npTimes: i.npTimes,
    }));
  const engine = createProviderEngine({
    institutions: DEMO_INSTITUTIONS,
    books: ledger.values(),
    consents: createMemoryConsentStore(),
    clock,
    registry: createRegistry({ orgs: [...providerOrgs(''), operatorOrg], services: [service], takenAt: WORLD_NOW }),
    config: {
      logger: createLogger({ service: 'collect-world', destination: createLogSink(), level: 'error' }),
      metrics: false,
      testHooks: { enabled: true, adminToken: ADMIN_TOKEN, prefix: '/_test' },
    },
  });
  const url = await engine.start({ host: '127.0.0.1', port: 0 });
  const registryOrgs = [...providerOrgs(url), operatorOrg];
  const registry = createRegistry({ orgs: registryOrgs, services: [service], takenAt: WORLD_NOW });
  const pop = populationOf(ledger);
  const industryOf = (orgCode: string): Industry => {
    const i = DEMO_INSTITUTIONS.find((x) => x.orgCode === orgCode);
    if (!i) throw new Error(`no institution ${orgCode}`);
    return i.industry;
  };

  return {
    engine,
    url,
    clock,
    ledger,
    registry,
    registryOrgs,
    industryOf,
    customer(index) {
      const plan = pop.plan(index);
      return { ci: plan.ci, orgs: [...new Set(plan.slots.map((s) => s.org))].sort() };
    },
    async grant(ci, orgCode, o = {}) {
      const industry = industryOf(orgCode);
      const book = ledger.get(orgCode)?.customer(ci);
      if (!book) throw new Error(`${orgCode} holds nothing of this customer`);
      const now = clock.nowMs();
      const at = kstDateTime(now);
      const lists = engine.provider.apisOf(orgCode).filter((a) => a.kind === 'list');
      const holdings = lists.flatMap((a) => book.holdings(a.id, at));
      const scopes = (o.scopes ??
        INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry))) as InformationScope[];
      const consent: ProviderConsent = {
        id: `pc-${randomUUID()}`,
        orgCode,
        ci,
        recipientOrgCode: OPERATOR,
        clientId: CLIENT_ID,
        scopes,
        assets: holdings.map((h) => ({ listApi: h.listApi, key: h.key })),
        isScheduled: o.isScheduled ?? true,
        fndCycle: o.fndCycle ?? '1/w',
        addCycle: o.addCycle ?? '1/w',
        endDate: kstDate(now).add({ years: 1 }),
        purpose: '자산 통합조회 및 분석',
        period: '서비스 탈퇴 시까지',
        flags: o.flags ?? ALL_FLAGS,
        createdAt: now,
        auth: 'integrated',
      };
      engine.provider.consents.put(consent);
      const iat = Math.floor(now / 1000);
      const scope = [listScope(industry), ...scopes].join(' ');
      const accessJti = randomBytes(12).toString('base64url');
      const refreshJti = randomBytes(12).toString('base64url');
      const accessExp = iat + (o.accessSeconds ?? 90 * 86_400);
      const refreshExp = iat + 365 * 86_400;
      const base = { iss: orgCode, aud: OPERATOR, sub: consent.id, scope, iat };
      const accessToken = await engine.provider.mintAccessToken({ ...base, jti: accessJti, exp: accessExp });
      const refreshToken = await mintRefreshToken(engine.provider.signingKeys.of(orgCode), {
        ...base,
        jti: refreshJti,
        exp: refreshExp,
      });
      await engine.provider.auth.store.pairs.insert({
        id: randomUUID(),
        orgCode,
        clientId: CLIENT_ID,
        ci,
        consentId: consent.id,
        auth: 'integrated',
        grant: `cert:test-${randomUUID()}`,
        accessJti,
        refreshJti,
        issuedAt: now,
        accessExpiresAt: accessExp * 1000,
        refreshExpiresAt: refreshExp * 1000,
      });
      return {
        providerConsentId: consent.id,
        accessToken,
        refreshToken,
        accessExpiresAt: accessExp * 1000,
        refreshExpiresAt: refreshExp * 1000,
        scope,
        accessJti,
      };
    },
    async truth(orgCode, ci, range = {}) {
      const res = await engine.inject({
        method: 'POST',
        url: '/_test/view',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        payload: {
          org_code: orgCode,
          ci,
          ...(range.from ? { from_date: range.from } : {}),
          ...(range.to ? { to_date: range.to } : {}),
          ...(range.chargeMonth ? { charge_month: range.chargeMonth } : {}),
        },
      });
      if (res.statusCode !== 200) throw new Error(`truth view of ${orgCode}: ${res.statusCode} ${res.body}`);
      return res.json() as WireObject;
    },
    close: () => engine.stop(),
  };
}

/** The operator's domain over a migrated store, on the world's clock (the operator and providers agree). */
export async function collectDomain(
  store: Store<OperatorDatabase>,
  world: Pick<CollectWorld, 'registry'> & { readonly clock: Clock },
  keyRing: KeyRing = generateKeyRing(),
): Promise<OperatorDomain> {
  await prepareOperatorStore(store);
  await migrateOperatorStore(store);
  const clock: Clock = { nowMs: () => world.clock.nowMs() };
  return createOperatorDomain({
    store,
    keyRing,
    clock,
    registry: world.registry,
    recipient: { orgCode: OPERATOR, clientId: CLIENT_ID },
  });
}

let people = 0;

/**
 * A person connected to institutions the way the operator does it: signed up with their CI, a consent
 * proposed per institution (every scope, all assets, weekly, a year), the token pair from the provider in
 * the vault, the consent activated. Returns the person and the consents by org_code.
 */
export async function connectPerson(
  domain: OperatorDomain,
  world: CollectWorld,
  ci: string,
  orgCodes: readonly string[],
  opts: GrantOptions = {},
): Promise<{ personId: string; consents: Map<string, string>; grants: Map<string, Grant> }> {
  people++;
  const { personId } = await domain.people.signUp({
    ci,
    name: '김수집',
    birthDate: '19800101',
    loginName: `collect${people}${randomBytes(3).toString('hex')}`,
    password: 'correct horse battery',
  });
  const consents = new Map<string, string>();
  const grants = new Map<string, Grant>();
  const today = kstDate(world.clock.nowMs());
  for (const orgCode of orgCodes) {
    const industry = world.industryOf(orgCode);
    const scopes = opts.scopes ?? INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry));
    const consent = await domain.consents.propose(personId, {
      orgCode,
      authPath: 'integrated',
      scopes,
      target: 'all',
      assets: [],
      isScheduled: opts.isScheduled ?? true,
      fndCycle: opts.fndCycle ?? '1/w',
      addCycle: opts.addCycle ?? '1/w',
      endDate: formatYmd(today.add({ years: 1 })),
      purpose: '자산 통합조회 및 분석',
      period: '서비스 탈퇴 시까지',
      flags: opts.flags ?? ALL_FLAGS,
    });
    const g = await world.grant(ci, orgCode, { ...opts, scopes });
    await domain.vault.put(personId, {
      clientId: CLIENT_ID,
      orgCode,
      consentId: consent.id,
      accessToken: g.accessToken,
      refreshToken: g.refreshToken,
      accessExpiresAt: g.accessExpiresAt,
      refreshExpiresAt: g.refreshExpiresAt,
      scope: g.scope,
    });
    await domain.consents.activate(personId, consent.id);
    consents.set(orgCode, consent.id);
    grants.set(orgCode, g);
  }
  return { personId, consents, grants };
}

/** A recorded call: what the engine asked for (the test's window into the requests). */
export interface RecordedCall {
  readonly orgCode: string;
  readonly apiId: string;
  readonly apiType: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly kind: string;
  readonly rspCode: string | null;
}
