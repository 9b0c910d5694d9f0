import { aN, aNS, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';

/**
 * P2P lending fields (P2P-001…004). Neither the notes nor the 2021 draft give P2P field names; standard ch.3
 * says the list answers "대출계약번호, 전송요구 여부, 상품명, 상품유형". We name the 대출계약번호 `lending_id`
 * after the resource (/lendings) and follow the bank-loan names for everything else (from fields/bank.ts).
 * All provisional. `prod_type` also occurs in card (카드-005) and securities (금투-004) with their own codes.
 */
export const P2P_FIELDS = {
  lending_id: { type: aNS(30), ko: '대출계약번호', en: 'Loan contract number', provisional: true },
  lending_cnt: { type: N(5), ko: '보유 대출 수', en: 'Number of P2P loans' },
  prod_type: {
    type: aN(2),
    ko: '상품유형 코드',
    en: 'P2P product type code',
    provisional: true,
    note: 'Our reading (온투법 상품 유형): 01 부동산담보, 02 부동산PF, 03 개인신용, 04 법인신용, 05 어음·매출채권, 99 기타',
  },
} as const satisfies Record<string, FieldDef>;
