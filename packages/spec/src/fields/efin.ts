import { AH, aN, aNS, BOOL, F, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';

/**
 * E-finance fields (전금-001…004 선불전자지급수단, 전금-101…103 간편결제). Names from the notes §3.3 and
 * standard ch.3 (권면ID = fob_id, 계정식별값 = account_id); the 2021 draft keyed everything by `sub_key`, the
 * final v1 by `fob_id` (prepaid) and the account id (간편결제). Types and code lists are provisional.
 */
export const EFIN_FIELDS = {
  // 전금-001…004 선불전자지급수단
  fob_id: { type: aNS(30), ko: '권면 ID', en: 'Prepaid instrument (권면) id', provisional: true },
  fob_cnt: { type: N(3), ko: '선불전자지급수단 수', en: 'Number of prepaid instruments' },
  fob_name: { type: AH(300), ko: '권면명', en: 'Prepaid instrument name (e.g. 카카오페이머니)', provisional: true },
  account_id: {
    type: aNS(100),
    ko: '계정 식별값',
    en: 'Account id at the e-finance provider (may be masked)',
    provisional: true,
  },
  total_balance_amt: { type: F(18, 3), ko: '총 잔액', en: 'Total balance', provisional: true },
  charge_balance_amt: { type: F(18, 3), ko: '충전 잔액', en: 'Balance from top-ups', provisional: true },
  reserve_balance_amt: { type: F(18, 3), ko: '적립 잔액', en: 'Balance from rewards', provisional: true },
  reserve_due_amt: { type: F(18, 3), ko: '적립 예정 금액', en: 'Rewards to be credited', provisional: true },
  exp_due_amt: { type: F(18, 3), ko: '소멸 예정 금액', en: 'Amount about to expire', provisional: true },
  limit_amt: { type: F(18, 3), ko: '보유 한도', en: 'Holding limit', provisional: true },
  charge_org_code: { type: aN(10), ko: '충전 출금기관 코드', en: 'Org code of the top-up source', provisional: true },
  charge_account_num: {
    type: aNS(20),
    ko: '충전 출금 계좌번호',
    en: 'Top-up source account number (may be masked)',
    provisional: true,
  },
  charge_option: {
    type: aN(2),
    ko: '자동충전 방식 코드',
    en: 'Auto top-up option code',
    provisional: true,
    note: 'Our reading: 01 기준금액 미만 시 충전 (charge_base_amt), 02 정기 충전 (charge_day), 99 기타',
  },
  charge_day: { type: aN(2), ko: '정기 충전일', en: 'Day of month of a scheduled top-up (01–31)', provisional: true },
  charge_base_amt: { type: F(18, 3), ko: '충전 기준금액', en: 'Balance below which to top up', provisional: true },
  charge_amt: {
    type: F(18, 3),
    ko: '자동충전 금액',
    en: 'Top-up amount',
    provisional: true,
    note: 'Homonym: in 통신-002 (and 카드-004) charge_amt is the billed amount (청구금액)',
  },
  trans_org_code: { type: aN(10), ko: '거래 상대 기관코드', en: 'Org code of the counterpart', provisional: true },
  trans_id: { type: aNS(64), ko: '거래 상대 식별값', en: 'Counterpart id (may be masked)', provisional: true },
  // 전금-101…103 간편결제
  is_pay_reg: { type: BOOL, ko: '결제수단 등록 여부', en: 'Has registered payment means' },
  pay_cnt: {
    type: N(3),
    ko: '등록 결제수단 수',
    en: 'Number of registered payment means',
    note: 'Homonym: in 보험-005 pay_cnt is the number of premiums paid (납입횟수)',
  },
  pay_id: {
    type: aNS(30),
    ko: '결제수단 식별값',
    en: 'Payment means id (masked card or account number)',
    provisional: true,
  },
  is_primary: { type: BOOL, ko: '주 결제수단 여부', en: 'Primary payment means' },
  trans_num: { type: aNS(64), ko: '거래번호', en: 'Transaction number', provisional: true },
  trans_title: {
    type: AH(300),
    ko: '주문내역 (상품명)',
    en: 'Order title / item purchased (주문내역)',
    provisional: true,
  },
  trans_category: {
    type: AH(60),
    ko: '주문 카테고리',
    en: 'Order category',
    provisional: true,
    note: 'The 2021 draft fixture shows codes such as L1; no code list is public, so free text up to 60 bytes',
  },
} as const satisfies Record<string, FieldDef>;
