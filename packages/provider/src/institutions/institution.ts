import type { Industry } from '@hannun/spec';

/**
 * One institution of the provider engine: an org_code in one industry. A company active in several
 * industries is one institution per industry (누리은행 and 누리카드 are two), as the standard registers them.
 */
export interface Institution {
  /** aN(10), issued by the portal; upper-case letters and digits here so it can start an x-api-tran-id. */
  readonly orgCode: string;
  readonly industry: Industry;
  readonly name: string;
  readonly nameEn: string;
  /** Business registration number (사업자등록번호), also the subject serialNumber of its TLS certificate. */
  readonly regNo: string;
  /** The path this institution's APIs live under on the engine's server, e.g. `/BKNURI0001`. */
  readonly basePath: string;
  /** Non-peak windows for scheduled calls, "hhmm:hhmm" (at most 3, together ≥ 6 hours). */
  readonly npTimes: readonly string[];
  /** A company group it belongs to (누리 has a bank, a card issuer and a capital firm), for coherent demo data. */
  readonly group?: string;
}
