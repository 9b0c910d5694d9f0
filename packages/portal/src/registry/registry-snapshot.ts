import type { RegisteredOrg, RegisteredService, RegistrySnapshot } from '@hannun/registry';
import type { RegistryRepository, StoredOrg } from '../store/registry-repository.ts';
import type { PortalService } from './portal-org.ts';

/** An organisation as participants hold it (`@hannun/registry`), with its own credential's hash. */
export function registeredOrgOf({ org, credential }: StoredOrg): RegisteredOrg {
  return {
    orgCode: org.orgCode,
    orgType: org.orgType,
    ...(org.industry !== undefined ? { industry: org.industry } : {}),
    name: org.name,
    serialNum: org.serialNum ?? '',
    ips: org.ips,
    ...(org.domain !== undefined ? { baseUrl: org.domain } : {}),
    ...(org.caCode !== undefined ? { caCode: org.caCode } : {}),
    ...(org.npTimes.length > 0 ? { npTimes: org.npTimes } : {}),
    credentials: { clientId: credential.clientId, clientSecretHash: credential.clientSecretHash },
  };
}

export function registeredServiceOf(s: PortalService): RegisteredService {
  return {
    clientId: s.clientId,
    orgCode: s.orgCode,
    name: s.name,
    clientSecretHash: s.clientSecretHash,
    redirectUris: s.redirectUris,
    appSchemes: s.appSchemes,
  };
}

/**
 * The whole registry as one snapshot, credentials' hashes included: what `hannun up` hands to services that
 * do not sync over 지원-002/003 yet (the CA learns organisations' credentials this way; no support API carries
 * them).
 */
export async function registrySnapshot(repo: RegistryRepository, takenAt = Date.now()): Promise<RegistrySnapshot> {
  const [orgs, services] = await Promise.all([repo.orgs(), repo.services()]);
  return { orgs: orgs.map(registeredOrgOf), services: services.map(registeredServiceOf), takenAt };
}
