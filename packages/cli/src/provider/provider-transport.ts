import type { Logger } from '@hannun/infra';
import { type MutualTlsServerOptions, tlsServerOptions } from '@hannun/pki';
import { type CallerRegistry, createCallerRegistry } from '@hannun/provider';
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
export function providerTransport(trust: EcosystemTrust, insecureNoMtls: boolean, logger: Logger): ProviderTransport {
  const callers = createCallerRegistry({ registry: trust.registry, allowLoopback: true });
  if (insecureNoMtls) {
    logger.warn(
      { HANNUN_INSECURE_NO_MTLS: true },
      '!!! HANNUN_INSECURE_NO_MTLS is set: the provider serves PLAIN HTTP and accepts callers WITHOUT client certificates. Development only: unset it for anything else. !!!',
    );
    return { https: undefined, requireMtls: false, callers };
  }
  return { https: tlsServerOptions(trust.pki.org(PROVIDER_HOST.pkiId)), requireMtls: true, callers };
}
