import type { Industry, OpType, OrgType } from '@hannun/spec';

/**
 * An organisation as the portal registers it (지원-002, 규격 §7.1.2), in the portal's own terms. The wire
 * names are in brackets. Credentials are kept apart (see `OrgCredentialRow` in the store): they never travel
 * in 지원-002/006 and never enter the change log.
 */
export interface PortalOrg {
  /** [org_code] aN(10), upper-case letters and digits (it starts every x-api-tran-id of the org). */
  readonly orgCode: string;
  /** [org_type] 01 provider, 02 relayed provider, 03 operator, 04 relay, 05/06 CA, 07 portal, 99 other. */
  readonly orgType: OrgType;
  /** [industry] providers (01, 02) only. */
  readonly industry?: Industry;
  /** [org_name] */
  readonly name: string;
  /** [org_regno] 사업자등록번호, 10 digits. */
  readonly orgRegno?: string;
  /** [corp_regno] 법인등록번호, 13 digits. */
  readonly corpRegno?: string;
  /**
   * [serial_num] the subject serialNumber of its mutual-TLS certificate (usually org_regno). Unique in the
   * registry: two organisations can never present the same certificate identity.
   */
  readonly serialNum?: string;
  /** [is_rcv_org] an information recipient (정보수신자) other than an operator. */
  readonly isRcvOrg: boolean;
  /** [address] */
  readonly address?: string;
  /** [domain] where its APIs answer (Hannun: a base URL, e.g. `https://127.0.0.1:4100/BKNURI0001`). */
  readonly domain?: string;
  /** [domain_ip_list] public IPs of its API server (ip or ip:port). */
  readonly domainIps: readonly string[];
  /** [relay_org_code] the relay (or hub relay) it uses. */
  readonly relayOrgCode?: string;
  /** [auth_type] providers: 01 integrated only, 03 individual and integrated. */
  readonly authType?: '01' | '03';
  /** [cert_issuer_dn] certificate-based CAs (05): the DN "o" value. */
  readonly certIssuerDn?: string;
  /** [cert_oid] certificate-based CAs (05): allowed policy OIDs joined with "_". */
  readonly certOid?: string;
  /**
   * The CA code operators put in `ca_code` (통합인증-002), for CAs (05, 06). PROVISIONAL: no 지원-002 field
   * carries it for org_type 06; Hannun sends it as `cert_issuer_dn` (the CA's name in 별첨1's sense).
   */
  readonly caCode?: string;
  /** [cp_code] 지원-006: identity-check code of a relayed provider (02). */
  readonly cpCode?: string;
  /** [server_cert_issuer_dn] 지원-006: issuer DN of the server certificate for integrated auth (01, 04). */
  readonly serverCertIssuerDn?: string;
  /** [server_cert_subject_dn] 지원-006: subject DN of that certificate (01, 04). */
  readonly serverCertSubjectDn?: string;
  /** [ip_list] client IPs its calls come from (40102). */
  readonly ips: readonly string[];
  /** [np_time_list] providers: non-peak windows "hhmm:hhmm" (≤ 3, 30-minute units, together ≥ 6 hours). */
  readonly npTimes: readonly string[];
}

/** An operator's service (지원-003): the portal issues client_id and client_secret and keeps the secret's hash. */
export interface PortalService {
  /** [client_id] aN(50), issued by the portal. */
  readonly clientId: string;
  /** The operator (org_type 03) or recipient it belongs to. */
  readonly orgCode: string;
  /** [service_name] AH(30). */
  readonly name: string;
  /** SHA-256 hex of client_secret (`hashClientSecret` of @hannun/registry). */
  readonly clientSecretHash: string;
  /** [redirect_uri_list] at most 4. */
  readonly redirectUris: readonly string[];
  /** [app_scheme_list] */
  readonly appSchemes: readonly string[];
}

/** One row of the change log: what changed, when, and the record after (or, for D, before) the change. */
export interface RegistryChange<R> {
  /** Position in the log, strictly increasing. */
  readonly seq: number;
  /** When the change was committed (epoch ms, the portal clock). */
  readonly atMs: number;
  readonly op: OpType;
  readonly key: string;
  readonly record: R;
}

/** One entry of a delta (지원-002/003/006): the record and how it changed since the caller's timestamp. */
export interface DeltaEntry<R> {
  readonly op: OpType;
  readonly record: R;
}
