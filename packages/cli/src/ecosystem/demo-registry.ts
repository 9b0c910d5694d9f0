import {
  createRegistry,
  hashClientSecret,
  type RegisteredOrg,
  type RegisteredService,
  type Registry,
} from '@hannun/registry';
import type { EcosystemCredentials } from './ecosystem-credentials.ts';
import type { DemoOperatorService, DemoOrganisation } from './demo-organisations.ts';

/** Where every demo organisation's calls come from: this machine. */
export const DEMO_IPS: readonly string[] = ['127.0.0.1', '::1'];

export interface DemoRegistryOptions {
  readonly organisations: readonly DemoOrganisation[];
  readonly services: readonly DemoOperatorService[];
  readonly credentials: EcosystemCredentials;
  /** The provider engine's base URL, when known: fills the institutions' `baseUrl` ([domain]). */
  readonly providerUrl?: string;
  /** Epoch ms of the snapshot. Default now. */
  readonly takenAt?: number;
}

/**
 * THE registry of the demo ecosystem: who is who (org_code, serial_num = registration number, IPs, client
 * credentials as hashes) and the operator's services.
 *
 * PROVISIONAL, and the one seam to replace: the portal (issue #5) will register organisations and services
 * and issue their credentials, and every participant will sync its registry from the portal (지원-002/003/006)
 * instead of calling this function.
 */
export function demoRegistry(opts: DemoRegistryOptions): Registry {
  const { credentials } = opts;
  const orgs = opts.organisations.map((o): RegisteredOrg => {
    const own = credentials.orgs.get(o.orgCode);
    if (o.hasCredentials && own === undefined) throw new Error(`no client credentials for ${o.orgCode}`);
    return {
      orgCode: o.orgCode,
      orgType: o.orgType,
      ...(o.industry ? { industry: o.industry } : {}),
      name: o.name,
      serialNum: o.regNo,
      ips: DEMO_IPS,
      ...(o.orgType === '01' && opts.providerUrl ? { baseUrl: `${opts.providerUrl}/${o.orgCode}` } : {}),
      ...(o.caCode ? { caCode: o.caCode } : {}),
      ...(own ? { credentials: { clientId: own.clientId, clientSecretHash: hashClientSecret(own.clientSecret) } } : {}),
    };
  });
  const services = opts.services.map((s): RegisteredService => {
    const pair = credentials.services.get(s.key);
    if (pair === undefined) throw new Error(`no client credentials for the service ${s.key}`);
    return {
      clientId: pair.clientId,
      orgCode: s.orgCode,
      name: s.name,
      clientSecretHash: hashClientSecret(pair.clientSecret),
      redirectUris: s.redirectUris,
      appSchemes: s.appSchemes,
    };
  });
  return createRegistry({ orgs, services, takenAt: opts.takenAt ?? Date.now() });
}
