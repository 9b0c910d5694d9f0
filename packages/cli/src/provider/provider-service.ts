import { loadConfig, setting } from '@hannun/infra';
import {
  createLedger,
  createManualClock,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  kstDate,
  systemClock,
} from '@hannun/provider';
import type { ServiceDefinition } from '../ecosystem/service-definition.ts';

/** How many synthetic customers the demo's institutions hold (thin-file to heavy users). */
export const DEMO_CUSTOMERS = 500;
/** The demo's seed: the same people and data on every machine. */
export const DEMO_SEED = 'hannun-demo';
/** Years of history before today. */
const HISTORY_YEARS = 3;

/** Settings of the provider in `hannun up` and `hannun provider` (besides PROVIDER_PORT). */
export const PROVIDER_SETTINGS = {
  PROVIDER_TEST_HOOKS_TOKEN: setting.string({
    optional: true,
    minLength: 16,
    secret: true,
    description:
      'Turns on the provider test hooks (fault injection, read-only customer view, a controllable clock) under /_test, for this bearer token (at least 16 characters). Off when unset: never set it in production',
  }),
};

/**
 * The information-provider engine with the demo's 26 institutions. Data is synthetic and deterministic;
 * the clock is real time, so new transactions appear day by day. mTLS, registry allow-lists and persisted
 * consents arrive with the PKI, portal and authentication issues; until then the engine runs without
 * TLS and says so loudly in its log.
 */
export const providerService: ServiceDefinition = {
  name: 'provider',
  role: 'provider',
  description: { ko: '정보제공자 엔진', en: 'information-provider engine' },
  defaultPort: 4100,
  portVariable: 'PROVIDER_PORT',
  async start(ctx) {
    const env = loadConfig(PROVIDER_SETTINGS);
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
    const engine = createProviderEngine({
      institutions: DEMO_INSTITUTIONS,
      books: books.values(),
      consents: createMemoryConsentStore(),
      clock,
      config: {
        logger: ctx.logger,
        serviceName: 'provider',
        ...(hooksToken ? { testHooks: { enabled: true, adminToken: hooksToken } } : {}),
      },
    });
    const url = await engine.start({ host: ctx.host, port: ctx.port });
    ctx.logger.info(
      { institutions: DEMO_INSTITUTIONS.length, customers: DEMO_CUSTOMERS, customersPerRun: 'synthetic' },
      'provider engine ready',
    );
    return {
      url,
      stop: () => engine.stop(),
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
