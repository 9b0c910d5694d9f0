import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger, createLogSink, type LogSink } from '@hannun/infra';
import { clientAgent, ensurePki, tlsServerOptions } from '@hannun/pki';
import {
  type ConsentRecord,
  createCallerRegistry,
  createLedger,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  type Holding,
  type InstitutionBook,
  type Institution,
  kstDateTime,
  mintRefreshToken,
  type ProviderEngine,
} from '@hannun/provider';
import { createRegistry, hashClientSecret } from '@hannun/registry';
import { INDUSTRY_SCOPES, type InformationScope, requiredScope } from '@hannun/spec';
import type { Agent } from 'undici';
import { targetApis } from '../conformance/discovery.ts';
import { kstToday } from '../conformance/generate/kst-dates.ts';
import type { ConformanceTarget, TokenSet } from '../conformance/target.ts';

/** The operator the examiner plays (its certificate is registered with the engine). */
export const EXAMINER_OPERATOR = { orgCode: 'MDHANNUN01', name: '한눈마이데이터', regNo: '2208100101' } as const;
const HOST = { id: 'rlhannun01', name: '한눈중계', regNo: '2208100104' } as const;
const MAX_PEOPLE = 4;
/** The examiner's service at the providers: its client credentials (개별인증-003/004 cases). */
export const EXAMINER_CLIENT = {
  clientId: 'examinerclient000000000000000000000000000000000001',
  clientSecret: 'ExaminerSecret00000000000000000000000000000000001',
} as const;

export interface HannunProvidersOptions {
  /** Where the PKI is made (a temporary directory). */
  readonly dataDir: string;
  /** The institutions to serve (org_codes); all 26 demo institutions by default. */
  readonly institutions?: readonly string[];
  /** Customers of the synthetic ledger (default 150). */
  readonly customers?: number;
}

export interface HannunProviders {
  readonly engine: ProviderEngine;
  /** One target per institution: its base URL over mutual TLS, a person's tokens minted by the engine. */
  readonly targets: readonly ConformanceTarget[];
  readonly logs: LogSink;
  /** The operator's mutual-TLS connection (shared by the targets). */
  readonly agent: Agent;
  /** The operator's certificate, key and the root, as PEM (for tools that read files). */
  readonly operatorTls: { readonly certPem: string; readonly keyPem: string; readonly caPem: string };
  close(): Promise<void>;
}

/**
 * Hannun's provider engine over mutual TLS 1.3, as `hannun up` runs it (a client certificate required and
 * checked against the root, the caller's serialNumber registered, `requireMtls`), with the synthetic ledger,
 * and for each institution the person with the most assets, a consent of every scope and asset but one, and
 * the tokens the examiner needs — minted by the engine with the institution's own key, as 통합인증-002 would.
 */
