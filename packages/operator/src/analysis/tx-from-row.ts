import { toKrw, type Tx } from '@hannun/analysis';
import type { PlainRow } from '../model/row-identity.ts';

/** The model tables whose rows are movements the analysis counts (others are states or duplicates of these). */
export const ANALYSED_TABLES = new Set(['op_m_approval', 'op_m_payment', 'op_m_deposit_tx']);

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Whole KRW of a wire amount in a currency (foreign ones at the provisional rate), or null. */
function krw(amount: string | null, currency: string | null): number | null {
  if (amount === null) return null;
  if (currency === null || currency === 'KRW') {
    const n = Number(amount);
    return Number.isFinite(n) ? Math.round(n) : null;
  }
  const k = toKrw(amount, currency);
  return k.known ? k.value.krw : null;
}

/**
 * A model row as a movement of the analysis, or null when it does not count:
 * - approvals (카드-008/009, 선불-004): the amount paid — 0 when cancelled (not counted), the corrected amount
 *   when corrected; overseas ones in KRW (krw_amt, else the provisional rate);
 * - 간편결제 payments (전금-103): counted unless paid by card (pay_method 02: the card's approval counts);
 *   cancellations are refunds;
 * - deposit transactions (은행-004): counted; their class and memo say what they are (a check-card debit or a
 *   card bill payment is a transfer, not spending twice).
 * E-money and prepaid balance movements (전금-004, 선불-003) and carrier billing (통신-004, paid through the
 * phone bill) are left out: the payments, approvals and bills they mirror are counted instead.
 */
export function txFromRow(table: string, id: string, orgCode: string, row: PlainRow): Tx | null {
  switch (table) {
    case 'op_m_approval': {
      const status = str(row.status) ?? '01';
      if (status === '02') return null;
      const currency = str(row.currency_code);
      const overseas = str(row.region) === 'overseas';
      const paid = status === '03' ? str(row.modified_amt) : str(row.approved_amt);
      const amount =
        overseas && str(row.krw_amt) !== null
          ? krw(str(row.krw_amt), 'KRW')
          : krw(paid, overseas ? (currency ?? 'USD') : currency);
      const when = str(row.approved_dtime);
      if (amount === null || amount === 0 || when === null) return null;
      const installments = str(row.total_install_cnt);
      return {
        id,
        source: 'card',
        orgCode,
        date: when.slice(0, 8),
        amount: -amount,
        merchant: str(row.merchant_name),
        regno: str(row.merchant_regno),
        ...(installments ? { installments: Number(installments) } : {}),
      };
    }
    case 'op_m_payment': {
      // Paid by card (pay_method 02): the card's approval is the spending; this row only repeats it.
      if (str(row.pay_method) === '02') return null;
      const amount = krw(str(row.trans_amt), 'KRW');
      const when = str(row.trans_dtime);
      if (amount === null || amount === 0 || when === null) return null;
      return {
        id,
        source: 'pay',
        orgCode,
        date: when.slice(0, 8),
        amount: -amount,
        merchant: str(row.merchant_name),
        regno: str(row.merchant_regno),
        orderCategory: str(row.trans_category),
      };
    }
    case 'op_m_deposit_tx': {
      const amount = krw(str(row.trans_amt), str(row.currency_code));
      const when = str(row.trans_dtime);
      if (amount === null || amount === 0 || when === null) return null;
      return {
        id,
        source: 'bank',
        orgCode,
        date: when.slice(0, 8),
        amount,
        merchant: str(row.trans_memo),
        transClass: str(row.trans_class),
      };
    }
    default:
      return null;
  }
}
