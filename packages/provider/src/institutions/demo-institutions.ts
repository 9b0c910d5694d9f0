import type { Institution } from './institution.ts';

/**
 * The demo's institutions: 26 fictional Korean companies covering all 11 industries. Any resemblance of a
 * name to a real company is unintended. org_code: a 2-letter industry mark, 6 letters, 2 digits.
 */
const NIGHT = ['0000:0700'];
const NIGHT_AND_LUNCH = ['0000:0600', '1200:1300'];

export const DEMO_INSTITUTIONS: readonly Institution[] = [
  // 은행
  { orgCode: 'BKNURI0001', industry: 'bank', name: '누리은행', nameEn: 'Nuri Bank', regNo: '1018100001', basePath: '/BKNURI0001', npTimes: NIGHT, group: '누리' },
  { orgCode: 'BKGARAM001', industry: 'bank', name: '가람은행', nameEn: 'Garam Bank', regNo: '1018100002', basePath: '/BKGARAM001', npTimes: NIGHT, group: '가람' },
  { orgCode: 'BKDAON0001', industry: 'bank', name: '다온은행', nameEn: 'Daon Bank', regNo: '1018100003', basePath: '/BKDAON0001', npTimes: NIGHT_AND_LUNCH },
  { orgCode: 'BKSAEBYK01', industry: 'bank', name: '새벽저축은행', nameEn: 'Saebyeok Savings Bank', regNo: '1018100004', basePath: '/BKSAEBYK01', npTimes: NIGHT },
  // 카드
  { orgCode: 'CDNURI0001', industry: 'card', name: '누리카드', nameEn: 'Nuri Card', regNo: '1018200001', basePath: '/CDNURI0001', npTimes: NIGHT, group: '누리' },
  { orgCode: 'CDBYEOLB01', industry: 'card', name: '별빛카드', nameEn: 'Byeolbit Card', regNo: '1018200002', basePath: '/CDBYEOLB01', npTimes: NIGHT, group: '별빛' },
  { orgCode: 'CDHANEUL01', industry: 'card', name: '하늘카드', nameEn: 'Haneul Card', regNo: '1018200003', basePath: '/CDHANEUL01', npTimes: NIGHT_AND_LUNCH, group: '하늘' },
  { orgCode: 'CDGARAM001', industry: 'card', name: '가람카드', nameEn: 'Garam Card', regNo: '1018200004', basePath: '/CDGARAM001', npTimes: NIGHT, group: '가람' },
  // 금융투자
  { orgCode: 'IVGARAM001', industry: 'invest', name: '가람증권', nameEn: 'Garam Securities', regNo: '1018300001', basePath: '/IVGARAM001', npTimes: ['1800:2400'], group: '가람' },
  { orgCode: 'IVMIRAERO1', industry: 'invest', name: '미래로투자증권', nameEn: 'Miraero Investment', regNo: '1018300002', basePath: '/IVMIRAERO1', npTimes: ['1800:2400', '0000:0700'] },
  { orgCode: 'IVHANUL001', industry: 'invest', name: '한울증권', nameEn: 'Hanul Securities', regNo: '1018300003', basePath: '/IVHANUL001', npTimes: ['1600:2300'] },
  // 보험
  { orgCode: 'ISDEUNDN01', industry: 'insu', name: '든든생명', nameEn: 'Deundeun Life', regNo: '1018400001', basePath: '/ISDEUNDN01', npTimes: NIGHT, group: '든든' },
  { orgCode: 'ISPUREUN01', industry: 'insu', name: '푸른손해보험', nameEn: 'Pureun Insurance', regNo: '1018400002', basePath: '/ISPUREUN01', npTimes: NIGHT },
  { orgCode: 'ISSAEBOM01', industry: 'insu', name: '새봄화재', nameEn: 'Saebom Fire & Marine', regNo: '1018400003', basePath: '/ISSAEBOM01', npTimes: NIGHT_AND_LUNCH },
  // 전자금융
  { orgCode: 'EFMUNGGE01', industry: 'efin', name: '뭉게페이', nameEn: 'Mungge Pay', regNo: '1018500001', basePath: '/EFMUNGGE01', npTimes: NIGHT },
  { orgCode: 'EFKONGKG01', industry: 'efin', name: '콩콩머니', nameEn: 'Kongkong Money', regNo: '1018500002', basePath: '/EFKONGKG01', npTimes: NIGHT },
  { orgCode: 'EFBAROPY01', industry: 'efin', name: '바로페이', nameEn: 'Baro Pay', regNo: '1018500003', basePath: '/EFBAROPY01', npTimes: NIGHT_AND_LUNCH },
  // 할부금융
  { orgCode: 'CPNURI0001', industry: 'capital', name: '누리캐피탈', nameEn: 'Nuri Capital', regNo: '1018600001', basePath: '/CPNURI0001', npTimes: NIGHT, group: '누리' },
  { orgCode: 'CPSSING001', industry: 'capital', name: '씽씽캐피탈', nameEn: 'Ssingssing Capital', regNo: '1018600002', basePath: '/CPSSING001', npTimes: NIGHT },
  // 보증보험
  { orgCode: 'GIDEUNDN01', industry: 'ginsu', name: '든든보증보험', nameEn: 'Deundeun Guarantee', regNo: '1018700001', basePath: '/GIDEUNDN01', npTimes: NIGHT, group: '든든' },
  // 통신
  { orgCode: 'TCHANEUL01', industry: 'telecom', name: '하늘텔레콤', nameEn: 'Haneul Telecom', regNo: '1018800001', basePath: '/TCHANEUL01', npTimes: NIGHT, group: '하늘' },
  { orgCode: 'TCBYEOLB01', industry: 'telecom', name: '별빛모바일', nameEn: 'Byeolbit Mobile', regNo: '1018800002', basePath: '/TCBYEOLB01', npTimes: NIGHT, group: '별빛' },
  { orgCode: 'TCONSESA01', industry: 'telecom', name: '온세상통신', nameEn: 'Onsesang Telecom', regNo: '1018800003', basePath: '/TCONSESA01', npTimes: NIGHT_AND_LUNCH },
  // P2P, 인수채권, 대부
  { orgCode: 'PPJINGGM01', industry: 'p2p', name: '징검다리펀딩', nameEn: 'Jinggeomdari Funding', regNo: '1018900001', basePath: '/PPJINGGM01', npTimes: NIGHT },
  { orgCode: 'BDSAECHL01', industry: 'bond', name: '새출발채권', nameEn: 'Saechulbal Bonds', regNo: '1019000001', basePath: '/BDSAECHL01', npTimes: NIGHT },
  { orgCode: 'USMIDEUM01', industry: 'usury', name: '믿음대부', nameEn: 'Mideum Lending', regNo: '1019100001', basePath: '/USMIDEUM01', npTimes: NIGHT },
];
