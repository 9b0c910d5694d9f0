import { Agent } from 'undici';
import type { TlsMaterial } from './tls-material.ts';
import { TLS_VERSION } from './tls-versions.ts';

/** Pool settings passed through to undici's `Agent` (connections per origin, timeouts…); TLS is not yours to set. */
export type ClientAgentOptions = Omit<Agent.Options, 'connect'>;

/**
 * An undici `Agent` that connects as the organisation: presents its client certificate, speaks TLS 1.3
 * only, and trusts only the local root (so the server's certificate must chain to it and match the host).
 * Pass it as `dispatcher` to undici's `fetch` (`import { fetch } from 'undici'`, the same undici as the
 * agent) or to Node 20's global `fetch` (tested: both work). Keep one agent per organisation for the life
 * of the process, so connections and TLS sessions are reused; close it with `await agent.close()`.
 */
export function clientAgent(org: TlsMaterial, options: ClientAgentOptions = {}): Agent {
  return new Agent({
    ...options,
    connect: {
      cert: org.certPem,
      key: org.keyPem,
      ca: org.caPem,
      minVersion: TLS_VERSION,
      maxVersion: TLS_VERSION,
      rejectUnauthorized: true,
    },
  });
}
