import { loadConfig } from '@hannun/infra';
import { createPublicKey } from 'node:crypto';
import { createCaIdentity, createPortal, type PortalDatabase, type PortalOptions } from '@hannun/portal';
import type { Dispatcher } from 'undici';
import { clientAgent } from '@hannun/pki';
import { openStore, STORE_SETTINGS, storeUrlFor } from '@hannun/store';
import { HANNUN_CA, HANNUN_PORTAL } from '../ecosystem/demo-organisations.ts';
import type { ServiceContext, ServiceDefinition } from '../ecosystem/service-definition.ts';
import { TRUST_SETTINGS } from '../ecosystem/trust-settings.ts';
import { ensureAdminToken, ensureCredentialKey, writeAdminEndpoint } from './portal-files.ts';
import { PORTAL_SETTINGS } from './portal-settings.ts';

/**
 * The consolidated consent view's identity check: the CA of this run (started after the portal, so looked up at
 * each visit), with the portal's own credential at the CA and the CA's key for its assertions.
 */
function consentView(ctx: ServiceContext, dispatcher: Dispatcher | undefined): Pick<PortalOptions, 'consentView'> {
  const own = ctx.trust.credentials.orgs.get(HANNUN_PORTAL.orgCode);
  const caSigning = ctx.trust.pki.org(HANNUN_CA.pkiId).signing;
  if (!own || !caSigning) return {};
  return {
    consentView: {
      identity: createCaIdentity({
        ca: () => {
          const ca = ctx.running().find((s) => s.role === 'ca');
          return ca?.pagesUrl ? { apiUrl: ca.url, pagesUrl: ca.pagesUrl } : undefined;
        },
        caOrgCode: HANNUN_CA.orgCode,
        caPublicKey: createPublicKey(caSigning.publicKeyPem),
        portalOrgCode: HANNUN_PORTAL.orgCode,
        credentials: { clientId: own.clientId, clientSecret: own.clientSecret },
        ...(dispatcher ? { dispatcher } : {}),
      }),
    },
  };
}

/** Every setting the portal service reads (besides PORTAL_PORT). */
export const PORTAL_SERVICE_SETTINGS = { ...TRUST_SETTINGS, ...STORE_SETTINGS, ...PORTAL_SETTINGS };

/**
 * The portal (종합포털): the registry every participant syncs from, 지원-001…006 behind mutual TLS 1.3 on
 * PORTAL_PORT, the admin API for `hannun portal …` on 127.0.0.1:PORTAL_ADMIN_PORT, the administrators' pages
 * (registry, change log, statistics; login with the admin token) on HOST:PORTAL_PAGES_PORT, and the providers'
 * status (지원-101/102) polled every PORTAL_STATUS_INTERVAL_MS. Its registry lives in the Hannun database; the demo's
 * organisations were onboarded there before any service started (`prepareTrust`).
 */
export const portalService: ServiceDefinition = {
  name: 'portal',
  role: 'portal',
  description: { ko: '종합포털', en: 'MyData portal' },
  defaultPort: 4000,
  portVariable: 'PORTAL_PORT',
  async start(ctx) {
    const env = loadConfig(PORTAL_SERVICE_SETTINGS, ctx.env);
    const insecure = env.HANNUN_INSECURE_NO_MTLS;
    const credentials = ctx.trust.pki.org(HANNUN_PORTAL.pkiId);
    const store = await openStore<PortalDatabase>({ url: storeUrlFor(ctx.dataDir, ctx.env), logger: ctx.logger });
    const dispatcher = insecure ? undefined : clientAgent(credentials);
    const adminToken = await ensureAdminToken(ctx.dataDir);
    const portal = await createPortal({
      orgCode: HANNUN_PORTAL.orgCode,
      store,
      credentials,
      credentialKey: await ensureCredentialKey(ctx.dataDir),
      adminToken,
      requireMtls: !insecure,
      allowLoopback: true,
      status: { intervalMs: env.PORTAL_STATUS_INTERVAL_MS, ...(dispatcher ? { dispatcher } : {}) },
      ...consentView(ctx, dispatcher),
      logger: ctx.logger,
    });
    const stop = async () => {
      await portal.stop();
      await dispatcher?.close();
      await store.close();
    };
    try {
      const url = await portal.api.start({ host: ctx.host, port: ctx.port });
      // The admin API is plain HTTP: loopback only, whatever HOST says. In tests every port is 0 (free).
      const adminUrl = await portal.adminApi.start({
        host: '127.0.0.1',
        port: ctx.port === 0 ? 0 : env.PORTAL_ADMIN_PORT,
      });
      // The pages are for people's browsers: on HOST, like the CA's approval page. In tests every port is 0.
      const pagesUrl = await portal.pages.start({ host: ctx.host, port: ctx.port === 0 ? 0 : env.PORTAL_PAGES_PORT });
      await writeAdminEndpoint(ctx.dataDir, {
        url: adminUrl,
        supportUrl: url,
        pid: process.pid,
        startedAt: new Date().toISOString(),
      });
      portal.poller?.start();
      ctx.logger.info(
        {
          url,
          admin: adminUrl,
          pages: pagesUrl,
          mutualTls: !insecure,
          statusIntervalMs: env.PORTAL_STATUS_INTERVAL_MS,
        },
        'portal ready',
      );
      return {
        url,
        pagesUrl,
        stop,
        demo: {
          portal: {
            org_code: HANNUN_PORTAL.orgCode,
            apiUrl: url,
            pagesUrl,
            adminApiUrl: adminUrl,
            admin: { login: 'token', token: adminToken },
          },
        },
      };
    } catch (error) {
      await stop();
      throw error;
    }
  },
};
