import {
  createLedger,
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
    const today = kstDate(systemClock.nowMs());
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
      config: { logger: ctx.logger, serviceName: 'provider' },
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
