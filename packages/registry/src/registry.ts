import type { Industry, OrgType } from '@hannun/spec';

/**
 * An organisation as the portal registers it (지원-002; 규격 §7.1.2). Field meanings follow the wire names
 * in brackets. The portal issue produces these; until it lands, `hannun up` builds them from its own
 * ecosystem definition.
 */
export interface RegisteredOrg {
  /** [org_code] aN(10), issued by the portal. */
  readonly orgCode: string;
  /** [org_type] 01 provider, 02 relayed provider, 03 operator, 04 relay, 05/06 CA, 07 portal, 99 other. */
  readonly orgType: OrgType;
  /** [industry] for providers: the industry this org_code serves (one org_code per industry). */
  readonly industry?: Industry;
  /** [org_name] */
  readonly name: string;
  /**
   * [serial_num] the subject serialNumber of the organisation's TLS certificate: its business
   * registration number. Providers and the CA refuse a client certificate whose serial is not here (40103).
   */
  readonly serialNum: string;
  /** [ip_list] addresses its calls come from (40102). */
  readonly ips: readonly string[];
  /** [domain] where its APIs answer, e.g. `https://127.0.0.1:4100/BKNURI0001`. */
  readonly baseUrl?: string;
  /** [cp_code] for CAs (지원-006): the CA code operators put in `ca_code`. */
  readonly caCode?: string;
  /** [np_time_list] providers: non-peak windows "hhmm:hhmm" (KST) for scheduled transmission (50009 outside). */
  readonly npTimes?: readonly string[];
  /**
   * The organisation's own client credentials, issued by the portal (지원-001 at the portal; 통합인증-101
   * at the CA, where providers and operators alike get a `scope=ca` token). PROVISIONAL: the standard
   * names client credentials per organisation for 지원-001 but not how the CA learns them; Hannun's CA
   * reads them from the registry. The CA also checks that the mTLS peer is the same organisation.
   */
  readonly credentials?: { readonly clientId: string; readonly clientSecretHash: string };
}

/**
 * An operator's service (지원-003): its client credentials and where the person's browser may be sent
 * back to. The portal issues client_id and client_secret; the registry keeps only the secret's hash.
 */
export interface RegisteredService {
  /** [client_id] aN(50) */
  readonly clientId: string;
  /** The operator organisation the service belongs to. */
  readonly orgCode: string;
  /** [service_name] */
  readonly name: string;
  /** SHA-256 of client_secret, hex (`hashClientSecret`). Secrets are 50 random characters, so a fast hash suffices. */
  readonly clientSecretHash: string;
  /** [redirect_uri_list] at most 4. */
  readonly redirectUris: readonly string[];
  /** [app_scheme_list] */
  readonly appSchemes: readonly string[];
}

/** Everything the registry holds at one moment. */
export interface RegistrySnapshot {
  readonly orgs: readonly RegisteredOrg[];
  readonly services: readonly RegisteredService[];
  /** When it was taken (epoch ms): 지원-002's search_timestamp of the next delta. */
  readonly takenAt: number;
}

/** Lookups over a snapshot, as every participant uses them on each call. */
export interface Registry {
  readonly snapshot: RegistrySnapshot;
  org(orgCode: string): RegisteredOrg | undefined;
  /** The organisation whose TLS certificate carries this subject serialNumber. */
  orgBySerial(serialNum: string): RegisteredOrg | undefined;
  service(clientId: string): RegisteredService | undefined;
  /** The organisation whose own client credentials carry this client_id. */
  orgByClientId(clientId: string): RegisteredOrg | undefined;
  /** The CA registered under this ca_code (cp_code). */
  caByCode(caCode: string): RegisteredOrg | undefined;
}
