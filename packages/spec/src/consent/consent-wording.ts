import { findApi } from '../catalogue/index.ts';
import { INDUSTRIES, type Industry } from '../industries.ts';
import type { InformationScope } from '../scopes.ts';
import type { ConsentAsset, ConsentDocument } from './consent-document.ts';

/**
 * How a consent (consent-document.ts) reads to the person who signs it, in plain Korean and English: one
 * description per scope, the transmission cycle ('1/w' → 주 1회), dates, the asset choice and the v2
 * sensitive items. The CA's approval page and the person's web app both use these words, so the person
 * sees the same sentence wherever the same consent is shown.
 *
 * PROVISIONAL wording: 신용정보원's "알고하는 동의" standard texts are not public; these follow its spirit
 * (short, concrete, no jargon) and the item names of the notes §4.4.
 */
export type WordingLang = 'ko' | 'en';

export interface Wording {
  readonly ko: string;
  readonly en: string;
}

/** What each scope lets the recipient receive, in words a person understands. */
export const SCOPE_WORDING = {
  'bank.list': { ko: '은행 계좌 목록', en: 'The list of your bank accounts' },
  'bank.deposit': {
    ko: '예금·적금 계좌의 잔액, 거래내역과 상품 정보',
    en: 'Balances, transactions and product details of your deposit and savings accounts',
  },
  'bank.invest': {
    ko: '은행에서 가입한 투자상품(펀드 등)의 평가금액과 거래내역',
    en: 'Value and transactions of investment products (funds etc.) held at the bank',
  },
  'bank.loan': {
    ko: '대출의 잔액, 금리, 상환 내역',
    en: 'Outstanding balance, interest rate and repayments of your loans',
  },
  'bank.irp': {
    ko: '개인형 퇴직연금(IRP) 계좌의 적립금과 거래내역',
    en: 'Balance and transactions of your individual retirement pension (IRP) account',
  },
  'card.list': { ko: '카드 목록', en: 'The list of your cards' },
  'card.card': {
    ko: '카드 기본정보와 승인내역(국내·해외 사용 내역)',
    en: 'Card details and approvals (what you spent, at home and abroad)',
  },
  'card.prepaid': { ko: '선불카드 잔액과 사용 내역', en: 'Balance and use of your prepaid cards' },
  'card.point': { ko: '카드 포인트 현황', en: 'Your card reward points' },
  'card.bill': {
    ko: '청구서, 결제정보, 리볼빙 내역',
    en: 'Bills, payment details and revolving credit',
  },
  'card.loan': {
    ko: '카드론·현금서비스 등 카드 대출 내역',
    en: 'Card loans and cash advances',
  },
  'invest.list': { ko: '증권 계좌 목록', en: 'The list of your securities accounts' },
  'invest.account': {
    ko: '증권 계좌의 예수금, 보유 종목, 거래내역과 연금 정보',
    en: 'Cash, holdings, transactions and pension details of your securities accounts',
  },
  'invest.irp': {
    ko: '증권사 개인형 퇴직연금(IRP) 계좌의 적립금과 거래내역',
    en: 'Balance and transactions of your IRP account at the securities firm',
  },
  'insu.list': { ko: '보험 계약 목록', en: 'The list of your insurance contracts' },
  'insu.insurance': {
    ko: '보험 계약 내용, 보험료 납입 내역, 특약 정보',
    en: 'Contract details, premiums paid and riders of your insurance',
  },
  'insu.loan': { ko: '보험계약대출 내역', en: 'Loans taken against your insurance policies' },
  'insu.irp': {
    ko: '보험사 개인형 퇴직연금(IRP) 계좌의 적립금과 거래내역',
    en: 'Balance and transactions of your IRP account at the insurer',
  },
  'efin.list': { ko: '전자금융 계정 목록', en: 'The list of your e-money accounts' },
  'efin.prepaid': {
    ko: '선불전자지급수단(페이머니 등) 잔액과 거래내역',
    en: 'Balance and transactions of your stored-value (pay money) accounts',
  },
  'efin.paid': { ko: '간편결제 결제내역', en: 'Your simple-payment (간편결제) purchases' },
  'capital.list': { ko: '할부금융 계약 목록', en: 'The list of your instalment-finance contracts' },
  'capital.loan': {
    ko: '할부·리스·대출 계약의 잔액과 상환 내역',
    en: 'Balance and repayments of your instalment, lease and loan contracts',
  },
  'ginsu.list': { ko: '보증보험 계약 목록', en: 'The list of your guarantee-insurance contracts' },
  'ginsu.insurance': {
    ko: '보증보험 계약 내용과 보험료 납입 내역',
    en: 'Contract details and premiums of your guarantee insurance',
  },
  'telecom.list': { ko: '통신 계약 목록', en: 'The list of your telecom contracts' },
  'telecom.mgmt': {
    ko: '통신요금 청구·납부 내역과 소액결제 내역',
    en: 'Phone bills, payments and carrier-billed purchases',
  },
  'p2p.list': { ko: 'P2P 대출 목록', en: 'The list of your P2P loans' },
  'p2p.lending': { ko: 'P2P 대출의 잔액과 상환 내역', en: 'Balance and repayments of your P2P loans' },
  'bond.list': { ko: '채권 목록', en: 'The list of your debts held by bond buyers' },
  'bond.bond': {
    ko: '인수된 채권의 잔액과 상환 내역',
    en: 'Balance and repayments of debts bought by bond buyers',
  },
  'usury.list': { ko: '대부 계약 목록', en: 'The list of your money-lender loans' },
  'usury.bond': {
    ko: '대부 계약의 잔액과 상환 내역',
    en: 'Balance and repayments of your money-lender loans',
  },
} as const satisfies Record<InformationScope, Wording>;

