import { Rng, roundTo } from '../random/rng.ts';
import type { PolicySlot, Rider } from './plan-types.ts';

/**
 * Kinds of insurance policy: premium and sum-insured ranges, riders (특약; the first is the main contract),
 * term. A policy's riders and coverages are derived from its kind, sum insured and a seed when read, so
 * plans stay small.
 */
export interface PolicyKind {
  readonly type: string;
  readonly label: string;
  readonly premium: readonly [number, number];
  readonly face: readonly [number, number];
  readonly riders: readonly string[];
  readonly renewable: boolean;
  readonly years: number | null;
  readonly life: boolean;
}

export const POLICY_KINDS: Readonly<Record<string, PolicyKind>> = {
  whole: {
    type: '01',
    label: '종신보험',
    premium: [120_000, 380_000],
    face: [100_000_000, 300_000_000],
    riders: ['주계약(사망)', '재해사망특약', '암진단특약', '뇌출혈진단특약', '급성심근경색진단특약', '입원일당특약'],
    renewable: false,
    years: null,
    life: true,
  },
  term: {
    type: '02',
    label: '정기보험',
    premium: [25_000, 80_000],
    face: [100_000_000, 200_000_000],
    riders: ['주계약(사망)', '재해사망특약', '납입면제특약'],
    renewable: false,
    years: 20,
    life: true,
  },
  health: {
    type: '03',
    label: '건강보험',
    premium: [45_000, 150_000],
    face: [20_000_000, 100_000_000],
    riders: ['주계약(질병사망)', '질병입원일당', '질병수술비', '뇌혈관질환진단비', '허혈성심장질환진단비'],
    renewable: false,
    years: 30,
    life: false,
  },
  cancer: {
    type: '04',
    label: '암보험',
    premium: [25_000, 80_000],
    face: [30_000_000, 50_000_000],
    riders: ['주계약(일반암진단)', '유사암진단비', '암수술비', '암입원일당', '항암방사선치료비'],
    renewable: true,
    years: 20,
    life: false,
  },
  accident: {
    type: '05',
    label: '상해보험',
    premium: [15_000, 45_000],
    face: [10_000_000, 100_000_000],
    riders: ['주계약(상해사망)', '상해후유장해', '골절진단비', '깁스치료비'],
    renewable: false,
    years: 20,
    life: false,
  },
  medical: {
    type: '06',
    label: '실손의료보험',
    premium: [12_000, 60_000],
    face: [50_000_000, 50_000_000],
    riders: ['주계약(상해입원형 실손)', '질병입원형 실손', '질병통원형 실손', '상해통원형 실손', '3대비급여 실손'],
    renewable: true,
    years: 5,
    life: false,
  },
  annuity: {
    type: '07',
    label: '연금보험',
    premium: [200_000, 500_000],
    face: [30_000_000, 100_000_000],
    riders: ['주계약(연금)', '납입면제특약'],
    renewable: false,
    years: null,
    life: true,
  },
  saving: {
    type: '08',
    label: '저축보험',
    premium: [200_000, 500_000],
    face: [20_000_000, 60_000_000],
    riders: ['주계약(만기환급)'],
    renewable: false,
    years: 10,
    life: true,
  },
  variable: {
    type: '09',
    label: '변액유니버설보험',
    premium: [200_000, 600_000],
    face: [100_000_000, 200_000_000],
    riders: ['주계약(변액사망)', '재해사망특약', '납입면제특약'],
    renewable: false,
    years: null,
    life: true,
  },
};

const CAR_RIDERS = [
  '대인배상Ⅰ',
  '대인배상Ⅱ',
  '대물배상',
  '자기신체사고',
  '무보험차상해',
  '자기차량손해',
  '긴급출동서비스',
];
const CAR_AMOUNTS = [150_000_000, 1_000_000_000, 200_000_000, 30_000_000, 200_000_000, -1, 0];

/** The riders of a policy, per insured person (in the order of `insured`). */
export function ridersOf(slot: PolicySlot): Rider[][] {
  if (slot.kindKey === 'car') {
    return [
      CAR_RIDERS.map((name, i) => ({
        name,
        faceAmt: CAR_AMOUNTS[i] === -1 ? slot.faceAmt : (CAR_AMOUNTS[i] ?? 0),
        required: i < 3,
      })),
    ];
  }
  const kind = POLICY_KINDS[slot.kindKey];
  if (!kind) return [];
  const rng = new Rng(slot.riderSeed);
  return slot.insured.map(() =>
    kind.riders.map((name, i) => ({
      name,
      faceAmt: i === 0 ? slot.faceAmt : roundTo(slot.faceAmt * (0.05 + rng.next() * 0.3), 100_000),
      required: i === 0,
      ...(slot.expDay !== undefined ? { expDay: slot.expDay } : {}),
    })),
  );
}

/** What a policy covers (보험-012): one line per rider and insured person. */
export function coveragesOf(slot: PolicySlot): { insuredNo: string; name: string; amt: number }[] {
  const riders = ridersOf(slot);
  return slot.insured.flatMap((ins, k) =>
    (riders[k] ?? []).map((r) => ({
      insuredNo: ins.no,
      name: slot.kindKey === 'car' ? r.name : coverageName(r.name),
      amt: r.faceAmt,
    })),
  );
}

function coverageName(rider: string): string {
  const base = rider.replace(/^주계약\((.*)\)$/, '$1').replace(/특약$/, '');
  return base.endsWith('비') || base.endsWith('일당') ? base : `${base} 보장`;
}
