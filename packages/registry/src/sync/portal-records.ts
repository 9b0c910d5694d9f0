import type { CA_ORG_RECORD, Infer, ORG_RECORD, SERVICE_RECORD } from '@hannun/spec';
import { secretHashFromWire } from '../client-secret.ts';
import type { OrgDelta, ServiceDelta } from '../live-registry.ts';
import type { RegisteredOrg, RegisteredService } from '../registry.ts';

export type OrgRecordWire = Infer<typeof ORG_RECORD>;
export type ServiceRecordWire = Infer<typeof SERVICE_RECORD>;
export type CaOrgRecordWire = Infer<typeof CA_ORG_RECORD>;

/**
 * A 지원-002 record as the registry keeps it. `serial_num` absent (relayed providers, certificate-based CAs)
 * becomes '' (not found by serial); `domain` is the base URL; for CAs (05, 06) `cert_issuer_dn` carries the
 * ca_code (Hannun's provisional reading, see the portal's README).
 */
export function orgDeltaOf(record: OrgRecordWire): OrgDelta {
  if (record.op_type === 'D') return { op: 'D', orgCode: record.org_code };
  const isCa = record.org_type === '05' || record.org_type === '06';
  const org: RegisteredOrg = {
    orgCode: record.org_code,
    orgType: record.org_type,
    ...(record.industry !== undefined ? { industry: record.industry } : {}),
    name: record.org_name ?? record.org_code,
    serialNum: record.serial_num ?? '',
    ips: (record.ip_list ?? []).map((i) => i.ip),
    ...(record.domain !== undefined ? { baseUrl: record.domain } : {}),
    ...(isCa && record.cert_issuer_dn !== undefined ? { caCode: record.cert_issuer_dn } : {}),
    ...(record.np_time_list?.length ? { npTimes: record.np_time_list.map((n) => n.np_time) } : {}),
  };
  return { op: record.op_type, org };
}

/** A 지원-003 service record of operator `orgCode`; the secret travels as its verifier (see clientSecretVerifier). */
export function serviceDeltaOf(orgCode: string, record: ServiceRecordWire): ServiceDelta {
  if (record.op_type === 'D') return { op: 'D', clientId: record.client_id };
  const service: RegisteredService = {
    clientId: record.client_id,
    orgCode,
    name: record.service_name,
    clientSecretHash: (record.client_secret !== undefined ? secretHashFromWire(record.client_secret) : undefined) ?? '',
    redirectUris: (record.redirect_uri_list ?? []).map((r) => r.redirect_uri),
    appSchemes: (record.app_scheme_list ?? []).map((a) => a.app_scheme),
  };
  return { op: record.op_type, service };
}
