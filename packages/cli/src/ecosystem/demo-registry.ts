import type { OrgInput } from '@hannun/portal';
import type { DemoOrganisation } from './demo-organisations.ts';
import { PROVIDER_HOST } from './demo-organisations.ts';

/** Where every demo organisation's calls come from: this machine. */
export const DEMO_IPS: readonly string[] = ['127.0.0.1', '::1'];

/** A provider's non-peak windows when its definition names none. */
export const DEFAULT_NP_TIMES: readonly string[] = ['0000:0700'];

/**
 * How the demo onboards an organisation at the portal: serial_num and org_regno are its registration number
 * (its certificate's subject serialNumber), it calls from this machine, providers (01) offer both kinds of
 * authentication, keep their non-peak windows and use the engine's host as their relay (so the host may send
 * 지원-005 for them). Domains are registered once the services listen (portal/announce-domains.ts).
 */
export function demoOrgInput(o: DemoOrganisation): OrgInput {
  const provider = o.orgType === '01' || o.orgType === '02';
  return {
    orgCode: o.orgCode,
    orgType: o.orgType,
    ...(o.industry ? { industry: o.industry } : {}),
    name: o.name,
    orgRegno: o.regNo,
    serialNum: o.regNo,
    ips: DEMO_IPS,
    ...(o.caCode ? { caCode: o.caCode } : {}),
    ...(provider
      ? { authType: '03' as const, npTimes: o.npTimes ?? DEFAULT_NP_TIMES, relayOrgCode: PROVIDER_HOST.orgCode }
      : {}),
  };
}
