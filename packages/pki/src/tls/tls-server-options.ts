import type { TlsMaterial } from './tls-material.ts';
import { TLS_VERSION } from './tls-versions.ts';

/** The mutual-TLS options of a server; assignable to `https.createServer(…)` and fastify's `https` option. */
export interface MutualTlsServerOptions {
  readonly key: string;
  readonly cert: string;
  /** Only the local root: client certificates from any other issuer are refused. */
  readonly ca: string;
  readonly requestCert: true;
  readonly rejectUnauthorized: true;
  readonly minVersion: typeof TLS_VERSION;
  readonly maxVersion: typeof TLS_VERSION;
}

/**
 * Server options for mutual TLS 1.3: present the organisation's certificate, demand a client certificate,
 * and refuse the handshake unless it chains to the root and is in its validity period. Whether the
 * client is a *registered* organisation is the application's check, with `peerCertificateSerialNumber`.
 *
 *     https.createServer(tlsServerOptions(org), handler)
 *     Fastify({ https: tlsServerOptions(org) })
 */
export function tlsServerOptions(org: TlsMaterial): MutualTlsServerOptions {
  return {
    key: org.keyPem,
    cert: org.certPem,
    ca: org.caPem,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: TLS_VERSION,
    maxVersion: TLS_VERSION,
  };
}
