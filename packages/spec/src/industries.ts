/** The `<industry>` path segment of the information APIs (규격 §2.1). One org_code per industry. */
export const INDUSTRIES = {
  bank: { ko: '은행', en: 'Banks' },
  card: { ko: '카드', en: 'Card issuers' },
  invest: { ko: '금융투자', en: 'Securities and investment' },
  insu: { ko: '보험', en: 'Insurance' },
  efin: { ko: '전자금융', en: 'E-finance and 간편결제' },
  capital: { ko: '할부금융', en: 'Instalment finance' },
  ginsu: { ko: '보증보험', en: 'Guarantee insurance' },
  telecom: { ko: '통신', en: 'Telecom' },
  p2p: { ko: 'P2P', en: 'P2P lending' },
  bond: { ko: '인수채권', en: 'Bond buyers' },
  usury: { ko: '대부', en: 'Money lenders' },
} as const;

export type Industry = keyof typeof INDUSTRIES;
export const INDUSTRY_LIST = Object.keys(INDUSTRIES) as Industry[];

export function isIndustry(s: string): s is Industry {
  return Object.hasOwn(INDUSTRIES, s);
}
