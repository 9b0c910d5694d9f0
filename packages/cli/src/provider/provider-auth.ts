import type { Logger } from '@hannun/infra';
import { clientAgent } from '@hannun/pki';
import { type AuthConfig, type ConsentStore, createHttpCaClient, openSqlAuthStore } from '@hannun/provider';
import { createRegistry, type Registry } from '@hannun/registry';
import type { Dispatcher } from 'undici';
import { HANNUN_CA, pkiIdOf } from '../ecosystem/demo-organisations.ts';
import type { EcosystemTrust } from '../ecosystem/ecosystem-trust.ts';

export interface ProviderAuth {
  readonly config: AuthConfig;
  /** The registry with the CA's address as this run serves it. */
  readonly registry: Registry;
  close(): Promise<void>;
}

/**
 * Authentication at the demo's providers (개별인증, 통합인증-002): consents, token pairs, codes and logins in the
 * Hannun database (loaded into the engine's consent store at start; CIs, assets and signed consents sealed), and a CA client that calls 통합인증-101/104
 * as each institution, with that institution's own TLS certificate and registry credentials.
 *
 * The CA's address comes from the registry synced from the portal (`synced`, where `hannun up` registered it);
 * without a portal in this run, from this run (`caUrl`).
 */
export async function providerAuth(opts: {
  readonly trust: EcosystemTrust;
  readonly consents: ConsentStore;
  readonly databaseUrl: string;
  /** The provider's storage key (`<data dir>/provider/storage.key`): seals CIs, consented assets, signed consents. */
  readonly storageKey: Buffer;
  readonly caUrl: string | undefined;
  readonly logger: Logger;
  /** The registry synced from the portal, which knows the CA's address: used as it is when given. */
  readonly synced?: Registry;
}): Promise<ProviderAuth> {
  const { trust } = opts;
  const snapshot = trust.registry.snapshot;
  const registry = opts.synced
    ? opts.synced
    : opts.caUrl
      ? createRegistry({
          ...snapshot,
          orgs: snapshot.orgs.map((o) => (o.orgCode === HANNUN_CA.orgCode ? { ...o, baseUrl: opts.caUrl } : o)),
        })
      : trust.registry;
  if (!opts.caUrl) opts.logger.warn('no CA in this run: 통합인증-002 answers server_error');

  const store = await openSqlAuthStore({ url: opts.databaseUrl, consents: opts.consents, storageKey: opts.storageKey });
  const agents = new Map<string, Dispatcher>();
  const agentOf = (orgCode: string): Dispatcher => {
    let agent = agents.get(orgCode);
    if (!agent) {
      agent = clientAgent(trust.pki.org(pkiIdOf(orgCode)));
      agents.set(orgCode, agent);
    }
    return agent;
  };
  const caClient = createHttpCaClient({
    dispatcher: agentOf,
    credentials: (orgCode) => trust.credentials.orgs.get(orgCode),
  });
  return {
    config: { store, caClient },
    registry,
    async close() {
      await Promise.all([...agents.values()].map((a) => a.close()));
      await store.close();
    },
  };
}
