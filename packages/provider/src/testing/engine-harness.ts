import { randomUUID } from 'node:crypto';
import { createLogger, createLogSink, type LogSink } from '@hannun/infra';
import { type ApiType, encodeValue, generateTranId } from '@hannun/spec';
import type { Response } from 'light-my-request';
import type { Temporal } from 'temporal-polyfill';
import { kstDate } from '../clock/kst.ts';
import { createManualClock, type ManualClock } from '../clock/manual-clock.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import type { Holding } from '../ledger/ledger.ts';
import { createProviderEngine, type ProviderEngine } from '../server/create-provider-engine.ts';
import type { ProviderEngineConfig } from '../server/engine-config.ts';
import { fixtureValue } from './fixture-values.ts';
import {
  FIXTURE_NOW,
  FIXTURE_ORGS,
  type FixtureInstitution,
  type FixtureOrg,
  fixtureConsent,
  fixtureInstitution,
  KIM_CI,
  type Variant,
} from './fixture-world.ts';

export const OPERATOR_ORG = 'MDHANNUN01';

export interface Grant {
  readonly consent: ConsentRecord;
  readonly token: string;
  readonly jti: string;
}

export interface GrantOptions {
  readonly consent?: Partial<ConsentRecord> & { readonly ci?: string };
  /** The token's scope string; the consent's scopes by default. */
  readonly scope?: string;
  /** Seconds from the clock's now until expiry (default 90 days); negative for an expired token. */
  readonly expiresIn?: number;
  /** Sign with another institution's key (and iss). */
  readonly signedBy?: FixtureOrg;
  readonly aud?: string;
}

export interface CallOptions {
  /** The token; null for none. */
  readonly token: string | null;
  readonly version?: string;
  /** The tran id; null for none, a fresh one by default. */
  readonly tranId?: string | null;
  /** x-api-type; null for none. Default user-consent. */
  readonly apiType?: ApiType | string | null;
  readonly method?: string;
  /** Request fields as wire strings (query or body); `validRequest` builds them. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Path parameters ({card_id}). */
  readonly params?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** A raw body instead of JSON of `fields`. */
  readonly rawBody?: string;
  readonly path?: string;
}

export interface ValidRequestOptions {
  readonly holding?: Holding;
  /** from_date/to_date (or months) ending today, this many days (default 7). */
  readonly days?: number;
  readonly today?: Temporal.PlainDate;
  readonly limit?: number | null;
}

