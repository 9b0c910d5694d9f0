import { randomBytes } from 'node:crypto';
import type { Industry, OrgType } from '@hannun/spec';

const INDUSTRY_MARK: Record<Industry, string> = {
  bank: 'BK',
  card: 'CD',
  invest: 'IV',
  insu: 'IS',
  efin: 'EF',
  capital: 'CP',
  ginsu: 'GI',
  telecom: 'TC',
  p2p: 'PP',
  bond: 'BD',
  usury: 'US',
};

const TYPE_MARK: Partial<Record<OrgType, string>> = {
  '03': 'MD',
  '04': 'RL',
  '05': 'CA',
  '06': 'CA',
  '07': 'PT',
  '99': 'ET',
};
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A new org_code as the portal issues it: a 2-letter mark (the industry for providers, MD operators, RL
 * relays, CA, PT, ET) and 8 random upper-case letters or digits, like the demo's BKNURI0001.
 */
export function issueOrgCode(orgType: OrgType, industry: Industry | undefined): string {
  const mark = (industry !== undefined ? INDUSTRY_MARK[industry] : undefined) ?? TYPE_MARK[orgType] ?? 'ET';
  let rest = '';
  while (rest.length < 8) {
    for (const b of randomBytes(16)) if (b < 252 && rest.length < 8) rest += ALPHABET[b % 36];
  }
  return `${mark}${rest}`;
}
