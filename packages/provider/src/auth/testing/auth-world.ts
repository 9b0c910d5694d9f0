import { createLogger, createLogSink, type LogSink } from '@hannun/infra';
import { createRegistry, hashClientSecret, type Registry, type RegistrySnapshot } from '@hannun/registry';
import { generateTranId } from '@hannun/spec';
import type { Response } from 'light-my-request';
import { createManualClock, type ManualClock } from '../../clock/manual-clock.ts';
import { createMemoryConsentStore } from '../../consent/memory-consent-store.ts';
import { createProviderEngine, type ProviderEngine } from '../../server/create-provider-engine.ts';
import type { ProviderEngineConfig } from '../../server/engine-config.ts';
import { callApi } from '../../testing/engine-calls.ts';
import {
  FIXTURE_NOW,
  FIXTURE_ORGS,
  type FixtureInstitution,
  type FixtureOrg,
  fixtureInstitution,
} from '../../testing/fixture-world.ts';
import type { AuthConfig } from '../auth-config.ts';

/**
 * The authentication tests' world: the engine's four fixture institutions (Kim and Lee as customers), a
 * registry with two operators and their services and a CA, and a manual clock. Calls go through
 * `inject` (no socket) unless a test starts the engine.
 */
export const OPERATOR = 'MDHANNUN01';
export const OTHER_OPERATOR = 'MDOTHERS01';
export const CA_ORG = 'CAHANNUN01';
export const CA_CODE = 'HNCA000001';
export const CLIENT_ID = 'hannunApp0000000000000000000000000000000000000001';
export const CLIENT_SECRET = 'Secret0000000000000000000000000000000000000000001';
export const OTHER_CLIENT_ID = 'otherApp00000000000000000000000000000000000000002';
export const OTHER_CLIENT_SECRET = 'Secret0000000000000000000000000000000000000000002';
export const REDIRECT_URI = 'https://app.hannun.example/oauth/callback';
export const OTHER_REDIRECT_URI = 'https://other.example/cb';
export const APP_SCHEME = 'hannun://auth';
/** Cheap argon2id for tests (the default costs ~24 ms a hash). */
export const TEST_HASHING = { memoryCost: 256, timeCost: 1 } as const;

export function testSnapshot(caBaseUrl = 'https://127.0.0.1:1'): RegistrySnapshot {
  return {
    takenAt: 0,
    orgs: [
      ...FIXTURE_ORGS.map((org, i) => ({
        orgCode: org,
        orgType: '01' as const,
        name: org,
        serialNum: `10181000${10 + i}`,
        ips: [],
      })),
      { orgCode: OPERATOR, orgType: '03', name: '한눈', serialNum: '2208100001', ips: [] },
      { orgCode: OTHER_OPERATOR, orgType: '03', name: '다른사업자', serialNum: '2208100009', ips: [] },
      {
        orgCode: CA_ORG,
        orgType: '06',
        name: '한눈인증',
        serialNum: '2208100002',
        ips: [],
        caCode: CA_CODE,
        baseUrl: caBaseUrl,
      },
    ],
    services: [
      {
        clientId: CLIENT_ID,
        orgCode: OPERATOR,
        name: '한눈 앱',
        clientSecretHash: hashClientSecret(CLIENT_SECRET),
        redirectUris: [REDIRECT_URI, 'https://app.hannun.example/other'],
        appSchemes: [APP_SCHEME],
      },
      {
        clientId: OTHER_CLIENT_ID,
        orgCode: OTHER_OPERATOR,
        name: '다른 앱',
        clientSecretHash: hashClientSecret(OTHER_CLIENT_SECRET),
        redirectUris: [OTHER_REDIRECT_URI],
        appSchemes: ['other://'],
      },
    ],
  };
}

export interface AuthWorld {
  readonly engine: ProviderEngine;
  readonly clock: ManualClock;
  readonly logs: LogSink;
  readonly registry: Registry;
  /** The engine's consent store (every consent, for assertions). */
  readonly consents: ReturnType<typeof createMemoryConsentStore>;
  readonly fixtures: Readonly<Record<FixtureOrg, FixtureInstitution>>;
  /** POST a form to `<base>/oauth/2.0/<endpoint>` as the operator does. */
  post(
    org: FixtureOrg,
    endpoint: 'token' | 'revoke',
    fields: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** An information API with a bearer token. */
  call(org: FixtureOrg, apiId: string, token: string, fields?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface AuthWorldOptions {
  readonly auth?: AuthConfig;
  readonly config?: ProviderEngineConfig;
  readonly registry?: Registry | null;
  readonly caBaseUrl?: string;
  /** The engine's consent store (an SQL auth store writes through to it). */
  readonly consents?: ReturnType<typeof createMemoryConsentStore>;
}

export function createAuthWorld(opts: AuthWorldOptions = {}): AuthWorld {
  const clock = createManualClock(FIXTURE_NOW);
  const logs = createLogSink();
  const fixtures = Object.fromEntries(FIXTURE_ORGS.map((org) => [org, fixtureInstitution(org)])) as Record<
    FixtureOrg,
    FixtureInstitution
  >;
  const registry = opts.registry === null ? undefined : (opts.registry ?? createRegistry(testSnapshot(opts.caBaseUrl)));
  const consents = opts.consents ?? createMemoryConsentStore();
  const engine = createProviderEngine({
    institutions: FIXTURE_ORGS.map((org) => fixtures[org].institution),
    books: FIXTURE_ORGS.map((org) => fixtures[org].book),
    consents,
    clock,
    ...(registry ? { registry } : {}),
    config: {
      logger: createLogger({ service: 'provider-auth-test', destination: logs, level: 'info' }),
      metrics: false,
      ...opts.config,
      auth: { passwordHashing: TEST_HASHING, ...opts.auth },
    },
  });
  return {
    engine,
    clock,
    logs,
    registry: registry ?? createRegistry(testSnapshot()),
    consents,
    fixtures,
    post: (org, endpoint, fields, headers = {}) =>
      engine.inject({
        method: 'POST',
        url: `${fixtures[org].institution.basePath}/oauth/2.0/${endpoint}`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-api-tran-id': generateTranId(OPERATOR, 'M'),
          ...headers,
        },
        payload: new URLSearchParams(fields).toString(),
      }),
    call: (org, apiId, token, fields) => {
      const api = engine.provider.apisOf(org).find((a) => a.id === apiId);
      if (!api) throw new Error(`${org} does not serve ${apiId}`);
      return callApi(engine, fixtures[org].institution.basePath, api, {
        token,
        fields: fields ?? { org_code: org },
      });
    },
    close: () => engine.stop(),
  };
}
