import { aN, aNS, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';
import { BANK_FIELDS } from './bank.ts';

/**
 * 인수채권/금전대부 fields (채권-001…003, industries bond and usury). The notes list no fields for these APIs, so
 * every name here follows the patterns of the other sectors' list, detail and transaction APIs and is provisional.
 */
export const BOND_FIELDS = {
  trans_cnt: BANK_FIELDS.trans_cnt,
  bond_cnt: { type: N(3), ko: '채권 수', en: 'Number of bonds or loans in this page' },
  bond_num: {
    type: aNS(30),
    ko: '채권번호 (대부 계약번호)',
    en: 'Bond (acquired claim) or money-lending contract number',
    provisional: true,
  },
  bond_type: {
    type: aN(2),
    ko: '채권 구분',
    en: 'Kind of claim',
    provisional: true,
    values: ['01', '02', '99'],
    note: '01 인수채권, 02 금전대부, 99 기타 (our code list)',
  },
} as const satisfies Record<string, FieldDef>;
