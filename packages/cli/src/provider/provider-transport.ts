import type { Logger } from '@hannun/infra';
import { type MutualTlsServerOptions, tlsServerOptions } from '@hannun/pki';
import { type CallerRegistry, createCallerRegistry } from '@hannun/provider';
import type { Registry } from '@hannun/registry';
import { PROVIDER_HOST } from '../ecosystem/demo-organisations.ts';
import type { EcosystemTrust } from '../ecosystem/ecosystem-trust.ts';

/** How the provider engine is reached and who may call it. */
export interface ProviderTransport {
  /** Mutual TLS 1.3 with the hosting organisation's certificate; absent only with the development switch. */
  readonly https: MutualTlsServerOptions | undefined;
  readonly requireMtls: boolean;
  /** The registry's organisations: certificate serialNumber → org_code (40103), their IPs (40102). */
  readonly callers: CallerRegistry;
}

/**
 * The engine serves all 26 institutions from one port, so it presents one server certificate: the hosting
 * organisation's (PROVIDER_HOST, as a relay answers for the providers it hosts). Every client must present a
 * certificate issued by the root (else the handshake fails) whose serialNumber is registered (else 40103),
 * calling from a registered address (else 40102; loopback is allowed in the demo). `insecureNoMtls` (the
 * HANNUN_INSECURE_NO_MTLS development switch) serves plain HTTP instead, with a loud warning.
 */
export function providerTransport(
  trust: EcosystemTrust,
  registry: Registry,
  insecureNoMtls: boolean,
  logger: Logger,
): ProviderTransport {
  const callers = followingCallers(registry);
  if (insecureNoMtls) {
    logger.warn(
      { HANNUN_INSECURE_NO_MTLS: true },
      '!!! HANNUN_INSECURE_NO_MTLS is set: the provider serves PLAIN HTTP and accepts callers WITHOUT client certificates. Development only: unset it for anything else. !!!',
    );
    return { https: undefined, requireMtls: false, callers };
  }
  return { https: tlsServerOptions(trust.pki.org(PROVIDER_HOST.pkiId)), requireMtls: true, callers };
}

/**
 * Callers as the registry says now: rebuilt whenever the registry's snapshot changes (a live registry synced
 * from the portal swaps it), so an organisation removed at the portal, or whose certificate serial changed,
 * is refused (40103) from the next sync on, even on a connection opened before.
 */
export function followingCallers(registry: Pick<Registry, 'snapshot'>): CallerRegistry {
  let snapshot = registry.snapshot;
  let callers = createCallerRegistry({ registry: { snapshot }, allowLoopback: true });
  const current = () => {
    if (registry.snapshot !== snapshot) {
      snapshot = registry.snapshot;
      callers = createCallerRegistry({ registry: { snapshot }, allowLoopback: true });
    }
    return callers;
  };
  return {
    orgBySerial: (serial) => current().orgBySerial(serial),
    ipAllowed: (ip, orgCode) => current().ipAllowed(ip, orgCode),
  };
}
