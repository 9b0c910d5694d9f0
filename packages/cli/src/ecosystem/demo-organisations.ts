import { DEMO_INSTITUTIONS } from '@hannun/provider';
import type { Industry, OrgType } from '@hannun/spec';

/**
 * Who takes part in the demo ecosystem: every organisation `hannun up` gives a certificate and a signing key,
 * and onboards at the portal on first start (which issues its credentials; see portal/seed-portal.ts).
 */
export interface DemoOrganisation {
  /** [org_code] aN(10). */
  readonly orgCode: string;
  /** [org_type] 01 provider, 03 operator, 04 relay, 06 CA, 07 portal. */
  readonly orgType: OrgType;
  /** [industry] for providers. */
  readonly industry?: Industry;
  /** [org_name] also its certificate's CN and O. */
  readonly name: string;
  /** The registration number: its TLS certificate's subject serialNumber and the registry's serial_num. */
  readonly regNo: string;
  /** [cp_code] for the CA: what operators put in `ca_code`. */
  readonly caCode?: string;
  /** [np_time_list] for providers: non-peak windows (the portal requires them; `0000:0700` when absent). */
  readonly npTimes?: readonly string[];
  /** Its directory in the PKI store, `<dataDir>/pki/orgs/<pkiId>/`: the org_code in lower case. */
  readonly pkiId: string;
  /**
   * Whether it gets organisation-level client credentials (지원-001 at the portal, 통합인증-101 at the CA).
   * Every organisation, the portal too: it is the CA's client for its consolidated consent view's identity check.
   */
  readonly hasCredentials: boolean;
}

/** An operator's service as the portal registers it (지원-003): where the person's browser comes back to. */
export interface DemoOperatorService {
  /** Names the service's entry in credentials.json. */
  readonly key: string;
  readonly orgCode: string;
  /** [service_name] */
  readonly name: string;
  /** [redirect_uri_list] at most 4. */
  readonly redirectUris: readonly string[];
  /** [app_scheme_list] */
  readonly appSchemes: readonly string[];
}

/** The PKI id of an org_code (directory names are lower case). */
export function pkiIdOf(orgCode: string): string {
  return orgCode.toLowerCase();
}

function org(o: Omit<DemoOrganisation, 'pkiId' | 'hasCredentials'>): DemoOrganisation {
  return { ...o, pkiId: pkiIdOf(o.orgCode), hasCredentials: true };
}

// Fictional registration numbers, distinct from the institutions' (101…): 220-81-001xx.
/** The MyData operator (마이데이터사업자) whose app the person uses. */
export const HANNUN_OPERATOR = org({
  orgCode: 'MDHANNUN01',
  orgType: '03',
  name: '한눈마이데이터',
  regNo: '2208100101',
});

/** The integrated certificate authority (통합인증기관, 전자서명인증사업자). */
export const HANNUN_CA = org({
  orgCode: 'CAHANNUN01',
  orgType: '06',
  name: '한눈인증',
  regNo: '2208100102',
  caCode: 'HNCA01',
});

/** The MyData portal (종합포털): registry and support APIs. */
export const HANNUN_PORTAL = org({ orgCode: 'PTHANNUN01', orgType: '07', name: '한눈종합포털', regNo: '2208100103' });

/**
 * The organisation that hosts the provider engine. The engine serves all 26 institutions from one port, so
 * one TLS server certificate answers for all of them: this organisation's, as a relay (중계기관, org_type 04)
 * answers for the providers it hosts. The institutions keep their own certificates (for the calls they make,
 * e.g. to the CA) and their own signing keys (each signs its own tokens).
 */
export const PROVIDER_HOST = org({ orgCode: 'RLHANNUN01', orgType: '04', name: '한눈중계', regNo: '2208100104' });

/** The 26 information providers the engine serves (org_type 01, each under its own base path). */
export const DEMO_PROVIDERS: readonly DemoOrganisation[] = DEMO_INSTITUTIONS.map((i) =>
  org({ orgCode: i.orgCode, orgType: '01', industry: i.industry, name: i.name, regNo: i.regNo, npTimes: i.npTimes }),
);

/** Every organisation of the demo ecosystem: providers first, then the operator, the CA, the portal, the host. */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  ...DEMO_PROVIDERS,
  HANNUN_OPERATOR,
  HANNUN_CA,
  HANNUN_PORTAL,
  PROVIDER_HOST,
];

/**
 * The Hannun app, the operator's one service. PROVISIONAL: the operator (issue #6) will serve the callback;
 * its URL follows the docs hub's port (3000) that the operator's app takes over.
 */
export const HANNUN_APP: DemoOperatorService = {
  key: 'hannun-app',
  orgCode: HANNUN_OPERATOR.orgCode,
  name: '한눈 앱',
  redirectUris: ['http://127.0.0.1:3000/callback'],
  appSchemes: ['hannun://mydata'],
};

/** Every operator service of the demo ecosystem. */
export const DEMO_OPERATOR_SERVICES: readonly DemoOperatorService[] = [HANNUN_APP];
