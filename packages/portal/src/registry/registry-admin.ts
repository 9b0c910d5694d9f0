import type { Industry, OrgType } from '@hannun/spec';
import {
  type IssuedCredential,
  issueCredential,
  portalCredential,
  storedCredential,
} from '../credentials/issue-credential.ts';
import type { RegistryRepository } from '../store/registry-repository.ts';
import { issueOrgCode } from './issue-org-code.ts';
import type { PortalOrg, PortalService, RegistryChange } from './portal-org.ts';
import { RegistryNotFoundError } from './registry-input-error.ts';

/** An organisation to register: the record, with the org_code optional (the portal issues one). */
export type OrgInput = Omit<PortalOrg, 'orgCode' | 'domainIps' | 'ips' | 'npTimes' | 'isRcvOrg'> & {
  readonly orgCode?: string;
  readonly domainIps?: readonly string[];
  readonly ips?: readonly string[];
  readonly npTimes?: readonly string[];
  readonly isRcvOrg?: boolean;
};

/** Changes to an organisation: any record field but org_code and org_type; `null` clears an optional one. */
export type OrgPatch = {
  readonly [K in Exclude<keyof PortalOrg, 'orgCode' | 'orgType'>]?: PortalOrg[K] | null;
};

export interface ServiceInput {
  readonly orgCode: string;
  readonly name: string;
  readonly redirectUris?: readonly string[];
  readonly appSchemes?: readonly string[];
}

export type ServicePatch = Partial<Pick<PortalService, 'name' | 'redirectUris' | 'appSchemes'>>;

/** What onboarding hands out, once: the org's own credential and the portal credential it will verify. */
export interface OnboardedOrg {
  readonly org: PortalOrg;
  readonly change: RegistryChange<PortalOrg>;
  /** Its support-API credential (지원-001). */
  readonly credential: IssuedCredential;
  /** The portal's credential it verifies at 지원-101 (providers and operators). */
  readonly portalCredential: IssuedCredential;
}

export interface OnboardedService {
  readonly service: PortalService;
  readonly change: RegistryChange<PortalService>;
  readonly credential: IssuedCredential;
}

export interface RegistryAdmin {
  /** Register an organisation and issue its credentials; `credential` imports one issued before (the demo seed). */
  onboardOrg(input: OrgInput, opts?: { readonly credential?: IssuedCredential }): Promise<OnboardedOrg>;
  updateOrg(
    orgCode: string,
    patch: OrgPatch,
  ): Promise<{ org: PortalOrg; change: RegistryChange<PortalOrg> | undefined }>;
  removeOrg(orgCode: string): Promise<RegistryChange<PortalOrg>>;
  /** Issue a new own credential (the old one stops working). */
  reissueOrgCredential(orgCode: string): Promise<IssuedCredential>;
  /** The portal credential the organisation verifies at 지원-101 now. */
  portalCredentialOf(orgCode: string): Promise<IssuedCredential>;
  addService(input: ServiceInput, opts?: { readonly credential?: IssuedCredential }): Promise<OnboardedService>;
  updateService(
    clientId: string,
    patch: ServicePatch,
  ): Promise<{ service: PortalService; change: RegistryChange<PortalService> | undefined }>;
  removeService(clientId: string): Promise<RegistryChange<PortalService>>;
  /** Issue a new client_secret for a service (a 지원-003 M change: providers learn the new one). */
  reissueServiceSecret(clientId: string): Promise<IssuedCredential>;
}

/** Fill an input's defaults: empty lists, not a recipient. */
function orgOf(input: OrgInput, orgCode: string): PortalOrg {
  const { orgCode: _ignored, domainIps, ips, npTimes, isRcvOrg, ...rest } = input;
  return {
    ...rest,
    orgCode,
    isRcvOrg: isRcvOrg ?? false,
    domainIps: domainIps ?? [],
    ips: ips ?? [],
    npTimes: npTimes ?? [],
  };
}

const missing = (field: string, code: string) =>
  new RegistryNotFoundError(field, `no such registration '${code}'`, `등록되지 않았습니다: '${code}'`);

/**
 * Onboarding and administration of the registry: issues org_codes and credentials, applies patches, and
 * leaves the rules and the change log to the repository. The portal credential key derives each
 * organisation's 지원-101 credential (see portalCredential).
 */
export function createRegistryAdmin(repo: RegistryRepository, credentialKey: Uint8Array): RegistryAdmin {
  return {
    async onboardOrg(input, opts = {}) {
      const credential = opts.credential ?? issueCredential();
      const orgCode = input.orgCode ?? issueOrgCode(input.orgType as OrgType, input.industry as Industry | undefined);
      const org = orgOf(input, orgCode);
      const change = await repo.registerOrg(org, storedCredential(credential));
      return { org, change, credential, portalCredential: portalCredential(credentialKey, orgCode, 1) };
    },
    async updateOrg(orgCode, patch) {
      const current = await repo.org(orgCode);
      if (!current) throw missing('org_code', orgCode);
      const merged: Record<string, unknown> = { ...current.org };
      for (const [k, v] of Object.entries(patch)) {
        if (k === 'orgCode' || k === 'orgType' || v === undefined) continue;
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      const org = merged as unknown as PortalOrg;
      const change = await repo.modifyOrg(org);
      return { org, change };
    },
    removeOrg: (orgCode) => repo.removeOrg(orgCode),
    async reissueOrgCredential(orgCode) {
      const credential = issueCredential();
      await repo.replaceOrgCredential(orgCode, storedCredential(credential));
      return credential;
    },
    async portalCredentialOf(orgCode) {
      const current = await repo.org(orgCode);
      if (!current) throw missing('org_code', orgCode);
      return portalCredential(credentialKey, orgCode, current.portalCredentialGen);
    },
    async addService(input, opts = {}) {
      const credential = opts.credential ?? issueCredential();
      const service: PortalService = {
        clientId: credential.clientId,
        orgCode: input.orgCode,
        name: input.name,
        clientSecretHash: storedCredential(credential).clientSecretHash,
        redirectUris: input.redirectUris ?? [],
        appSchemes: input.appSchemes ?? [],
      };
      const change = await repo.registerService(service);
      return { service, change, credential };
    },
    async updateService(clientId, patch) {
      const current = await repo.service(clientId);
      if (!current) throw missing('client_id', clientId);
      const service: PortalService = {
        ...current,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      };
      const change = await repo.modifyService(service);
      return { service, change };
    },
    removeService: (clientId) => repo.removeService(clientId),
    async reissueServiceSecret(clientId) {
      const current = await repo.service(clientId);
      if (!current) throw missing('client_id', clientId);
      const fresh = issueCredential();
      const credential = { clientId, clientSecret: fresh.clientSecret };
      await repo.modifyService({ ...current, clientSecretHash: storedCredential(credential).clientSecretHash });
      return credential;
    },
  };
}