/** The description of one scope; unknown names come back as themselves (never a crash on a page). */
export function scopeWording(scope: string, lang: WordingLang): string {
  const w = (SCOPE_WORDING as Record<string, Wording>)[scope];
  return w ? w[lang] : scope;
}

/** The industry's name as a person says it (은행, 카드 …). */
export function industryWording(industry: Industry, lang: WordingLang): string {
  return INDUSTRIES[industry][lang];
}

const UNIT: Record<string, { ko: string; en: string; enPlural: string; per: string }> = {
  d: { ko: '일', en: 'day', enPlural: 'days', per: 'a day' },
  w: { ko: '주', en: 'week', enPlural: 'weeks', per: 'a week' },
  m: { ko: '월', en: 'month', enPlural: 'months', per: 'a month' },
};
const UNIT_KO_SPAN: Record<string, string> = { d: '일', w: '주', m: '개월' };

const TIMES_EN = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/**
 * A transmission cycle in words. Two spellings exist (notes §4.4): `N/u` is N times per unit
 * ('1/w' → 주 1회, once a week; '2/m' → 월 2회), and `Nu` is once every N units ('1m' → 월 1회,
 * '2w' → 2주마다 1회). Anything else is returned as given.
 */
export function cycleWording(cycle: string, lang: WordingLang): string {
  const perUnit = /^([1-9][0-9]?)\/([dwm])$/.exec(cycle);
  if (perUnit) {
    const n = Number(perUnit[1]);
    const u = UNIT[perUnit[2]!]!;
    return lang === 'ko' ? `${u.ko} ${n}회` : `${TIMES_EN(n)} ${u.per}`;
  }
  const every = /^([1-9][0-9]?)([dwm])$/.exec(cycle);
  if (every) {
    const n = Number(every[1]);
    const unit = every[2]!;
    const u = UNIT[unit]!;
    if (n === 1) return lang === 'ko' ? `${u.ko} 1회` : `once ${u.per}`;
    return lang === 'ko' ? `${n}${UNIT_KO_SPAN[unit]}마다 1회` : `once every ${n} ${u.enPlural}`;
  }
  return cycle;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A YYYYMMDD date in words: 2027년 11월 24일 / 24 November 2027. Malformed input is returned as given. */
export function dateWording(yyyymmdd: string, lang: WordingLang): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) return yyyymmdd;
  const day = Number(m[3]);
  return lang === 'ko' ? `${m[1]}년 ${month}월 ${day}일` : `${day} ${MONTHS_EN[month - 1]} ${m[1]}`;
}