export async function startHannunProviders(opts: HannunProvidersOptions): Promise<HannunProviders> {
  const institutions = opts.institutions
    ? DEMO_INSTITUTIONS.filter((i) => opts.institutions!.includes(i.orgCode))
    : DEMO_INSTITUTIONS;
  const pki = await ensurePki({
    dataDir: opts.dataDir,
    orgs: [
      { id: HOST.id, name: HOST.name, regNo: HOST.regNo },
      { id: 'mdhannun01', name: EXAMINER_OPERATOR.name, regNo: EXAMINER_OPERATOR.regNo },
    ],
  });
  const today = kstToday();
  // The ledger is the whole demo world (a telecom bill is paid from a bank account); the engine serves the chosen.
  const books = createLedger({
    institutions: DEMO_INSTITUTIONS,
    customers: opts.customers ?? 150,
    seed: 'examiner',
    start: today.subtract({ years: 3 }),
  });
  const consents = createMemoryConsentStore();
  const logs = createLogSink();
  const registry = createRegistry({
    orgs: [
      {
        orgCode: EXAMINER_OPERATOR.orgCode,
        orgType: '03',
        name: EXAMINER_OPERATOR.name,
        serialNum: EXAMINER_OPERATOR.regNo,
        ips: ['127.0.0.1'],
      },
    ],
    services: [
      {
        clientId: EXAMINER_CLIENT.clientId,
        orgCode: EXAMINER_OPERATOR.orgCode,
        name: '한눈 심사',
        clientSecretHash: hashClientSecret(EXAMINER_CLIENT.clientSecret),
        redirectUris: ['http://127.0.0.1:3000/callback'],
        appSchemes: [],
      },
    ],
    takenAt: Date.now(),
  });
  const engine = createProviderEngine({
    institutions,
    books: institutions.map((i) => books.get(i.orgCode)!),
    consents,
    registry,
    config: {
      logger: createLogger({ service: 'provider-under-examination', destination: logs, level: 'warn' }),
      metrics: false,
      requireMtls: true,
      callers: createCallerRegistry({
        callers: [{ orgCode: EXAMINER_OPERATOR.orgCode, serials: [EXAMINER_OPERATOR.regNo], ips: ['127.0.0.1'] }],
        allowLoopback: false,
      }),
      fastify: { https: tlsServerOptions(pki.org(HOST.id)) },
    },
  });
  const url = await engine.start({ host: '127.0.0.1', port: 0 });
  const agent = clientAgent(pki.org('mdhannun01'), { connections: 32 });
  const targets: ConformanceTarget[] = [];
  for (const institution of institutions) {
    const people = choosePeople(institution, books.get(institution.orgCode)!);
    const held = new Set(people.flatMap((p) => [...p.kinds]));
    const covered = new Set<string>();
    for (const [i, person] of people.entries()) {
      // Each person is examined on the asset APIs of the kinds they add (the first also on every API
      // without an asset, and on those no one holds: their cases are reported as skipped).
      const apis = targetApis(institution)
        .filter((api) => {
          if (api.assetKeys.length === 0) return i === 0;
          const kind = kindOf(api.listedBy, requiredScope(api, institution.industry));
          return (person.kinds.has(kind) && !covered.has(kind)) || (i === 0 && !held.has(kind));
        })
        .map((api) => api.id);
      for (const k of person.kinds) covered.add(k);
      if (apis.length === 0) continue;
      targets.push({
        baseUrl: `${url}${institution.basePath}`,
        orgCode: institution.orgCode,
        industry: institution.industry,
        operatorOrgCode: EXAMINER_OPERATOR.orgCode,
        dispatcher: agent,
        tokens: await personTokens(engine, institution, person, i === 0),
        apis,
        ...(i > 0 ? { label: String(i + 1) } : {}),
      });
    }
  }
  return {
    engine,
    targets,
    logs,
    agent,
    operatorTls: {
      certPem: pki.org('mdhannun01').certPem,
      keyPem: pki.org('mdhannun01').keyPem,
      caPem: pki.org('mdhannun01').caPem,
    },
    async close() {
      await agent.close();
      await engine.stop();
    },
  };
}

/** The list APIs whose holdings a consent of this industry names. */
function listApisOf(institution: Institution): string[] {
  const apis = targetApis(institution);
  return [...new Set(apis.filter((a) => a.listedBy).map((a) => a.listedBy!))];
}

interface Person {
  readonly ci: string;
  readonly holdings: readonly Holding[];
  /** The kinds of normal asset the person holds: `<list API>|<scope>`. */
  readonly kinds: ReadonlySet<string>;
}

const kindOf = (listApi: string | undefined, scope: string | null) => `${listApi ?? ''}|${scope ?? ''}`;

/**
 * The people to examine an institution with: first the customer with the most assets (a closed one counts
 * double: it gives the 40305 cases), then, while some kind of asset the population holds is still
 * uncovered, the customer holding most of the uncovered kinds (at most four people).
 */
function choosePeople(institution: Institution, book: InstitutionBook): Person[] {
  const now = kstDateTime(Date.now());
  const lists = listApisOf(institution);
  const everyone: (Person & { score: number })[] = [];
  for (const ci of book.customers()) {
    const customer = book.customer(ci)!;
    const holdings = lists.flatMap((api) => [...customer.holdings(api, now)]);
    const kinds = new Set(holdings.filter((h) => h.status === 'normal').map((h) => kindOf(h.listApi, h.scope)));
    everyone.push({
      ci,
      holdings,
      kinds,
      score: holdings.length + holdings.filter((h) => h.status !== 'normal').length,
    });
  }
  const first = everyone.reduce<(typeof everyone)[number] | undefined>(
    (a, b) => (!a || b.score > a.score ? b : a),
    undefined,
  );
  if (!first) throw new Error(`${institution.orgCode} has no customers`);
  const people: Person[] = [first];
  const uncovered = new Set(everyone.flatMap((p) => [...p.kinds]).filter((k) => !first.kinds.has(k)));
  while (uncovered.size > 0 && people.length < MAX_PEOPLE) {
    const gain = (p: Person) => [...p.kinds].filter((k) => uncovered.has(k)).length;
    const next = everyone.reduce((a, b) => (gain(b) > gain(a) ? b : a));
    if (gain(next) === 0) break;
    for (const k of next.kinds) uncovered.delete(k);
    people.push(next);
  }
  return people;
}

