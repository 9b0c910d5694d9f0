import type { TelecomMonth } from '../credit/credit-input.ts';
import { type Known, known, unknown } from '../shared/known.ts';
import { mean, stdev } from '../shared/stats.ts';
import type { IncomeSummary } from '../spending/income.ts';

export interface ThinFileInput {
  /** Last 12 months of phone bills; empty when no telecom consent. */
  readonly telecom: readonly TelecomMonth[];
  /** Months of the last 12 with 간편결제 or e-money use; null when no e-finance institution is connected. */
  readonly epayMonths: number | null;
  /** Month-end balances of the person's demand deposits (sum), last 12 months; empty when none connected. */
  readonly depositMonths: readonly { month: string; endBalance: number }[];
  readonly income: IncomeSummary;
  /** Whether any deposit account is connected (income can only be seen through one). */
  readonly hasDeposits: boolean;
}

export interface Factor {
  readonly key: 'telecom' | 'epay' | 'deposit-stability' | 'income-regularity';
  readonly ko: string;
  readonly en: string;
  readonly max: number;
  /** Points earned, or unknown (and left out of the total) with the reason. */
  readonly points: Known<number>;
  /** The person's numbers behind the points. */
  readonly evidence: { readonly ko: string; readonly en: string };
  /** What would raise it. */
  readonly improve: { readonly ko: string; readonly en: string };
}

export interface Scorecard {
  readonly factors: readonly Factor[];
  readonly points: number;
  /** The most points the known factors allow. */
  readonly outOf: number;
  readonly share: Known<number>;
  readonly grade: Known<'A' | 'B' | 'C' | 'D'>;
  readonly method: { readonly ko: string; readonly en: string };
}

/**
 * The alternative credit view for thin-file people (씬파일러): four factors, each with its points, the
 * person's numbers behind them and what would raise them. A factor without data is unknown and left out of
 * the total (the card says so), never scored as zero. It is a transparent explanation, not a bureau score.
 */
