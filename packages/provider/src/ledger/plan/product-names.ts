import type { Rng } from '../random/rng.ts';

/**
 * Product names as each institution would brand them: the institution's short name (누리은행 → 누리) with
 * generic product words. All invented.
 */
export function brandOf(institutionName: string): string {
  return institutionName.replace(
    /(저축은행|은행|카드|투자증권|증권|생명|손해보험|화재|보증보험|캐피탈|텔레콤|모바일|통신|펀딩|채권|대부|페이|머니)$/,
    '',
  );
}

export const DEPOSIT_NAMES = [
  '주거래 우대통장',
  '급여클럽 통장',
  '자유입출금 통장',
  '모바일 플러스 통장',
  '직장인 우대통장',
  '생활비 통장',
];
export const SUB_DEPOSIT_NAMES = ['파킹통장', '비상금 통장', '모임통장', '세이프박스 통장'];
export const SAVINGS_NAMES = ['청년 희망적금', '자유적금', '정기적금 플러스', '내맘대로 적금', '주택청약 연계적금'];
export const TIME_DEPOSIT_NAMES = ['정기예금', '스마트 정기예금', '특판 정기예금', '회전식 정기예금'];
export const FX_DEPOSIT_NAMES = ['외화 보통예금', '달러 모으기 통장'];
export const LOAN_NAMES: Readonly<Record<string, readonly string[]>> = {
  '3001': ['직장인 신용대출', '비상금대출', '모바일 신용대출'],
  '3002': ['예적금 담보대출', '부동산 담보대출'],
  '3003': ['아파트 주택담보대출', '보금자리론', '내집마련 주택담보대출'],
  '3004': ['전세자금대출', '청년 전세자금대출', '버팀목 전세대출'],
};
export const CREDIT_CARD_NAMES = [
  '모두의 할인 카드',
  '딥 드림 카드',
  '생활의 발견 카드',
  '마일리지 플래티넘 카드',
  '포인트 플러스 카드',
  '알뜰 쇼핑 카드',
  '트래블 카드',
];
export const CHECK_CARD_NAMES = ['체크카드', '청춘 체크카드', '모바일 체크카드', '알뜰 체크카드'];
export const PREPAID_CARD_NAMES = ['기프트카드', '선불 충전카드'];
export const EFIN_MONEY_NAMES = ['머니', '페이머니', '충전포인트'];
export const SECURITIES_ACCOUNT_NAMES = ['종합매매계좌', '위탁계좌', '주식 모으기 계좌'];
export const PENSION_NAMES = ['연금저축계좌', '연금저축펀드'];
export const IRP_NAMES = ['개인형IRP', 'IRP 퇴직연금'];

export function pickName(rng: Rng, brand: string, names: readonly string[]): string {
  return `${brand} ${rng.pick(names)}`;
}
