import { loadConfig, setting } from '@hannun/infra';
import { createCaService, ensureCaSecrets, openSqlCaRepository } from '@hannun/ca';
import { withLocalCredentials } from '@hannun/registry';
import { STORE_SETTINGS, storeUrlFor } from '@hannun/store';
import { participantRegistry } from '../portal/participant-registry.ts';
import { REGISTRY_SYNC_SETTINGS } from '../portal/portal-settings.ts';
import { HANNUN_CA } from '../ecosystem/demo-organisations.ts';
import { enrolDemoPeople } from './enrol-demo-people.ts';
import type { ServiceDefinition } from '../ecosystem/service-definition.ts';
import { TRUST_SETTINGS } from '../ecosystem/trust-settings.ts';

/** Settings of the CA in `hannun up` (besides CA_PORT, its API). */
export const CA_SETTINGS = {
  ...TRUST_SETTINGS,
  ...REGISTRY_SYNC_SETTINGS,
  ...STORE_SETTINGS,
  CA_PAGES_PORT: setting.port({
    default: 4201,
    description: "Port of the CA's approval page (plain HTTP on HOST), where the person reads and signs consents",
  }),
};

/**
 * The integrated CA (통합인증기관, 통합인증-101…104): its API behind mutual TLS 1.3 on CA_PORT, and the person's
 * approval page on CA_PAGES_PORT. People, signing transactions and signatures live in the Hannun database
 * (`HANNUN_DATABASE_URL`, SQLite in the data directory by default), with CIs and signed consents sealed; the PIN
 * pepper, key-encryption key and the root of people's certificates in `<data dir>/ca/secrets.json` (0600), the
 * storage key that seals the database's columns in `<data dir>/ca/storage.key` (0600).
 */
export const caService: ServiceDefinition = {
  name: 'ca',
  role: 'ca',
  description: { ko: '통합인증기관', en: 'integrated certificate authority' },
  defaultPort: 4200,
  portVariable: 'CA_PORT',
  async start(ctx) {
    const env = loadConfig(CA_SETTINGS, ctx.env);
    const { secrets, created } = await ensureCaSecrets({ dataDir: ctx.dataDir });
    if (created) ctx.logger.info('CA secrets created (PIN pepper, key-encryption key, personal root)');
    const repository = await openSqlCaRepository({
      url: storeUrlFor(ctx.dataDir, ctx.env),
      storageKey: secrets.storageKey,
      logger: ctx.logger,
    });
    const insecure = env.HANNUN_INSECURE_NO_MTLS;
    // Who exists, their serials and addresses: synced from the portal (지원-002/006), so a removal reaches the CA
    // within one interval. Organisations' client-credential hashes travel in no support API: those stay the ones
    // provisioned at start (credentials.json).
    const participant = await participantRegistry(ctx, {
      self: HANNUN_CA,
      role: 'ca',
      tranIdKind: 'A',
      intervalMs: env.REGISTRY_SYNC_INTERVAL_MS,
      mutualTls: !insecure,
    });
    const ca = createCaService({
      orgCode: HANNUN_CA.orgCode,
      credentials: ctx.trust.pki.org(HANNUN_CA.pkiId),
      registry: withLocalCredentials(participant.registry, ctx.trust.registry),
      repository,
      secrets,
      requireMtls: !insecure,
      allowLoopback: true,
      logger: ctx.logger,
      serviceName: 'ca',
      serviceVersion: ctx.version,
    });
    try {
      const apiUrl = await ca.api.start({ host: ctx.host, port: ctx.port });
      // In tests every port is 0 (free); otherwise the pages have their own.
      const pagesUrl = await ca.pages.start({ host: ctx.host, port: ctx.port === 0 ? 0 : env.CA_PAGES_PORT });
      const people = await enrolDemoPeople(ca.controls, ctx.logger);
      ctx.logger.info({ api: apiUrl, pages: pagesUrl, mutualTls: !insecure, people: people.length }, 'CA ready');
      return {
        url: apiUrl,
        pagesUrl,
        stop: async () => {
          await participant.stop();
          await ca.pages.stop();
          await ca.api.stop();
          await repository.close();
        },
        demo: { ca: { org_code: HANNUN_CA.orgCode, ca_code: ca.controls.caCode, apiUrl, pagesUrl }, people },
      };
    } catch (error) {
      await participant.stop();
      await ca.api.stop().catch(() => undefined);
      await repository.close();
      throw error;
    }
  },
};