/**
 * The consent: every scope of the industry, every asset but one normal one of the list with the most (so
 * that list shows an asset with is_consent false); and the tokens the cases ask for.
 */
async function personTokens(
  engine: ProviderEngine,
  institution: Institution,
  person: Person,
  withCredentials: boolean,
): Promise<TokenSet> {
  const { ci, holdings } = person;
  const byList = new Map<string, Holding[]>();
  for (const h of holdings) byList.set(h.listApi, [...(byList.get(h.listApi) ?? []), h]);
  const richest = [...byList.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const normal = richest.filter((h) => h.status === 'normal');
  const leftOut = normal.length >= 2 ? normal[normal.length - 1] : undefined;
  const scopes = [...INDUSTRY_SCOPES[institution.industry]] as InformationScope[];
  const now = Date.now();
  const consent: ConsentRecord = {
    id: `examiner-${randomUUID()}`,
    orgCode: institution.orgCode,
    ci,
    recipientOrgCode: EXAMINER_OPERATOR.orgCode,
    clientId: 'examiner-client',
    scopes,
    assets: holdings.filter((h) => h !== leftOut).map((h) => ({ listApi: h.listApi, key: h.key })),
    isScheduled: true,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: kstToday(now).add({ years: 1 }),
    purpose: '기능적합성 심사',
    period: '심사 종료 시까지',
    flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    createdAt: now,
    auth: 'integrated',
  };
  const ended: ConsentRecord = {
    ...consent,
    id: `examiner-${randomUUID()}`,
    endDate: kstToday(now).subtract({ days: 1 }),
  };
  engine.provider.consents.put(consent);
  engine.provider.consents.put(ended);
  const secs = Math.floor(now / 1000);
  const mint = async (over: { scope?: string; exp?: number; sub?: string; jti?: string } = {}) =>
    engine.provider.mintAccessToken({
      iss: institution.orgCode,
      aud: EXAMINER_OPERATOR.orgCode,
      sub: over.sub ?? consent.id,
      jti: over.jti ?? randomUUID(),
      scope: over.scope ?? scopes.join(' '),
      iat: secs - 120,
      exp: over.exp ?? secs + 86_400,
    });
  const withoutScope: Record<string, string> = {};
  for (const s of scopes) withoutScope[s] = await mint({ scope: scopes.filter((x) => x !== s).join(' ') });
  const revokedJti = randomUUID();
  const revoked = await mint({ jti: revokedJti });
  engine.provider.revokeToken(revokedJti);
  return {
    usual: await mint(),
    withoutScope,
    given: { expired: await mint({ exp: secs - 60 }), revoked, 'consent-ended': await mint({ sub: ended.id }) },
    ...(withCredentials
      ? { client: EXAMINER_CLIENT, refresh: await pairToUseUp(engine, institution, consent, scopes.join(' ')) }
      : {}),
  };
}

/**
 * A token pair of its own for the credential cases (they refresh it, revoke it, replay it), on a consent of its
 * own, stored in the provider's authentication store as 통합인증-002 would; returns its refresh token.
 */
async function pairToUseUp(
  engine: ProviderEngine,
  institution: Institution,
  usual: ConsentRecord,
  scope: string,
): Promise<string> {
  const now = Date.now();
  const consent: ConsentRecord = { ...usual, id: `examiner-${randomUUID()}`, clientId: EXAMINER_CLIENT.clientId };
  engine.provider.consents.put(consent);
  const iat = Math.floor(now / 1000);
  const accessJti = randomBytes(12).toString('base64url');
  const refreshJti = randomBytes(12).toString('base64url');
  const claims = { iss: institution.orgCode, aud: EXAMINER_OPERATOR.orgCode, sub: consent.id, scope, iat };
  const refresh = await mintRefreshToken(engine.provider.signingKeys.of(institution.orgCode), {
    ...claims,
    jti: refreshJti,
    exp: iat + 365 * 86_400,
  });
  await engine.provider.auth.store.pairs.insert({
    id: randomUUID(),
    orgCode: institution.orgCode,
    clientId: EXAMINER_CLIENT.clientId,
    ci: consent.ci,
    consentId: consent.id,
    auth: 'integrated',
    grant: `cert:examiner-${randomUUID()}`,
    accessJti,
    refreshJti,
    issuedAt: now,
    accessExpiresAt: now + 86_400_000,
    refreshExpiresAt: (iat + 365 * 86_400) * 1000,
  });
  return refresh;
}
