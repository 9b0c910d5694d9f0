import { AH, aNS, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';
import { BANK_FIELDS } from './bank.ts';

/**
 * Prepaid-card fields (선불-001…004, card industry now, bank later). The notes list no fields for these APIs,
 * so the names follow the card APIs' patterns (`card_id` → `pp_id`, `card_cnt/card_list` → `pp_cnt/pp_list`)
 * and everything here is provisional. Approval and balance fields come from the card and common dictionaries.
 */
export const PREPAID_CARD_FIELDS = {
  pp_cnt: { type: N(3), ko: '선불카드 수', en: 'Number of prepaid cards in this page' },
  pp_id: {
    type: aNS(64),
    ko: '선불카드 식별자',
    en: 'Prepaid-card identifier (opaque, never the card number)',
    provisional: true,
  },
  pp_name: { type: AH(300), ko: '선불카드명', en: 'Prepaid-card name', provisional: true },
  trans_cnt: BANK_FIELDS.trans_cnt,
} as const satisfies Record<string, FieldDef>;