/** The end of the consent: "2027년 11월 24일까지" / "until 24 November 2027". */
export function endDateWording(yyyymmdd: string, lang: WordingLang): string {
  const date = dateWording(yyyymmdd, lang);
  return lang === 'ko' ? `${date}까지` : `until ${date}`;
}

/** Whether and how often the data is sent on its own (item 4 of the notes §4.4). */
export function scheduleWording(
  consent: Pick<ConsentDocument, 'is_scheduled' | 'fnd_cycle' | 'add_cycle'>,
  lang: WordingLang,
): string {
  if (consent.is_scheduled !== 'true') {
    return lang === 'ko'
      ? '정기적으로 전송하지 않음 (요청할 때만 전송)'
      : 'No regular transmission (sent only when you ask)';
  }
  const fnd = cycleWording(consent.fnd_cycle, lang);
  const add = cycleWording(consent.add_cycle, lang);
  if (consent.fnd_cycle === consent.add_cycle) {
    return lang === 'ko' ? `정기적으로 전송 (${fnd})` : `Sent regularly (${fnd})`;
  }
  return lang === 'ko'
    ? `정기적으로 전송 (기본정보 ${fnd}, 추가정보 ${add})`
    : `Sent regularly (basic information ${fnd}, further information ${add})`;
}

/** Key fields that identify an account or card: only their last four characters are shown. */
const MASKED_KEY = /(_num|_no)$/;

/** Show the last four characters of an account or card number, the rest as asterisks. */
export function maskAssetNumber(value: string): string {
  if (value.length <= 4) return value;
  return `${'*'.repeat(Math.min(value.length - 4, 8))}${value.slice(-4)}`;
}

/**
 * One chosen asset in words: what kind of asset (the list API's name, e.g. 계좌 목록 조회 → 계좌) and
 * its key with account and card numbers masked to their last four characters.
 */
export function assetWording(asset: ConsentAsset, lang: WordingLang): string {
  const api = findApi(asset.api);
  const kind = api ? api.name[lang] : asset.api;
  const keys = Object.entries(asset.key)
    .map(([name, value]) => (MASKED_KEY.test(name) ? maskAssetNumber(value) : value))
    .join(' · ');
  return `${kind}: ${keys}`;
}

/** The assets chosen, or 전체 자산 / All assets. */
export function targetWording(consent: Pick<ConsentDocument, 'target' | 'asset_list'>, lang: WordingLang): string[] {
  if (consent.target === 'all') {
    return [lang === 'ko' ? '전체 자산 (보유한 모든 자산)' : 'All assets (every asset you hold there)'];
  }
  return consent.asset_list.map((a) => assetWording(a, lang));
}

/** The v2 sensitive items the person agreed to (or did not): memo, merchant, category of transactions. */
export function sensitiveItemsWording(
  consent: Pick<
    ConsentDocument,
    'is_consent_trans_memo' | 'is_consent_merchant_name_regno' | 'is_consent_trans_category'
  >,
  lang: WordingLang,
): { readonly label: string; readonly agreed: boolean }[] {
  const items: [keyof typeof consent, Wording][] = [
    ['is_consent_trans_memo', { ko: '거래 메모(적요)', en: 'Transaction memos' }],
    [
      'is_consent_merchant_name_regno',
      { ko: '가맹점명과 사업자등록번호', en: 'Merchant names and registration numbers' },
    ],
    ['is_consent_trans_category', { ko: '거래 분류(업종)', en: 'Transaction categories' }],
  ];
  return items.map(([field, w]) => ({ label: w[lang], agreed: consent[field] === 'true' }));
}
