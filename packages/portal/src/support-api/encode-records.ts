import type { CA_ORG_RECORD, Infer, ORG_RECORD, SERVICE_RECORD } from '@hannun/spec';
import { clientSecretVerifier } from '@hannun/registry';
import type { DeltaEntry, PortalOrg, PortalService } from '../registry/portal-org.ts';

type OrgRecord = Infer<typeof ORG_RECORD>;
type CaOrgRecord = Infer<typeof CA_ORG_RECORD>;
type ServiceRecord = Infer<typeof SERVICE_RECORD>;

const isProvider = (o: PortalOrg) => o.orgType === '01' || o.orgType === '02';

/** A list field with its count (encodeMessage recomputes the count; the type wants it). */
function listOf<K extends string, C extends string, V>(name: K, count: C, items: readonly V[]) {
  return items.length === 0
    ? {}
    : ({ [name]: items, [count]: items.length } as { [P in K]: V[] } & { [P in C]: number });
}

/**
 * One 지원-002 record. For D only op_type, org_code and org_type. Fields each org_type does not carry are left
 * out: industry, auth_type and np_time for providers only; no serial_num for 05; no domain or domain IPs for
 * 02; cert_issuer_dn/cert_oid for 05, and for 06 the ca_code in cert_issuer_dn (Hannun, provisional).
 */
export function orgRecordOf({ op, record: o }: DeltaEntry<PortalOrg>): OrgRecord {
  if (op === 'D') return { op_type: 'D', org_code: o.orgCode, org_type: o.orgType } as OrgRecord;
  const caIssuer = o.orgType === '05' ? o.certIssuerDn : o.orgType === '06' ? o.caCode : undefined;
  return {
    op_type: op,
    org_code: o.orgCode,
    org_type: o.orgType,
    is_rcv_org: o.isRcvOrg,
    org_name: o.name,
    ...(o.orgRegno !== undefined ? { org_regno: o.orgRegno } : {}),
    ...(o.corpRegno !== undefined ? { corp_regno: o.corpRegno } : {}),
    ...(o.serialNum !== undefined && o.orgType !== '05' ? { serial_num: o.serialNum } : {}),
    ...(o.address !== undefined ? { address: o.address } : {}),
    ...(o.domain !== undefined && o.orgType !== '02' ? { domain: o.domain } : {}),
    ...(o.orgType !== '02'
      ? listOf(
          'domain_ip_list',
          'domain_ip_cnt',
          o.domainIps.map((domain_ip) => ({ domain_ip })),
        )
      : {}),
    ...(o.relayOrgCode !== undefined ? { relay_org_code: o.relayOrgCode } : {}),
    ...(isProvider(o) && o.industry !== undefined ? { industry: o.industry } : {}),
    ...(isProvider(o) && o.authType !== undefined ? { auth_type: o.authType } : {}),
    ...(caIssuer !== undefined ? { cert_issuer_dn: caIssuer } : {}),
    ...(o.orgType === '05' && o.certOid !== undefined ? { cert_oid: o.certOid } : {}),
    ...listOf(
      'ip_list',
      'ip_cnt',
      o.ips.map((ip) => ({ ip })),
    ),
    ...(isProvider(o)
      ? listOf(
          'np_time_list',
          'np_time_cnt',
          o.npTimes.map((np_time) => ({ np_time })),
        )
      : {}),
  } as OrgRecord;
}

const CA_TYPES = new Set(['01', '02', '03', '04']);

/**
 * One 지원-006 record, or undefined for organisations the CA is not told about (org_type 05–99). org_name for
 * 01/03/04, domain for 01/02/04, cp_code and relay_org_code for 02, the server-certificate DNs and ip_list
 * for 01/04.
 */
export function caOrgRecordOf({ op, record: o }: DeltaEntry<PortalOrg>): CaOrgRecord | undefined {
  if (!CA_TYPES.has(o.orgType)) return undefined;
  const t = o.orgType as '01' | '02' | '03' | '04';
  if (op === 'D') return { op_type: 'D', org_code: o.orgCode, org_type: t } as CaOrgRecord;
  const direct = t === '01' || t === '04';
  return {
    op_type: op,
    org_code: o.orgCode,
    org_type: t,
    ...(t !== '02' ? { org_name: o.name } : {}),
    ...(t !== '03' && o.domain !== undefined ? { domain: o.domain } : {}),
    ...(t === '02' && o.cpCode !== undefined ? { cp_code: o.cpCode } : {}),
    ...(t === '02' && o.relayOrgCode !== undefined ? { relay_org_code: o.relayOrgCode } : {}),
    ...(direct && o.serverCertIssuerDn !== undefined ? { server_cert_issuer_dn: o.serverCertIssuerDn } : {}),
    ...(direct && o.serverCertSubjectDn !== undefined ? { server_cert_subject_dn: o.serverCertSubjectDn } : {}),
    ...(direct
      ? listOf(
          'ip_list',
          'ip_cnt',
          o.ips.map((ip) => ({ ip })),
        )
      : {}),
  } as CaOrgRecord;
}

/**
 * One 지원-003 service record. For D: service_name, op_type and client_id only. `client_secret` carries the
 * secret's verifier, not the secret (the portal keeps only its hash; see clientSecretVerifier).
 */
export function serviceRecordOf({ op, record: s }: DeltaEntry<PortalService>): ServiceRecord {
  if (op === 'D') return { service_name: s.name, op_type: 'D', client_id: s.clientId } as ServiceRecord;
  return {
    service_name: s.name,
    op_type: op,
    client_id: s.clientId,
    client_secret: clientSecretVerifier(s.clientSecretHash),
    ...listOf(
      'redirect_uri_list',
      'redirect_uri_cnt',
      s.redirectUris.map((redirect_uri) => ({ redirect_uri })),
    ),
    ...listOf(
      'app_scheme_list',
      'app_scheme_cnt',
      s.appSchemes.map((app_scheme) => ({ app_scheme })),
    ),
  } as ServiceRecord;
}
