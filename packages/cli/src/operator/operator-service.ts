import { createPublicKey } from 'node:crypto';
import { APP_DIST_DIR } from '@hannun/app';
import { loadConfig } from '@hannun/infra';
import { collectorOf, createOperatorApp, createOperatorRuntime, createOperatorSupport } from '@hannun/operator';
import { clientAgent, tlsServerOptions } from '@hannun/pki';
import { kstDate, systemClock } from '@hannun/provider';
import { hashClientSecret } from '@hannun/registry';
import { HANNUN_APP, HANNUN_CA, HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import { demoPeople } from '../ecosystem/demo-people.ts';
import type { ServiceDefinition } from '../ecosystem/service-definition.ts';
import { participantRegistry } from '../portal/participant-registry.ts';
import { prepareDemoMembers } from './demo-members.ts';
import { openOperatorCore } from './operator-core.ts';
import { operatorStatistics } from './operator-statistics.ts';
import { OPERATOR_SETTINGS } from './operator-settings.ts';

/**
 * The MyData operator (마이데이터사업자, MDHANNUN01) as a running service: the person's app API on PORT (3000;
 * `/api/…`, `/callback`), its support APIs for the portal on OPERATOR_SUPPORT_PORT (4300, mutual TLS), and the
 * collection engine's worker in the same process. It calls the CA and the providers with its own certificate
 * (PKI org `mdhannun01`) and the credentials the portal issued; its registry follows the portal; its data lives
 * in the Hannun database (`HANNUN_DATABASE_URL`, SQLite by default) sealed with the key ring in
 * `<data dir>/operator/keys.json` (or HANNUN_OPERATOR_KEYS). Starts after the CA and the providers.
 */
export const operatorService: ServiceDefinition = {
  name: 'operator',
  role: 'operator',
  description: { ko: '마이데이터 사업자 (앱 API)', en: "MyData operator (the app's API)" },
  defaultPort: 3000,
  portVariable: 'PORT',
  async start(ctx) {
    const env = loadConfig(OPERATOR_SETTINGS, ctx.env);
    const { logger } = ctx;
    const ca = ctx.running().find((s) => s.role === 'ca');
    if (!ca?.pagesUrl) throw new Error('the operator needs the CA of this run (start it first)');
    const own = ctx.trust.credentials.orgs.get(HANNUN_OPERATOR.orgCode);
    const app = ctx.trust.credentials.services.get(HANNUN_APP.key);
    if (!own || !app)
      throw new Error(`the portal issued no credentials to ${HANNUN_OPERATOR.orgCode} (credentials.json)`);
    const caSigning = ctx.trust.pki.org(HANNUN_CA.pkiId).signing;
    if (!caSigning) throw new Error('the CA has no signing key in the PKI');
    const caCode = ctx.trust.registry.org(HANNUN_CA.orgCode)?.caCode;
    if (!caCode) throw new Error(`${HANNUN_CA.orgCode} has no ca_code in the registry`);
    const mutualTls = !env.HANNUN_INSECURE_NO_MTLS;
    const credentials = ctx.trust.pki.org(HANNUN_OPERATOR.pkiId);
    const dispatcher = mutualTls ? clientAgent(credentials) : undefined;

    const cleanups: (() => Promise<unknown>)[] = [];
    const unwind = async () => {
      for (const c of cleanups.reverse()) await c().catch(() => undefined);
    };
    if (dispatcher) cleanups.push(() => dispatcher.close());
    try {
      const participant = await participantRegistry(ctx, {
        self: HANNUN_OPERATOR,
        role: 'operator',
        tranIdKind: 'M',
        intervalMs: env.REGISTRY_SYNC_INTERVAL_MS,
        mutualTls,
      });
      cleanups.push(() => participant.stop());
      const registry = participant.registry;
      const { domain, engine, close } = await openOperatorCore({
        dataDir: ctx.dataDir,
        env: ctx.env,
        logger,
        registry,
        app,
        ...(dispatcher ? { dispatcher } : {}),
      });
      cleanups.push(close);
      const runtime = createOperatorRuntime({
        domain,
        registry,
        out: { orgCode: HANNUN_OPERATOR.orgCode, ...(dispatcher ? { dispatcher } : {}) },
        ca: {
          apiUrl: ca.url,
          pagesUrl: ca.pagesUrl,
          orgCode: HANNUN_CA.orgCode,
          caCode,
          publicKey: createPublicKey(caSigning.publicKeyPem),
        },
        orgCredentials: own,
        service: {
          clientId: app.clientId,
          clientSecret: app.clientSecret,
          redirectUri: HANNUN_APP.redirectUris[0]!,
          appScheme: HANNUN_APP.appSchemes[0]!,
        },
        collector: collectorOf(engine, () => domain.clock.nowMs()),
        logger,
      });
      cleanups.push(() => runtime.close());
      const api = createOperatorApp({
        runtime,
        logger,
        serviceName: 'operator',
        version: ctx.version,
        secureCookies: env.OPERATOR_SECURE_COOKIES,
        appDir: APP_DIST_DIR,
        docsUrl: () => ctx.running().find((s) => s.role === 'docs')?.url,
      });
      const portal = ctx.trust.credentials.portal.get(HANNUN_OPERATOR.orgCode);
      const statistics = operatorStatistics(ctx, {
        store: domain.store,
        registry,
        clientIds: [app.clientId],
        mutualTls,
      });
      if (statistics) cleanups.push(() => statistics.stop());
      const support = createOperatorSupport({
        orgCode: HANNUN_OPERATOR.orgCode,
        signingKey: credentials.signing ?? missing('the operator has no signing key in the PKI'),
        registry,
        domain,
        portalCredential: portal && {
          clientId: portal.clientId,
          clientSecretHash: hashClientSecret(portal.clientSecret),
        },
        ...(mutualTls ? { tls: tlsServerOptions(credentials) } : {}),
        allowLoopback: true,
        ...(statistics ? { statistics: statistics.sender } : {}),
        logger,
        version: ctx.version,
      });
      const url = await api.start({ host: ctx.host, port: ctx.port });
      cleanups.push(() => api.stop());
      const supportUrl = await support.start({ host: ctx.host, port: ctx.port === 0 ? 0 : env.OPERATOR_SUPPORT_PORT });
      cleanups.push(() => support.stop());
      statistics?.start();
      engine.start();
      cleanups.push(() => engine.stop());
      const demo = env.OPERATOR_DEMO
        ? await prepareDemoMembers({
            runtime,
            dataDir: ctx.dataDir,
            people: demoPeople(kstDate(systemClock.nowMs())),
            logger,
          })
        : undefined;
      logger.info({ app: url, support: supportUrl, mutualTls }, 'operator ready');
      return {
        url,
        stop: unwind,
        demo: { operatorSupportUrl: supportUrl, ...(demo ? { people: demo.people } : {}) },
      };
    } catch (error) {
      await unwind();
      throw error;
    }
  },
};

function missing(what: string): never {
  throw new Error(what);
}