export interface Harness {
  readonly engine: ProviderEngine;
  readonly clock: ManualClock;
  readonly logs: LogSink;
  readonly fixtures: Readonly<Record<FixtureOrg, FixtureInstitution>>;
  api(org: FixtureOrg, apiId: string): CompiledApi;
  /** A fresh consent (Kim's by default) stored at the institution, and an access token for it. */
  grant(org: FixtureOrg, opts?: GrantOptions): Promise<Grant>;
  /** The asset an API is asked about in the positive case (Kim's normal, consented one). */
  assetFor(org: FixtureOrg, apiId: string, variant?: Variant): Holding | undefined;
  /** Wire fields and path parameters of a valid request of the API. */
  validRequest(
    org: FixtureOrg,
    apiId: string,
    opts?: ValidRequestOptions,
  ): { fields: Record<string, string>; params: Record<string, string> };
  call(org: FixtureOrg, apiId: string, opts: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

const wire = (type: Parameters<typeof encodeValue>[0], value: unknown) =>
  encodeValue(type, value as never, { field: 'fixture', location: 'query' });

/** Fields that name the asset beyond the list's key (보험-003 insured_no, 보험-007 car_number). */
const EXTRA_KEYS: Record<string, string> = { insured_no: '01', car_number: '12가3456' };

export function createHarness(config: ProviderEngineConfig = {}): Harness {
  const clock = createManualClock(FIXTURE_NOW);
  const consents = createMemoryConsentStore();
  const fixtures = Object.fromEntries(FIXTURE_ORGS.map((org) => [org, fixtureInstitution(org)])) as Record<
    FixtureOrg,
    FixtureInstitution
  >;
  const logs = createLogSink();
  const engine = createProviderEngine({
    institutions: FIXTURE_ORGS.map((org) => fixtures[org].institution),
    books: FIXTURE_ORGS.map((org) => fixtures[org].book),
    consents,
    clock,
    config: {
      logger: createLogger({ service: 'provider-test', destination: logs, level: 'warn' }),
      metrics: false,
      ...config,
    },
  });

  const api = (org: FixtureOrg, apiId: string) => {
    const found = engine.provider.apisOf(org).find((a) => a.id === apiId);
    if (!found) throw new Error(`${org} does not serve ${apiId}`);
    return found;
  };

  const assetFor: Harness['assetFor'] = (org, apiId, variant = 'mine') => {
    const target = api(org, apiId).asset;
    if (!target) return undefined;
    const fixture = fixtures[org];
    const group = fixture.groups.find((g) => g.listApi === target.listApi && g.scope === target.scope)!;
    return fixture.holding(group, variant);
  };

  const validRequest: Harness['validRequest'] = (org, apiId, opts = {}) => {
    const compiled = api(org, apiId);
    const today = opts.today ?? kstDate(clock.nowMs());
    const from = today.subtract({ days: (opts.days ?? 7) - 1 });
    const holding = opts.holding ?? assetFor(org, apiId);
    const fields: Record<string, string> = {};
    const params: Record<string, string> = {};
    const known: Record<string, string> = {
      org_code: org,
      from_date: wire({ kind: 'DATE' }, from),
      to_date: wire({ kind: 'DATE' }, today),
      from_month: wire({ kind: 'MONTH' }, today.toPlainYearMonth().subtract({ months: 1 })),
      to_month: wire({ kind: 'MONTH' }, today.toPlainYearMonth()),
      charge_month: wire({ kind: 'MONTH' }, today.toPlainYearMonth()),
      ...(opts.limit === null ? {} : { limit: String(opts.limit ?? 2) }),
      ...EXTRA_KEYS,
      ...(holding?.key ?? {}),
    };
    for (const node of compiled.requestShape) {
      const value = known[node.name];
      if (value !== undefined && (node.required || node.name === 'limit' || holding?.key[node.name] !== undefined))
        fields[node.name] = value;
      else if (node.required && node.kind === 'field')
        fields[node.name] = wire(node.type, fixtureValue(node.type, node.name, 1, today));
    }
    for (const node of compiled.pathShape ?? []) params[node.name] = known[node.name] ?? 'X';
    return { fields, params };
  };

  let jtiSerial = 0;
  return {
    engine,
    clock,
    logs,
    fixtures,
    api,
    assetFor,
    validRequest,
    async grant(org, opts = {}) {
      const consent = fixtureConsent(fixtures[org], { ci: KIM_CI, ...opts.consent });
      consents.put(consent);
      const now = Math.floor(clock.nowMs() / 1000);
      const jti = `jti-${++jtiSerial}-${randomUUID()}`;
      const iss = opts.signedBy ?? org;
      const token = await engine.provider.mintAccessToken({
        iss,
        aud: opts.aud ?? OPERATOR_ORG,
        sub: consent.id,
        jti,
        scope: opts.scope ?? consent.scopes.join(' '),
        iat: now,
        exp: now + (opts.expiresIn ?? 90 * 86_400),
      });
      return { consent, token, jti };
    },
    async call(org, apiId, opts) {
      const compiled = api(org, apiId);
      const fixture = fixtures[org];
      const version = opts.version ?? 'v2';
      const resource = compiled.spec.resource.replace(/\{([a-z_]+)\}/g, (_, name: string) =>
        encodeURIComponent(opts.params?.[name] ?? 'X'),
      );
      const path = opts.path ?? `${fixture.institution.basePath}/${version}/${compiled.industry}${resource}`;
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token !== null) headers['authorization'] = `Bearer ${opts.token}`;
      if (opts.tranId !== null) headers['x-api-tran-id'] = opts.tranId ?? generateTranId(OPERATOR_ORG, 'M');
      if (opts.apiType !== null) headers['x-api-type'] = opts.apiType ?? 'user-consent';
      const method = opts.method ?? compiled.method;
      if (compiled.method === 'GET' || method === 'GET') {
        const query = new URLSearchParams(opts.fields ?? {}).toString();
        return engine.inject({ method: method as 'GET', url: query ? `${path}?${query}` : path, headers });
      }
      return engine.inject({
        method: method as 'POST',
        url: path,
        headers: { 'content-type': 'application/json', ...headers },
        payload: opts.rawBody ?? JSON.stringify(opts.fields ?? {}),
      });
    },
    close: () => engine.stop(),
  };
}

/** The body of an answer, parsed. */
export function bodyOf(response: Response): Record<string, unknown> {
  return response.json() as Record<string, unknown>;
}
