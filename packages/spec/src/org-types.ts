/** `org_type` codes of the portal registry (지원-002, 규격 §7.1.2). */
export const ORG_TYPES = {
  '01': { ko: '정보제공자 (자체 API)', en: 'Provider with its own API' },
  '02': { ko: '정보제공자 (중계기관 이용)', en: 'Provider using a relay' },
  '03': { ko: '마이데이터사업자', en: 'MyData operator' },
  '04': { ko: '중계기관', en: 'Relay' },
  '05': { ko: '인증서 본인확인기관', en: 'Certificate-based identity CA' },
  '06': { ko: '전자서명인증사업자', en: 'Private-certificate CA' },
  '07': { ko: '종합포털', en: 'Portal' },
  '99': { ko: '기타', en: 'Other' },
} as const;

export type OrgType = keyof typeof ORG_TYPES;
export const ORG_TYPE_LIST = Object.keys(ORG_TYPES) as OrgType[];

/** `op_type` of registry deltas: inserted, modified, deleted. */
export const OP_TYPES = ['I', 'M', 'D'] as const;
export type OpType = (typeof OP_TYPES)[number];

/** 지원-102 provider status. */
export const PROVIDER_STATUS = {
  '01': { ko: '정상', en: 'Normal' },
  '02': { ko: '장애', en: 'Failure' },
  '03': { ko: '점검', en: 'Maintenance' },
  '99': { ko: '기타', en: 'Other' },
} as const;
export type ProviderStatus = keyof typeof PROVIDER_STATUS;
