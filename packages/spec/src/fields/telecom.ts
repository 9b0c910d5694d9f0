import { aN, aNS, DATE, F, MONTH, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';

/**
 * Telecom fields (통신-001…004). Names from the notes §3.3 (Banksalad 2021-draft DTOs and fixtures); types and
 * code lists are provisional. `paid_amt` comes from fields/insu.ts and `trans_title` from fields/efin.ts (same
 * meaning). `charge_month` is common (fields/common.ts); `charge_amt` means 청구금액 here and in card bills.
 */
export const TELECOM_FIELDS = {
  mgmt_id: { type: aNS(30), ko: '계약관리번호', en: 'Contract management id', provisional: true },
  telecom_cnt: { type: N(3), ko: '통신 계약 수', en: 'Number of telecom contracts' },
  telecom_num: {
    type: aNS(30),
    ko: '가입번호',
    en: 'Subscription number (phone number or service id, may be masked)',
    provisional: true,
  },
  type: {
    type: aN(2),
    ko: '통신 구분 코드',
    en: 'Telecom service type code',
    provisional: true,
    note: 'Our reading: 01 이동전화, 02 인터넷, 03 일반전화, 04 IPTV, 99 기타',
  },
  status: {
    type: aN(2),
    ko: '계약 상태 코드',
    en: 'Contract status code',
    provisional: true,
    note: 'Our reading: 01 사용, 02 일시정지, 03 해지, 99 기타',
  },
  bill_cnt: { type: N(3), ko: '청구 건수', en: 'Number of bills' },
  charge_amt: {
    type: F(18, 3),
    ko: '청구금액',
    en: 'Amount billed',
    provisional: true,
    note: 'Homonym: in 전금-003 charge_amt is the auto top-up amount (자동충전 금액)',
  },
  charge_date: { type: DATE, ko: '납부기한일', en: 'Payment due date of the bill', provisional: true },
  trans_month: { type: MONTH, ko: '납입년월', en: 'Month paid for' },
} as const satisfies Record<string, FieldDef>;
