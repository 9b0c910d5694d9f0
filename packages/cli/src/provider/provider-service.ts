import { join } from 'node:path';
import { loadConfig, setting } from '@hannun/infra';
import { ensureStorageKey } from '@hannun/pki';
import { STORE_SETTINGS, storeUrlFor } from '@hannun/store';
import {
  createLedger,
  createManualClock,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  kstDate,
  systemClock,
} from '@hannun/provider';
import { ensureSecretFile } from '../ecosystem/secret-file.ts';
import type { ServiceDefinition } from '../ecosystem/service-definition.ts';
import { TRUST_SETTINGS } from '../ecosystem/trust-settings.ts';
import { participantRegistry } from '../portal/participant-registry.ts';
import { providerStatistics } from '../portal/provider-statistics.ts';
import { REGISTRY_SYNC_SETTINGS } from '../portal/portal-settings.ts';
import { providerSupport } from './provider-support.ts';
import { PROVIDER_HOST } from '../ecosystem/demo-organisations.ts';
import { DEMO_CUSTOMERS, DEMO_SEED, HISTORY_YEARS } from '../ecosystem/demo-people.ts';
import { providerAuth } from './provider-auth.ts';
import { institutionSigningKeys } from './provider-signing-keys.ts';
import { providerTransport } from './provider-transport.ts';

export { DEMO_CUSTOMERS, DEMO_SEED } from '../ecosystem/demo-people.ts';

/** Where the provider keeps its next_page cursor key, under the data directory (0600). */
export const CURSOR_SECRET_FILE = join('provider', 'cursor.key');

/** Where the provider keeps the storage key that seals its database columns, under the data directory (0600). */
export const STORAGE_KEY_FILE = join('provider', 'storage.key');

/** Settings of the provider in `hannun up` and `hannun provider` (besides PROVIDER_PORT). */
export const PROVIDER_SETTINGS = {
  ...TRUST_SETTINGS,
  ...REGISTRY_SYNC_SETTINGS,
  ...STORE_SETTINGS,
  PROVIDER_PAGES_PORT: setting.port({
    default: 4101,
    description:
      "Port of the institutions' own login and consent pages of 개별인증 (plain HTTP on HOST, no client certificate), where the person's browser goes",
  }),
  PROVIDER_TEST_HOOKS_TOKEN: setting.string({
    optional: true,
    minLength: 16,
    secret: true,
    description:
      'Turns on the provider test hooks (fault injection, read-only customer view, a controllable clock) under /_test, for this bearer token (at least 16 characters). Off when unset: never set it in production',
  }),
};

/**
 * The information-provider engine with the demo's 26 institutions, behind mutual TLS 1.3 (see
 * provider-transport.ts): callers are checked against the registry, tokens are signed with each
 * institution's PKI signing key and cursors with a key kept in the data directory, so both survive a
 * restart. Data is synthetic and deterministic; the clock is real time, so new transactions appear day by day.
 */
export const providerService: ServiceDefinition = {
  name: 'provider',
  role: 'provider',
  description: { ko: '정보제공자 엔진', en: 'information-provider engine' },
  defaultPort: 4100,
  portVariable: 'PROVIDER_PORT',
  async start(ctx) {
    const env = loadConfig(PROVIDER_SETTINGS, ctx.env);
    const hooksToken = env.PROVIDER_TEST_HOOKS_TOKEN;
    // With the test hooks on, the clock is controllable (POST <prefix>/clock), starting at real time.
    const clock = hooksToken ? createManualClock(systemClock.nowMs()) : systemClock;
    const today = kstDate(clock.nowMs());
    const books = createLedger({
      institutions: DEMO_INSTITUTIONS,
      customers: DEMO_CUSTOMERS,
      seed: DEMO_SEED,
      start: today.subtract({ years: HISTORY_YEARS }),
    });
    // The engine's host calls the portal for the providers it serves, as a relay does (지원-001 on their behalf).
    const participant = await participantRegistry(ctx, {
      self: PROVIDER_HOST,
      role: 'provider',
      tranIdKind: 'R',
      intervalMs: env.REGISTRY_SYNC_INTERVAL_MS,
      mutualTls: !env.HANNUN_INSECURE_NO_MTLS,
    });
    const transport = providerTransport(ctx.trust, participant.registry, env.HANNUN_INSECURE_NO_MTLS, ctx.logger);
    const consents = createMemoryConsentStore();
    const auth = await providerAuth({
      trust: ctx.trust,
      consents,
      databaseUrl: storeUrlFor(ctx.dataDir, ctx.env),
      storageKey: (await ensureStorageKey(join(ctx.dataDir, STORAGE_KEY_FILE))).key,
      caUrl: ctx.running().find((s) => s.role === 'ca')?.url,
      logger: ctx.logger,
      ...(participant.live ? { synced: participant.live } : {}),
    }).catch(async (error: unknown) => {
      await participant.stop();
      throw error;
    });
    // 지원-005: the engine counts every call it answers; the host sends the week to the portal on Monday.
    const statistics = await providerStatistics(ctx, {
      institutions: DEMO_INSTITUTIONS,
      consents: () => consents.all(),
      clock,
      mutualTls: !env.HANNUN_INSECURE_NO_MTLS,
    }).catch(async (error: unknown) => {
      await auth.close();
      await participant.stop();
      throw error;
    });
    const engine = createProviderEngine({
      institutions: DEMO_INSTITUTIONS,
      books: books.values(),
      consents,
      clock,
      registry: auth.registry,
      support: {
        ...providerSupport(ctx.trust, DEMO_INSTITUTIONS),
        ...(statistics ? { statistics: statistics.sender } : {}),
      },
      ...(statistics ? { statistics: statistics.tally } : {}),
      config: {
        auth: auth.config,
        logger: ctx.logger,
        serviceName: 'provider',
        requireMtls: transport.requireMtls,
        personPages: true,
        callers: transport.callers,
        signingKeys: institutionSigningKeys(ctx.trust.pki, DEMO_INSTITUTIONS),
        cursorSecret: await ensureSecretFile(join(ctx.dataDir, CURSOR_SECRET_FILE), 32),
        ...(transport.https ? { fastify: { https: transport.https } } : {}),
        ...(hooksToken ? { testHooks: { enabled: true, adminToken: hooksToken } } : {}),
      },
    });
    let url: string;
    let pagesUrl: string;
    try {
      url = await engine.start({ host: ctx.host, port: ctx.port });
      pagesUrl = await engine.pages!.start({ host: ctx.host, port: ctx.port === 0 ? 0 : env.PROVIDER_PAGES_PORT });
    } catch (error) {
      await engine.stop();
      await statistics?.stop();
      await auth.close();
      await participant.stop();
      throw error;
    }
    ctx.logger.info(
      {
        institutions: DEMO_INSTITUTIONS.length,
        customers: DEMO_CUSTOMERS,
        customersPerRun: 'synthetic',
        mutualTls: transport.requireMtls,
        pages: pagesUrl,
      },
      'provider engine ready',
    );
    statistics?.start();
    return {
      url,
      pagesUrl,
      stop: async () => {
        await participant.stop();
        await engine.pages?.stop();
        await engine.stop();
        await statistics?.stop();
        await auth.close();
      },
      demo: {
        institutions: DEMO_INSTITUTIONS.map((i) => ({
          org_code: i.orgCode,
          industry: i.industry,
          name: i.name,
          baseUrl: `${url}${i.basePath}`,
        })),
      },
    };
  },
};
