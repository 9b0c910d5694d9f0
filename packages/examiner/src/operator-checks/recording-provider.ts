import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger, createLogSink, type Logger } from '@hannun/infra';
import {
  type ConsentRecord,
  createLedger,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  type DemoLogin,
  demoLoginOf,
  type Institution,
  type InstitutionBook,
  kstDateTime,
  mintRefreshToken,
  type ProviderClock,
  type ProviderEngine,
  systemClock,
} from '@hannun/provider';
import { createRegistry, hashClientSecret, type RegisteredOrg } from '@hannun/registry';
import { INDUSTRY_SCOPES, type InformationScope, listScope } from '@hannun/spec';
import { kstToday } from '../conformance/generate/kst-dates.ts';
import { judgeOperator, type OperatorVerdict } from './judge.ts';
import { createRecorder, type Recorder } from './recorder.ts';

/** The operator under examination, as the recording provider registers it. */
export interface ExaminedOperator {
  readonly orgCode: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris?: readonly string[];
}

export interface RecordingProviderOptions {
  /** The institutions to serve (org_codes of the demo institutions). Default: 누리은행 and 누리카드. */
  readonly institutions?: readonly string[];
  /** np_time windows for every institution instead of their own ("hhmm:hhmm"). */
  readonly npTimes?: readonly string[];
  readonly operator: ExaminedOperator;
  /** Customers of the synthetic ledger (default 30). */
  readonly customers?: number;
  readonly clock?: ProviderClock;
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  readonly logger?: Logger;
}

export interface GrantOptions {
  readonly isScheduled?: boolean;
  readonly fndCycle?: string;
  readonly addCycle?: string;
  /** Seconds the access token lives (default 90 days): short, to see the operator refresh. */
  readonly accessSeconds?: number;
}

/** A token pair the recording provider issued to the operator for the test person (as 통합인증-002 would). */
export interface IssuedPair {
  readonly orgCode: string;
  readonly consentId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: number;
  readonly refreshExpiresAt: number;
  readonly scope: string;
}

export interface RecordingInstitution {
  readonly orgCode: string;
  readonly name: string;
  readonly industry: Institution['industry'];
  readonly baseUrl: string;
  readonly npTimes: readonly string[];
}

export interface RecordingProvider {
  readonly engine: ProviderEngine;
  readonly url: string;
  readonly institutions: readonly RecordingInstitution[];
  readonly recorder: Recorder;
  /** The person an operator connects: their CI and the institutions' login (개별인증). */
  readonly testPerson: { readonly ci: string; readonly login: DemoLogin; readonly label: string };
  readonly ledger: ReadonlyMap<string, InstitutionBook>;
  /** Issue the test person's consent and token pair at an institution. */
  grant(orgCode: string, opts?: GrantOptions): Promise<IssuedPair>;
  /** The judge's verdict over everything recorded so far. */
  verdict(): OperatorVerdict;
  close(): Promise<void>;
}

const DEFAULT_INSTITUTIONS = ['BKNURI0001', 'CDNURI0001'];

/**
 * Hannun's provider engine with the demo ledger and a recorder on its `onCall` hook: an operator connects to it
 * as to any provider (plain HTTP; client credentials registered), and every call it makes is recorded for the
 * judge. The test person is the customer holding most assets at the served institutions.
 */
