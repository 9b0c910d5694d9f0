import type { RegisteredOrg, Registry, RegistrySnapshot } from './registry.ts';

/**
 * A registry that follows `live` (synced from the portal: who exists, their certificate serials, addresses,
 * services when synced) and takes from `local` only what its support APIs do not carry: each organisation's own
 * client-credential hash (지원-002 has none), its ca_code when the live record lacks it, and operators' services
 * (the CA syncs no 지원-003) while their operator is registered. An organisation removed at the portal
 * is gone here too, whatever `local` says; one the portal added without a local credential can be looked up
 * but cannot log in with client credentials. Used by the CA, whose 통합인증-101 checks those credentials.
 */
export function withLocalCredentials(live: Registry, local: Registry): Registry {
  const merged = (org: RegisteredOrg | undefined): RegisteredOrg | undefined => {
    if (!org) return undefined;
    const own = local.org(org.orgCode);
    if (!own) return org;
    return {
      ...org,
      ...(org.credentials === undefined && own.credentials ? { credentials: own.credentials } : {}),
      ...(org.caCode === undefined && own.caCode !== undefined ? { caCode: own.caCode } : {}),
    };
  };
  return {
    get snapshot(): RegistrySnapshot {
      const s = live.snapshot;
      return { ...s, orgs: s.orgs.map((o) => merged(o)!) };
    },
    org: (orgCode) => merged(live.org(orgCode)),
    orgBySerial: (serial) => merged(live.orgBySerial(serial)),
    // The CA syncs no service list (지원-003 is the providers'): a service known locally stands while its
    // operator is registered at the portal.
    service: (clientId) => {
      const synced = live.service(clientId);
      if (synced) return synced;
      const own = local.service(clientId);
      return own && live.org(own.orgCode) ? own : undefined;
    },
    orgByClientId: (clientId) => {
      const found = live.orgByClientId(clientId) ?? local.orgByClientId(clientId);
      return found && merged(live.org(found.orgCode));
    },
    caByCode: (caCode) => merged(live.caByCode(caCode) ?? live.org(local.caByCode(caCode)?.orgCode ?? '')),
  };
}