export function thinFileScorecard(i: ThinFileInput): Scorecard {
  const factors: Factor[] = [];
  if (i.telecom.length === 0) {
    factors.push({
      key: 'telecom',
      ko: '통신요금 납부',
      en: 'Phone bill payments',
      max: 300,
      points: unknown('NO_TELECOM', '통신사가 연결되지 않았습니다', 'no telecom carrier connected'),
      evidence: { ko: '통신 정보 없음', en: 'no telecom data' },
      improve: { ko: '통신사를 연결하면 납부 기록이 반영됩니다', en: 'connect your carrier' },
    });
  } else {
    const withPaid = i.telecom.filter((t) => t.paid !== null);
    const onTime = withPaid.filter((t) => (t.paid ?? 0) >= t.charged).length;
    factors.push({
      key: 'telecom',
      ko: '통신요금 납부',
      en: 'Phone bill payments',
      max: 300,
      points:
        withPaid.length === 0
          ? unknown('NO_TELECOM_PAYMENTS', '납부 내역을 받지 못했습니다', 'no payment history came')
          : known(Math.round((onTime / withPaid.length) * 300)),
      evidence: {
        ko: `${withPaid.length}개월 중 ${onTime}개월 완납`,
        en: `${onTime} of ${withPaid.length} months paid in full`,
      },
      improve: { ko: '자동이체로 매달 빠짐없이 내면 만점입니다', en: 'pay every month in full (autopay)' },
    });
  }
  factors.push(
    i.epayMonths === null
      ? {
          key: 'epay',
          ko: '간편결제 이용',
          en: 'E-payment use',
          max: 150,
          points: unknown('NO_EFIN', '전자금융업자가 연결되지 않았습니다', 'no e-finance provider connected'),
          evidence: { ko: '간편결제 정보 없음', en: 'no e-payment data' },
          improve: { ko: '간편결제 서비스를 연결하세요', en: 'connect your e-payment services' },
        }
      : {
          key: 'epay',
          ko: '간편결제 이용',
          en: 'E-payment use',
          max: 150,
          points: known(Math.round((Math.min(12, i.epayMonths) / 12) * 150)),
          evidence: {
            ko: `최근 12개월 중 ${i.epayMonths}개월 이용`,
            en: `used in ${i.epayMonths} of the last 12 months`,
          },
          improve: { ko: '매달 꾸준히 이용하면 점수가 오릅니다', en: 'steady monthly use raises it' },
        },
  );
  if (i.depositMonths.length === 0) {
    factors.push({
      key: 'deposit-stability',
      ko: '예금 잔액 안정성',
      en: 'Deposit stability',
      max: 250,
      points: unknown('NO_DEPOSITS', '입출금 계좌가 연결되지 않았습니다', 'no deposit account connected'),
      evidence: { ko: '예금 정보 없음', en: 'no deposit data' },
      improve: { ko: '주거래 계좌를 연결하세요', en: 'connect your main account' },
    });
  } else {
    const b = i.depositMonths.map((d) => d.endBalance);
    const positive = b.filter((x) => x > 0).length / b.length;
    const m = mean(b);
    const cv = m > 0 ? stdev(b) / m : 1;
    const pts = Math.round(250 * (positive * 0.6 + (1 - Math.min(1, cv)) * 0.4));
    factors.push({
      key: 'deposit-stability',
      ko: '예금 잔액 안정성',
      en: 'Deposit stability',
      max: 250,
      points: known(pts),
      evidence: {
        ko: `${b.length}개월 중 ${Math.round(positive * b.length)}개월 월말 잔액 플러스, 평균 ${Math.round(m).toLocaleString('ko-KR')}원, 변동계수 ${cv.toFixed(2)}`,
        en: `${Math.round(positive * b.length)} of ${b.length} month-ends positive, mean ${Math.round(m)} KRW, CV ${cv.toFixed(2)}`,
      },
      improve: { ko: '월말 잔액을 일정하게 유지하면 점수가 오릅니다', en: 'keep month-end balances steady' },
    });
  }
  if (!i.hasDeposits) {
    factors.push({
      key: 'income-regularity',
      ko: '소득 규칙성',
      en: 'Income regularity',
      max: 300,
      points: unknown('NO_DEPOSITS', '입금 내역을 볼 계좌가 연결되지 않았습니다', 'no account to see income in'),
      evidence: { ko: '수입 정보 없음', en: 'no income data' },
      improve: { ko: '급여 계좌를 연결하세요', en: 'connect the account your pay comes into' },
    });
  } else {
    const main = i.income.sources.find((s) => s.regular && s.kind !== 'interest');
    const seen = main?.monthsSeen ?? 0;
    factors.push({
      key: 'income-regularity',
      ko: '소득 규칙성',
      en: 'Income regularity',
      max: 300,
      points: known(Math.round((seen / 6) * 300)),
      evidence: main
        ? {
            ko: `${main.name}: 최근 6개월 중 ${seen}개월, 매달 ${main.payDay}일 무렵`,
            en: `${seen} of 6 months, around day ${main.payDay}`,
          }
        : { ko: '최근 6개월 동안 정기적인 입금이 없습니다', en: 'no regular income in the last 6 months' },
      improve: {
        ko: '정기적인 소득이 같은 계좌로 들어오면 점수가 오릅니다',
        en: 'regular income into one account raises it',
      },
    });
  }
  const knownFactors = factors.filter((f) => f.points.known);
  const points = knownFactors.reduce((s, f) => s + (f.points.known ? f.points.value : 0), 0);
  const outOf = knownFactors.reduce((s, f) => s + f.max, 0);
  const share: Known<number> =
    outOf >= 500
      ? known(points / outOf)
      : unknown(
          'TOO_LITTLE_DATA',
          '평가에 필요한 정보가 부족합니다 (최소 두 항목)',
          'too little data (at least two factors)',
        );
  return {
    factors,
    points,
    outOf,
    share,
    grade: share.known
      ? known(share.value >= 0.8 ? 'A' : share.value >= 0.65 ? 'B' : share.value >= 0.5 ? 'C' : 'D')
      : share,
    method: {
      ko: '통신요금 납부(300), 간편결제 이용(150), 예금 잔액 안정성(250), 소득 규칙성(300)의 합. 정보가 없는 항목은 0점이 아니라 "알 수 없음"으로 빼고 계산합니다.',
      en: 'Phone payments (300), e-payment use (150), deposit stability (250), income regularity (300). Factors without data are left out, not scored zero.',
    },
  };
}
