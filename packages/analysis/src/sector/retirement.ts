import { type Known, known, unknown } from '../shared/known.ts';

export interface PensionPot {
  readonly institution: string;
  readonly kind: 'irp' | 'pension-savings' | 'pension-insurance' | 'other';
  readonly name: string | null;
  readonly balance: number;
  /** What goes in a month now (from its transactions), when known. */
  readonly monthly: number | null;
}

export interface RetirementProjection {
  readonly age: Known<number>;
  readonly retireAt: number;
  readonly years: Known<number>;
  readonly pots: readonly PensionPot[];
  readonly today: number;
  /** The pots at retirement, contributions continued, at the assumed return. */
  readonly atRetirement: Known<number>;
  /** Paid out over 20 years from retirement (monthly). */
  readonly monthlyIncome: Known<number>;
  /** Against the person's monthly spending today. */
  readonly gap: Known<number>;
  readonly assumptions: { readonly ko: string; readonly en: string };
}

export const ASSUMED_RETURN: number = 0.03;
const PAYOUT_YEARS = 20;

/**
 * 노후설계: IRP, 연금저축 and pension insurance projected to the retirement age at an assumed 3 % a year
 * (PROVISIONAL assumption, shown), contributions continued, then paid out over 20 years; compared with what
 * the person spends a month today. The national pension (국민연금) is not in MyData: said, not guessed.
 */
export function retirementProjection(
  pots: readonly PensionPot[],
  birthDate: string | null,
  today: string,
  monthlySpending: number,
  retireAt = 65,
): RetirementProjection {
  const now = pots.reduce((s, p) => s + p.balance, 0);
  const age: Known<number> =
    birthDate && /^\d{8}$/.test(birthDate)
      ? known(Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(4) < birthDate.slice(4) ? 1 : 0))
      : unknown('NO_BIRTH_DATE', '생년월일을 알 수 없습니다', 'birth date unknown');
  const years: Known<number> = age.known ? known(Math.max(0, retireAt - age.value)) : age;
  const monthlyIn = pots.reduce((s, p) => s + (p.monthly ?? 0), 0);
  const r = ASSUMED_RETURN;
  const atRetirement: Known<number> = years.known
    ? known(
        Math.round(
          now * (1 + r) ** years.value +
            (r === 0 ? monthlyIn * 12 * years.value : monthlyIn * 12 * (((1 + r) ** years.value - 1) / r)),
        ),
      )
    : years;
  const monthlyIncome: Known<number> = atRetirement.known
    ? known(Math.round((atRetirement.value * (r / 12)) / (1 - (1 + r / 12) ** (-PAYOUT_YEARS * 12))))
    : atRetirement;
  return {
    age,
    retireAt,
    years,
    pots,
    today: now,
    atRetirement,
    monthlyIncome,
    gap: monthlyIncome.known ? known(monthlySpending - monthlyIncome.value) : monthlyIncome,
    assumptions: {
      ko: `연 수익률 ${ASSUMED_RETURN * 100}%(가정), 지금 납입액 유지, ${retireAt}세부터 ${PAYOUT_YEARS}년 수령. 국민연금은 마이데이터에 없어 포함하지 않았습니다.`,
      en: `${ASSUMED_RETURN * 100}% a year assumed, contributions continued, paid from ${retireAt} over ${PAYOUT_YEARS} years; national pension not included (not in MyData).`,
    },
  };
}
