import { createLogger, createLogSink, type LogSink } from '@hannun/infra';
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
import {
  type CallOptions,
  callApi,
  type Grant,
  grantFor,
  knownFields,
  requestOf,
  type TokenOptions,
} from './engine-calls.ts';
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

export { bodyOf, type CallOptions, type Grant, OPERATOR_ORG } from './engine-calls.ts';

export interface GrantOptions extends TokenOptions {
  readonly consent?: Partial<ConsentRecord> & { readonly ci?: string };
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
    const holding = opts.holding ?? assetFor(org, apiId);
    const known = {
      ...knownFields(org, today, {
        days: opts.days ?? 7,
        limit: opts.limit === null ? null : (opts.limit ?? 2),
        chargeMonth: today.toPlainYearMonth(),
      }),
      ...EXTRA_KEYS,
      ...(holding?.key ?? {}),
    };
    return requestOf(compiled, known, holding?.key ?? {}, today);
  };

  return {
    engine,
    clock,
    logs,
    fixtures,
    api,
    assetFor,
    validRequest,
    grant: (org, opts = {}) =>
      grantFor(engine, clock, fixtureConsent(fixtures[org], { ci: KIM_CI, ...opts.consent }), opts),
    call: (org, apiId, opts) => callApi(engine, fixtures[org].institution.basePath, api(org, apiId), opts),
    close: () => engine.stop(),
  };
}
