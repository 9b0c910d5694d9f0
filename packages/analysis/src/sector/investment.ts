import { type Known, known, unknown } from '../shared/known.ts';

export interface Position {
  readonly institution: string;
  readonly name: string;
  /** KRW value. */
  readonly value: number;
  readonly kind: 'stock' | 'fund' | 'bond' | 'etf' | 'cash' | 'other';
}

export interface TaxAccount {
  readonly kind: 'isa' | 'irp' | 'pension-savings';
  readonly institution: string;
  /** Paid in this calendar year, when the transactions show it. */
  readonly paidThisYear: number | null;
}

/** Yearly limits and tax-credit caps (2026 rules, PROVISIONAL: check 조세특례제한법 each year). */
export const TAX_LIMITS = {
  isa: { yearly: 20_000_000, ko: 'ISA 연 납입한도 2,000만원' },
  pensionCredit: { yearly: 9_000_000, ko: '연금저축+IRP 세액공제 한도 연 900만원 (연금저축 600만원까지)' },
  pensionSavingsCredit: { yearly: 6_000_000 },
  pensionTotal: { yearly: 18_000_000, ko: '연금계좌 납입한도 연 1,800만원' },
} as const;

export interface InvestmentPatterns {
  readonly total: number;
  /** Largest position's share, and the Herfindahl index of the positions (1 = all in one). */
  readonly concentration: {
    readonly largest: { name: string; share: number } | null;
    readonly hhi: number;
    readonly concentrated: boolean;
  };
  readonly byKind: readonly { kind: Position['kind']; value: number; share: number }[];
  /** Fees: the standard's investment APIs carry no fee rates, so they are unknown (said, not guessed). */
  readonly fees: Known<number>;
  readonly roomLeft: readonly { kind: string; ko: string; room: Known<number> }[];
  readonly notes: readonly { ko: string; en: string }[];
}

/** Investment patterns: concentration, what kinds, fees (unknown) and room left in ISA, IRP and 연금저축 this year. */
export function investmentPatterns(
  positions: readonly Position[],
  accounts: readonly TaxAccount[],
): InvestmentPatterns {
  const total = positions.reduce((s, p) => s + Math.max(0, p.value), 0);
  const shares = positions.map((p) => (total > 0 ? p.value / total : 0));
  const hhi = shares.reduce((s, x) => s + x * x, 0);
  const largestIdx = shares.indexOf(Math.max(...shares));
  const largest =
    largestIdx >= 0 && positions[largestIdx] ? { name: positions[largestIdx]!.name, share: shares[largestIdx]! } : null;
  const kinds = new Map<Position['kind'], number>();
  for (const p of positions) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + p.value);
  const paid = (k: TaxAccount['kind']): Known<number> => {
    const acc = accounts.filter((a) => a.kind === k);
    if (acc.length === 0) return known(0);
    if (acc.some((a) => a.paidThisYear === null))
      return unknown('NO_CONTRIBUTIONS', '올해 납입 내역을 알 수 없습니다', 'this year’s contributions unknown');
    return known(acc.reduce((s, a) => s + (a.paidThisYear ?? 0), 0));
  };
  const isa = paid('isa');
  const irp = paid('irp');
  const ps = paid('pension-savings');
  const room = (limit: number, used: Known<number>): Known<number> =>
    used.known ? known(Math.max(0, limit - used.value)) : used;
  const pensionUsed: Known<number> = irp.known && ps.known ? known(irp.value + ps.value) : !irp.known ? irp : ps;
  const roomLeft = [
    {
      kind: 'isa',
      ko: TAX_LIMITS.isa.ko,
      room: accounts.some((a) => a.kind === 'isa')
        ? room(TAX_LIMITS.isa.yearly, isa)
        : unknown<number>('NO_ISA', 'ISA 계좌가 연결되지 않았습니다', 'no ISA connected'),
    },
    {
      kind: 'pension-credit',
      ko: TAX_LIMITS.pensionCredit.ko,
      room: room(TAX_LIMITS.pensionCredit.yearly, pensionUsed),
    },
    { kind: 'pension-total', ko: TAX_LIMITS.pensionTotal.ko, room: room(TAX_LIMITS.pensionTotal.yearly, pensionUsed) },
  ];
  const concentrated = (largest?.share ?? 0) > 0.5 || hhi > 0.4;
  const notes = [
    ...(concentrated && largest
      ? [
          {
            ko: `${largest.name}이(가) 투자금의 ${Math.round(largest.share * 100)}%입니다. 한 종목에 몰려 있습니다.`,
            en: `${Math.round(largest.share * 100)}% in one position`,
          },
        ]
      : []),
    ...(pensionUsed.known && pensionUsed.value < TAX_LIMITS.pensionCredit.yearly
      ? [
          {
            ko: `올해 연금저축·IRP 세액공제 한도가 ${(TAX_LIMITS.pensionCredit.yearly - pensionUsed.value).toLocaleString('ko-KR')}원 남았습니다 (공제율 13.2~16.5%).`,
            en: 'pension tax-credit room left this year',
          },
        ]
      : []),
  ];
  return {
    total,
    concentration: { largest, hhi, concentrated },
    byKind: [...kinds].map(([kind, value]) => ({ kind, value, share: total > 0 ? value / total : 0 })),
    fees: unknown(
      'NO_FEE_DATA',
      '표준 API에 보수·수수료율 항목이 없어 알 수 없습니다',
      'the standard carries no fee rates',
    ),
    roomLeft,
    notes,
  };
}