export async function startRecordingProvider(opts: RecordingProviderOptions): Promise<RecordingProvider> {
  const codes = opts.institutions ?? DEFAULT_INSTITUTIONS;
  const unknown = codes.filter((c) => !DEMO_INSTITUTIONS.some((i) => i.orgCode === c));
  if (unknown.length > 0) throw new Error(`not a demo institution: ${unknown.join(', ')}`);
  const institutions = DEMO_INSTITUTIONS.filter((i) => codes.includes(i.orgCode)).map((i) =>
    opts.npTimes ? { ...i, npTimes: [...opts.npTimes] } : i,
  );
  const clock = opts.clock ?? systemClock;
  const ledger = createLedger({
    institutions: DEMO_INSTITUTIONS,
    customers: opts.customers ?? 30,
    seed: 'operator-checks',
    start: kstToday(clock.nowMs()).subtract({ years: 2 }),
  });
  const consents = createMemoryConsentStore();
  const recorder = createRecorder({
    institutions,
    consentOf: (id) => consents.get(id),
  });
  const operatorOrg: RegisteredOrg = {
    orgCode: opts.operator.orgCode,
    orgType: '03',
    name: 'operator under examination',
    serialNum: '',
    ips: ['127.0.0.1', '::1'],
  };
  const service = {
    clientId: opts.operator.clientId,
    orgCode: opts.operator.orgCode,
    name: 'operator under examination',
    clientSecretHash: hashClientSecret(opts.operator.clientSecret),
    redirectUris: [...(opts.operator.redirectUris ?? ['http://127.0.0.1:3000/callback'])],
    appSchemes: [],
  };
  const registry = createRegistry({
    orgs: [
      operatorOrg,
      ...institutions.map(
        (i): RegisteredOrg => ({
          orgCode: i.orgCode,
          orgType: '01',
          industry: i.industry,
          name: i.name,
          serialNum: i.regNo,
          ips: ['127.0.0.1'],
          npTimes: i.npTimes,
        }),
      ),
    ],
    services: [service],
    takenAt: clock.nowMs(),
  });
  const engine = createProviderEngine({
    institutions,
    books: institutions.map((i) => ledger.get(i.orgCode)!),
    consents,
    clock,
    registry,
    config: {
      logger:
        opts.logger ?? createLogger({ service: 'recording-provider', destination: createLogSink(), level: 'warn' }),
      metrics: false,
      serviceName: 'recording-provider',
      onCall: recorder.observe,
    },
  });
  const url = await engine.start({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });

  const at = kstDateTime(clock.nowMs());
  const holdingsOf = (ci: string, inst: Institution) => {
    const book = ledger.get(inst.orgCode)?.customer(ci);
    if (!book) return [];
    return engine.provider
      .apisOf(inst.orgCode)
      .filter((a) => a.kind === 'list')
      .flatMap((a) => [...book.holdings(a.id, at)]);
  };
  const customers = [...ledger.get(institutions[0]!.orgCode)!.customers()];
  const score = (ci: string) =>
    institutions.reduce((n, inst) => {
      const held = holdingsOf(ci, inst).length;
      return n + (held > 0 ? 1000 + held : 0);
    }, 0);
  const ci = customers.reduce((a, b) => (score(b) > score(a) ? b : a));

  return {
    engine,
    url,
    recorder,
    ledger,
    institutions: institutions.map((i) => ({
      orgCode: i.orgCode,
      name: i.name,
      industry: i.industry,
      baseUrl: `${url}${i.basePath}`,
      npTimes: i.npTimes,
    })),
    testPerson: { ci, login: demoLoginOf(ci), label: recorder.personLabel(ci) },
    async grant(orgCode, g = {}) {
      const inst = institutions.find((i) => i.orgCode === orgCode);
      if (!inst) throw new Error(`${orgCode} is not served here`);
      const now = clock.nowMs();
      const holdings = holdingsOf(ci, inst);
      const scopes = INDUSTRY_SCOPES[inst.industry].filter((s) => s !== listScope(inst.industry)) as InformationScope[];
      const consent: ConsentRecord = {
        id: `oc-${randomUUID()}`,
        orgCode,
        ci,
        recipientOrgCode: opts.operator.orgCode,
        clientId: opts.operator.clientId,
        scopes,
        assets: holdings.map((h) => ({ listApi: h.listApi, key: h.key })),
        isScheduled: g.isScheduled ?? true,
        fndCycle: g.fndCycle ?? '1/w',
        addCycle: g.addCycle ?? '1/w',
        endDate: kstToday(now).add({ years: 1 }),
        purpose: '운영자 점검',
        period: '점검 종료 시까지',
        flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
        createdAt: now,
        auth: 'integrated',
      };
      consents.put(consent);
      const iat = Math.floor(now / 1000);
      const scope = [listScope(inst.industry), ...scopes].join(' ');
      const accessJti = randomBytes(12).toString('base64url');
      const refreshJti = randomBytes(12).toString('base64url');
      const accessExp = iat + (g.accessSeconds ?? 90 * 86_400);
      const refreshExp = iat + 365 * 86_400;
      const base = { iss: orgCode, aud: opts.operator.orgCode, sub: consent.id, scope, iat };
      const accessToken = await engine.provider.mintAccessToken({ ...base, jti: accessJti, exp: accessExp });
      const refreshToken = await mintRefreshToken(engine.provider.signingKeys.of(orgCode), {
        ...base,
        jti: refreshJti,
        exp: refreshExp,
      });
      await engine.provider.auth.store.pairs.insert({
        id: randomUUID(),
        orgCode,
        clientId: opts.operator.clientId,
        ci,
        consentId: consent.id,
        auth: 'integrated',
        grant: `cert:operator-check-${randomUUID()}`,
        accessJti,
        refreshJti,
        issuedAt: now,
        accessExpiresAt: accessExp * 1000,
        refreshExpiresAt: refreshExp * 1000,
      });
      return {
        orgCode,
        consentId: consent.id,
        accessToken,
        refreshToken,
        accessExpiresAt: accessExp * 1000,
        refreshExpiresAt: refreshExp * 1000,
        scope,
      };
    },
    verdict: () => judgeOperator(recorder.records(), new Map(institutions.map((i) => [i.orgCode, i.npTimes] as const))),
    close: () => engine.stop(),
  };
}
