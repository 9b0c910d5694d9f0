import type { Asset } from '../api/types.ts';

export type AssetKind =
  | 'deposit'
  | 'investment'
  | 'pension'
  | 'card'
  | 'loan'
  | 'insurance'
  | 'epay'
  | 'telecom'
  | 'other';

/** The kind of an asset, from the list API it came from (and the bank account type for loans). */
export function assetKind(a: Asset): AssetKind {
  const sector = a.listApi.split('-')[0] ?? '';
  switch (sector) {
    case '은행': {
      const type = String(a.attrs.account_type ?? a.typeCode ?? '');
      return type.startsWith('3') ? 'loan' : type.startsWith('2') ? 'investment' : 'deposit';
    }
    case '금투':
    case '채권':
      return 'investment';
    case 'IRP':
      return 'pension';
    case '카드':
      return 'card';
    case '할부금융':
    case 'P2P':
      return 'loan';
    case '보험':
    case '보증보험':
      return 'insurance';
    case '전금':
    case '선불':
      return 'epay';
    case '통신':
      return 'telecom';
    default:
      return 'other';
  }
}

export const KIND_NAMES: Record<AssetKind, { ko: string; en: string }> = {
  deposit: { ko: '예금·적금', en: 'Deposits' },
  investment: { ko: '투자', en: 'Investments' },
  pension: { ko: '연금', en: 'Pensions' },
  card: { ko: '카드', en: 'Cards' },
  loan: { ko: '대출', en: 'Loans' },
  insurance: { ko: '보험', en: 'Insurance' },
  epay: { ko: '전자금융', en: 'E-money' },
  telecom: { ko: '통신', en: 'Telecom' },
  other: { ko: '기타', en: 'Other' },
};
