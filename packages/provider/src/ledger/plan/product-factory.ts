import type { Institution } from '../../institutions/institution.ts';
import { annuityPayment, type LoanTerms, lastInstalmentDay, type RepayMethod } from '../finance/amortization.ts';
import { ETFS_KRX, FUNDS, KRX_STOCKS, US_STOCKS } from '../market/securities-universe.ts';
import { pickFullName } from '../people/korean-names.ts';
import { roundTo } from '../random/rng.ts';
import { addMonths, monthOfDay } from '../time/day-number.ts';
import {
  accountNumber,
  carNumber,
  maskedCardNumber,
  maskedPhone,
  opaqueId,
  policyNumber,
  securitiesAccountNumber,
} from './identifiers.ts';
import type { PlanBuilder } from './plan-builder.ts';
import type { CardIssuerSlot, CardSlot, Car, DepositSlot, IrpProduct, Payer, PolicySlot, Slot } from './plan-types.ts';
import { POLICY_KINDS } from './policy-kinds.ts';
import {
  brandOf,
  CHECK_CARD_NAMES,
  CREDIT_CARD_NAMES,
  DEPOSIT_NAMES,
  EFIN_MONEY_NAMES,
  FX_DEPOSIT_NAMES,
  IRP_NAMES,
  LOAN_NAMES,
  PENSION_NAMES,
  pickName,
  PREPAID_CARD_NAMES,
  SAVINGS_NAMES,
  SECURITIES_ACCOUNT_NAMES,
  SUB_DEPOSIT_NAMES,
  TIME_DEPOSIT_NAMES,
} from './product-names.ts';

/**
 * One function per kind of product: each chooses realistic terms with the plan's random stream and adds
 * the slot. Who pays what (from, repayFrom, payVia) is decided here, once, for every sector.
 */
const krw = (n: number, unit = 10_000) => roundTo(n, unit);

// ---------------------------------------------------------------- bank

export function addDeposit(
  b: PlanBuilder,
  bank: Institution,
  role: DepositSlot['role'],
  opts: { income?: number; opened?: number; minus?: boolean } = {},
): DepositSlot {
  const { rng } = b;
  const brand = brandOf(bank.name);
  const opened =
    opts.opened ??
    (role === 'main' ? b.existingDay(12, 90) : role === 'dormant' ? b.existingDay(12, 800) : b.openingDay(0.7));
  const currency = role === 'foreign' ? 'USD' : 'KRW';
  const income = opts.income ?? 2_000_000;
  const openingBalance =
    role === 'main'
      ? krw(income * (1.5 + rng.next() * 2), 1)
      : role === 'sub'
        ? krw(income * rng.next() * 1.5, 1)
        : role === 'foreign'
          ? rng.between(50_000, 1_200_000) // cents
          : rng.between(1_000, 48_000);
  const names = role === 'main' ? DEPOSIT_NAMES : role === 'foreign' ? FX_DEPOSIT_NAMES : SUB_DEPOSIT_NAMES;
  let statusChange: DepositSlot['statusChange'];
  if (role === 'dormant')
    statusChange = { day: Math.max(opened + 365, b.inputs.start - rng.between(30, 300)), status: 'dormant' };
  else if (role === 'sub' && rng.chance(0.2)) {
    const day = Math.max(opened + 60, b.inputs.start + rng.between(20, 400));
    statusChange = { day, status: 'closed' };
  }
  return b.add<'deposit'>((idx) => ({
    kind: 'deposit',
    idx,
    org: bank.orgCode,
    industry: 'bank',
    prodName: pickName(rng, brand, names),
    opened,
    openedSec: b.openedSec(),
    accountNum: accountNumber(role === 'foreign' ? '180' : '110', b.index, idx),
    role,
    isMinus: opts.minus ?? false,
    minusLimit: opts.minus ? krw(income * 3, 1_000_000) : 0,
    currency,
    openingBalance,
    rateMilli: role === 'sub' ? rng.between(1500, 2500) : role === 'foreign' ? 500 : 100,
    ...(statusChange ? { statusChange } : {}),
  }));
}

export function addSavings(b: PlanBuilder, bank: Institution, from: number, income: number): Slot {
  const { rng } = b;
  const months = rng.pick([12, 12, 24, 36]);
  const opened = Math.max(
    b.openedOf(from),
    rng.chance(0.6) ? b.inputs.start - rng.between(30, months * 30 - 20) : b.duringDay(),
  );
  const matures = addMonths(opened, months);
  return b.add<'savings'>((idx) => ({
    kind: 'savings',
    idx,
    org: bank.orgCode,
    industry: 'bank',
    prodName: pickName(rng, brandOf(bank.name), SAVINGS_NAMES),
    opened,
    openedSec: b.openedSec(),
    accountNum: accountNumber('120', b.index, idx),
    monthly: krw(Math.min(1_000_000, Math.max(100_000, income * (0.05 + rng.next() * 0.1))), 50_000),
    months,
    rateMilli: rng.between(3000, 4500),
    payDom: rng.between(1, 28),
    from,
    statusChange: { day: matures, status: 'matured' },
  }));
}

export function addTimeDeposit(b: PlanBuilder, bank: Institution, from: number, amount: number): Slot {
  const { rng } = b;
  const months = rng.pick([6, 12, 12, 24]);
  const opened = Math.max(b.openedOf(from), b.inputs.start - rng.between(20, months * 30 - 10));
  return b.add<'timeDeposit'>((idx) => ({
    kind: 'timeDeposit',
    idx,
    org: bank.orgCode,
    industry: 'bank',
    prodName: pickName(rng, brandOf(bank.name), TIME_DEPOSIT_NAMES),
    opened,
    openedSec: b.openedSec(),
    accountNum: accountNumber('130', b.index, idx),
    seqno: '1',
    amount: krw(amount, 1_000_000),
    months,
    rateMilli: rng.between(3000, 3900),
    from,
    statusChange: { day: addMonths(opened, months), status: 'matured' },
  }));
}

export function addBankFund(b: PlanBuilder, bank: Institution, from: number, income: number): Slot {
  const { rng } = b;
  const opened = Math.max(b.openedOf(from), b.openingDay(0.7, 0, 5));
  const monthly = krw(Math.max(100_000, income * 0.05), 50_000);
  const monthsBefore = Math.max(0, Math.round((b.inputs.start - opened) / 30.4));
  // Some funds are sold (전액 환매): every unit redeemed at the day's 기준가, the proceeds to the paying account.
  const fate = b.fateRng(b.slots.length);
  const redeemed = fate.chance(0.25) ? b.fateDay(fate, opened, 90) : undefined;
  return b.add<'bankFund'>((idx) => ({
    kind: 'bankFund',
    idx,
    org: bank.orgCode,
    industry: 'bank',
    prodName: `${brandOf(bank.name)} 적립식 펀드`,
    opened,
    openedSec: b.openedSec(),
    accountNum: accountNumber('250', b.index, idx),
    fund: rng.pick(FUNDS),
    monthly,
    payDom: rng.between(1, 28),
    from,
    openingPrincipal: monthly * monthsBefore,
    openingUnits: Math.round(((monthly * monthsBefore) / 1.2) * 1000) / 1000,
    ...(redeemed !== undefined ? { statusChange: { day: redeemed, status: 'closed' as const } } : {}),
  }));
}

export function loanTerms(
  b: PlanBuilder,
  principal: number,
  rateMilli: number,
  months: number,
  method: RepayMethod,
  startDay: number,
): LoanTerms {
  return { principal, rateMilli, months, method, startDay, repayDom: b.rng.between(1, 28) };
}

/** A loan ends 'closed' the day after its last instalment. */
function closesAfter(terms: LoanTerms): { day: number; status: 'closed' } {
  return { day: lastInstalmentDay(terms) + 1, status: 'closed' };
}

export function addBankLoan(
  b: PlanBuilder,
  bank: Institution,
  accountType: '3001' | '3002' | '3003' | '3004',
  terms: LoanTerms,
  repayFrom: number,
  disburseTo: number,
): Slot {
  const { rng } = b;
  return b.add<'bankLoan'>((idx) => ({
    kind: 'bankLoan',
    idx,
    org: bank.orgCode,
    industry: 'bank',
    prodName: pickName(rng, brandOf(bank.name), LOAN_NAMES[accountType] ?? ['대출']),
    opened: terms.startDay,
    openedSec: b.openedSec(),
    accountNum: accountNumber('310', b.index, idx),
    accountType,
    terms,
    repayFrom,
    disburseTo,
    statusChange: closesAfter(terms),
  }));
}

export function addIrp(
  b: PlanBuilder,
  inst: Institution,
  from: number,
  income: number,
  opts: { terminated?: boolean } = {},
): Slot {
  const { rng } = b;
  const drawn = b.openingDay(0.75, 0, 6);
  const opened = Math.max(b.openedOf(from), opts.terminated === true ? b.beforeHistory(drawn, 30) : drawn);
  // Some IRPs are terminated (중도해지): everything is paid out at its value that day, to the paying account.
  // Mostly by those who need the cash: one in five earning under 7 million a month, one in twenty above.
  const fate = b.fateRng(b.slots.length);
  const cashOut = fate.chance(income < 7_000_000 ? 0.2 : 0.05) || opts.terminated === true;
  const terminated = cashOut ? b.fateDay(fate, opened, 120) : undefined;
  const products: IrpProduct[] = [
    {
      name: `${brandOf(inst.name)} 퇴직연금 정기예금 1년`,
      type: '01',
      security: -1,
      share: 0.4,
      rateMilli: rng.between(3200, 3900),
    },
    {
      name: '미래로 TDF2045 증권투자신탁(혼합-재간접)C-P2e',
      type: '02',
      security: FUNDS[2] ?? 0,
      share: 0.35,
      rateMilli: 0,
    },
    {
      name: '미래로 미국S&P500 ETF',
      type: '04',
      security: KRX_STOCKS.find((i) => i === ETFS_KRX[2]) ?? ETFS_KRX[0] ?? 0,
      share: 0.25,
      rateMilli: 0,
    },
  ];
  return b.add<'irp'>((idx) => ({
    kind: 'irp',
    idx,
    org: inst.orgCode,
    industry: inst.industry,
    prodName: pickName(rng, brandOf(inst.name), IRP_NAMES),
    opened,
    openedSec: b.openedSec(),
    accountNum:
      inst.industry === 'invest' ? securitiesAccountNumber(b.index, idx, 1) : accountNumber('410', b.index, idx),
    monthly: krw(Math.max(100_000, Math.min(750_000, income * 0.05)), 50_000),
    payDom: rng.between(1, 28),
    from,
    employerAmt: rng.chance(0.5) ? krw(income * rng.between(6, 40), 100_000) : 0,
    products,
    ...(terminated !== undefined ? { statusChange: { day: terminated, status: 'closed' as const } } : {}),
  }));
}

// ---------------------------------------------------------------- card

export function ensureIssuer(
  b: PlanBuilder,
  card: Institution,
  payFrom: number,
  opts: { indebted?: boolean; opened?: number; showcase?: boolean } = {},
): CardIssuerSlot {
  const existing = b.slots.find((s): s is CardIssuerSlot => s.kind === 'cardIssuer' && s.org === card.orgCode);
  if (existing) return existing;
  const { rng } = b;
  const opened = Math.max(opts.opened ?? b.existingDay(10), b.openedOf(payFrom));
  const brand = brandOf(card.name);
  const revolving =
    opts.indebted && (opts.showcase || rng.chance(0.5))
      ? {
          reqDay: Math.max(opened + 30, b.inputs.start - rng.between(30, 400)),
          balance: krw(rng.between(800_000, 4_500_000), 10_000),
          agreedRateMilli: rng.pick([10_000, 20_000, 30_000]),
          minRateMilli: 10_000,
          rateMilli: rng.between(15_500, 19_500),
        }
      : undefined;
  const payDom = rng.pick([10, 12, 13, 14, 14, 14, 15, 17, 20, 21, 23, 25]);
  return b.add<'cardIssuer'>((idx) => {
    const cardLoan =
      opts.indebted && (opts.showcase || rng.chance(0.6))
        ? {
            terms: {
              ...loanTerms(
                b,
                krw(rng.between(3_000_000, 15_000_000), 100_000),
                rng.between(11_000, 17_500),
                rng.pick([12, 24, 36]),
                'annuity',
                Math.max(opened + 30, b.openingDay(0.6, 0, 2)),
              ),
              repayDom: payDom,
            },
            name: `${brand} 카드론`,
            disburseTo: payFrom,
          }
        : undefined;
    return {
      kind: 'cardIssuer',
      idx,
      org: card.orgCode,
      industry: 'card',
      prodName: `${brand}카드 회원`,
      opened,
      openedSec: b.openedSec(),
      payDom,
      payFrom,
      pointName: `${brand}포인트`,
      pointRate: rng.pick([2, 5, 7, 10]),
      ...(revolving ? { revolving } : {}),
      ...(cardLoan ? { cardLoan } : {}),
      cashAdvance: opts.indebted ? 0.35 : 0.02,
      cashAdvanceRateMilli: rng.between(16_000, 19_500),
    };
  });
}

const BRAND_BINS: Readonly<Record<string, string>> = {
  '03': '4',
  '04': '5',
  '05': '3',
  '06': '3',
  '02': '9',
  '01': '9',
};

export function addCard(
  b: PlanBuilder,
  issuer: CardIssuerSlot,
  card: Institution,
  cardType: CardSlot['cardType'],
  opts: { member?: CardSlot['member']; share: number; linked: number; opened?: number; lostReplace?: boolean },
): CardSlot {
  const { rng } = b;
  const brand = brandOf(card.name);
  const cardBrand = rng.pick(['01', '02', '03', '03', '04', '04', '05', '06']);
  const opened = Math.max(opts.opened ?? b.openingDay(0.8, 0, 6), issuer.opened, b.openedOf(opts.linked));
  const name = cardType === '02' ? pickName(rng, brand, CHECK_CARD_NAMES) : pickName(rng, brand, CREDIT_CARD_NAMES);
  const make = (idx: number, openedDay: number, statusChange?: CardSlot['statusChange']): CardSlot => ({
    kind: 'card',
    idx,
    org: card.orgCode,
    industry: 'card',
    prodName: name,
    opened: openedDay,
    openedSec: b.openedSec(),
    cardId: opaqueId('cd', b.index, idx),
    cardNum: maskedCardNumber(`${BRAND_BINS[cardBrand] ?? '9'}${String(rng.between(100, 999))}`, b.index, idx),
    cardType,
    member: opts.member ?? '1',
    brand: cardBrand,
    annualFee: cardType === '02' ? 0 : rng.pick([10_000, 15_000, 20_000, 30_000, 100_000]),
    issuer: issuer.idx,
    linked: opts.linked,
    share: opts.share,
    transPayable: rng.chance(0.7),
    cashCard: cardType === '02',
    overseas: cardBrand !== '01' && cardBrand !== '02',
    ...(statusChange ? { statusChange } : {}),
  });
  const lost = opts.lostReplace ?? rng.chance(0.05);
  if (lost) {
    const lostDay = Math.max(opened + 30, b.duringDay(20));
    const first = b.add<'card'>((idx) => make(idx, opened, { day: lostDay, status: 'lost' }));
    b.add<'card'>((idx) => make(idx, lostDay + rng.between(3, 7)));
    return first;
  }
  const closed =
    cardType === '01' && rng.chance(0.03)
      ? { day: Math.max(opened + 60, b.duringDay(30)), status: 'closed' as const }
      : undefined;
  return b.add<'card'>((idx) => make(idx, opened, closed));
}

export function addPrepaidCard(b: PlanBuilder, card: Institution, from: number): Slot {
  const { rng } = b;
  const opened = Math.max(b.openedOf(from), b.openingDay(0.5, 0, 3));
  // Some prepaid cards are reported lost (분실신고): no purchase or top-up after, the balance stays.
  const fate = b.fateRng(b.slots.length);
  const lostDay = fate.chance(0.3) ? b.fateDay(fate, opened, 60) : undefined;
  return b.add<'prepaidCard'>((idx) => ({
    kind: 'prepaidCard',
    idx,
    org: card.orgCode,
    industry: 'card',
    prodName: pickName(rng, brandOf(card.name), PREPAID_CARD_NAMES),
    opened,
    openedSec: b.openedSec(),
    ppId: opaqueId('pp', b.index, idx),
    topUp: rng.pick([50_000, 100_000, 200_000, 300_000]),
    from,
    perMonth: rng.between(2, 8),
    ...(lostDay !== undefined ? { statusChange: { day: lostDay, status: 'lost' as const } } : {}),
  }));
}

// ---------------------------------------------------------------- invest

export function addSecurities(b: PlanBuilder, inst: Institution, from: number, level: number, overseas: boolean): Slot {
  const { rng } = b;
  const opened = Math.max(b.openedOf(from), b.openingDay(0.75, 0, 8));
  const krx = pickSome(b, KRX_STOCKS, rng.between(3, 8));
  const us = overseas ? pickSome(b, US_STOCKS, rng.between(2, 5)) : [];
  const existing = opened < b.inputs.start;
  const positions: [number, number, number][] = [];
  if (existing) {
    for (const sec of krx.slice(0, 3))
      positions.push([sec, rng.between(1, Math.max(2, Math.round(level / 400_000))), 0]);
    for (const sec of us.slice(0, 2))
      positions.push([sec, rng.between(1, Math.max(2, Math.round(level / 2_000_000))), 0]);
  }
  return b.add<'securities'>((idx) => ({
    kind: 'securities',
    idx,
    org: inst.orgCode,
    industry: 'invest',
    prodName: pickName(rng, brandOf(inst.name), SECURITIES_ACCOUNT_NAMES),
    opened,
    openedSec: b.openedSec(),
    accountNum: securitiesAccountNumber(b.index, idx),
    accountName: `${b.person.name} 종합`,
    monthly: krw(Math.max(100_000, level * 0.02), 50_000),
    payDom: rng.between(1, 28),
    from,
    tradesPerMonth: rng.between(1, level > 20_000_000 ? 12 : 5),
    krx,
    us,
    openingCash: existing ? krw(level * 0.1 * rng.next(), 1) : 0,
    openingPositions: positions,
    creditLoan: rng.chance(0.08) ? krw(level * 0.2, 100_000) : 0,
    ...(rng.chance(0.03) ? { statusChange: { day: b.duringDay(60), status: 'closed' as const } } : {}),
  }));
}

function pickSome(b: PlanBuilder, from: readonly number[], n: number): number[] {
  const pool = [...from];
  const out: number[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(b.rng.int(pool.length), 1)[0] as number);
  return out;
}

export function addPension(b: PlanBuilder, inst: Institution, from: number, income: number, receiving: boolean): Slot {
  const { rng } = b;
  const opened = Math.max(b.openedOf(from), b.existingDay(receiving ? 20 : 8, 60));
  const funds = [rng.pick(FUNDS), ETFS_KRX[2] ?? 0];
  const rcvStartDay = receiving ? b.inputs.start - rng.between(100, 1500) : addMonths(b.person.birthDay, 55 * 12 + 1);
  const monthly = receiving ? 0 : krw(Math.max(100_000, Math.min(500_000, income * 0.05)), 50_000);
  const paidIn = receiving
    ? krw(rng.between(30_000_000, 120_000_000), 1_000_000)
    : monthly * Math.round((b.inputs.start - opened) / 30.4);
  return b.add<'pension'>((idx) => ({
    kind: 'pension',
    idx,
    org: inst.orgCode,
    industry: 'invest',
    prodName: pickName(rng, brandOf(inst.name), PENSION_NAMES),
    opened,
    openedSec: b.openedSec(),
    accountNum: securitiesAccountNumber(b.index, idx, 2),
    monthly,
    payDom: rng.between(1, 28),
    from,
    funds,
    rcvStartDay,
    payout: receiving ? krw(paidIn / 120, 10_000) : 0,
    openingPaidIn: paidIn,
    openingUnits: funds.map(() => Math.round(paidIn / funds.length / 1.3) / 1),
  }));
}

// ---------------------------------------------------------------- insurance

export function addPolicy(
  b: PlanBuilder,
  insu: Institution,
  kindKey: Exclude<keyof typeof POLICY_KINDS, 'car'>,
  payVia: Payer,
  opts: { insured?: { no: string; name: string }[]; lapse?: boolean; existing?: boolean } = {},
): PolicySlot {
  const { rng } = b;
  const kind = POLICY_KINDS[kindKey];
  if (!kind) throw new Error(`no policy kind ${kindKey}`);
  const drawn = b.openingDay(0.85, b.adultDay, 12);
  // `existing`: held for over a year before the history (so a policy loan may be taken on it before it).
  const opened = Math.max(opts.existing === true ? b.beforeHistory(drawn, 400) : drawn, payOpened(b, payVia));
  const expDay = kind.years === null ? undefined : addMonths(opened, kind.years * 12);
  const payYears = kind.years === null ? rng.pick([10, 15, 20]) : Math.min(kind.years, rng.pick([10, 15, 20]));
  const insured = opts.insured ?? [{ no: '01', name: b.person.name }];
  const face = krw(rng.between(kind.face[0], kind.face[1]), 1_000_000);
  const riderSeed = rng.int(2 ** 31);
  const insuNum = policyNumber(kind.life ? 'L' : 'P', b.yearOf(opened), b.index, b.slots.length);
  const lapseDay = opts.lapse ? b.duringDay(30) : undefined;
  let statusChange: PolicySlot['statusChange'];
  if (lapseDay !== undefined) statusChange = { day: addMonths(lapseDay, 2), status: 'suspended' };
  else if (expDay !== undefined && expDay < b.inputs.horizon + 3650) statusChange = { day: expDay, status: 'matured' };
  const isAnnuity = kind.type === '07';
  return b.add<'policy'>((idx) => ({
    kind: 'policy',
    idx,
    org: insu.orgCode,
    industry: 'insu',
    prodName: `${brandOf(insu.name)} ${kind.label}`,
    opened,
    openedSec: b.openedSec(),
    insuNum,
    insuType: kind.type,
    renewable: kind.renewable,
    variable: kind.type === '09',
    universal: kind.type === '09',
    loanable: kind.life,
    faceAmt: face,
    ...(expDay !== undefined ? { expDay } : {}),
    insured,
    kindKey,
    riderSeed,
    premium: krw(rng.between(kind.premium[0], kind.premium[1]) * (insured.length > 1 ? 1.6 : 1), 100),
    payCycle: '1M',
    payDom: rng.between(1, 28),
    payEndDay: addMonths(opened, payYears * 12),
    payVia,
    ...(lapseDay !== undefined ? { lapseDay } : {}),
    ...(isAnnuity ? { pension: { startDay: addMonths(b.person.birthDay, 65 * 12), cycle: '1M' } } : {}),
    ...(statusChange ? { statusChange } : {}),
  }));
}

function payOpened(b: PlanBuilder, payVia: Payer): number {
  return b.openedOf(payVia.slot);
}

export function addCarPolicy(b: PlanBuilder, insu: Institution, car: Car, payVia: Payer): PolicySlot {
  const { rng } = b;
  const opened = Math.max(b.existingDay(6, 40), payOpened(b, payVia));
  return b.add<'policy'>((idx) => ({
    kind: 'policy',
    idx,
    org: insu.orgCode,
    industry: 'insu',
    prodName: `${brandOf(insu.name)} 다이렉트 개인용자동차보험`,
    opened,
    openedSec: b.openedSec(),
    insuNum: policyNumber('A', b.yearOf(opened), b.index, idx),
    insuType: '10',
    renewable: true,
    variable: false,
    universal: false,
    loanable: false,
    faceAmt: car.price,
    insured: [{ no: '01', name: b.person.name }],
    kindKey: 'car',
    riderSeed: 0,
    premium: krw(rng.between(550_000, 1_450_000), 10),
    payCycle: '1Y',
    payDom: 1,
    payEndDay: b.inputs.horizon + 36_500,
    payVia,
    car: {
      number: car.number,
      name: car.name,
      age: rng.pick(['만 26세 이상', '만 30세 이상', '만 35세 이상', '만 48세 이상']),
      driver: b.person.spouse ? rng.pick(['부부한정', '가족한정']) : rng.pick(['1인한정', '누구나']),
      ownDamage: rng.chance(0.8),
      selfPayRate: rng.pick(['01', '02']),
      selfPayAmt: rng.pick([200_000, 300_000, 500_000]),
    },
  }));
}

export function addPolicyLoan(
  b: PlanBuilder,
  insu: Institution,
  policy: PolicySlot,
  repayFrom: number,
  opts: { repaidEarly?: boolean } = {},
): Slot {
  const { rng } = b;
  const drawn = b.openingDay(0.6, 0, 3);
  // One meant to be repaid early is taken before the history when the policy allows, else as soon as it does.
  const start = Math.max(policy.opened + 365, opts.repaidEarly === true ? b.beforeHistory(drawn, 30, 300) : drawn);
  const principal = krw(Math.max(1_000_000, policy.premium * rng.between(8, 30)), 100_000);
  const rateMilli = rng.between(4_300, 8_900);
  const months = rng.pick([60, 84, 120]);
  // Many policy loans are short: borrowed for a year and repaid (closed) at its end. Others are repaid early
  // (중도상환) when money comes in: the principal falls due with the interest of that day's month.
  const fate = b.fateRng(b.slots.length);
  let terms = loanTerms(b, principal, rateMilli, fate.chance(0.35) ? 12 : months, 'bullet', start);
  const repaidOn = fate.chance(0.2) || opts.repaidEarly === true ? b.fateDay(fate, start, 90) : undefined;
  const early = repaidOn === undefined ? 0 : monthOfDay(repaidOn) - monthOfDay(start);
  if (early >= 2 && early < terms.months) terms = { ...terms, months: early };
  return b.add<'policyLoan'>((idx) => ({
    kind: 'policyLoan',
    idx,
    org: insu.orgCode,
    industry: 'insu',
    prodName: `${brandOf(insu.name)} 보험계약대출`,
    opened: start,
    openedSec: b.openedSec(),
    accountNum: accountNumber('880', b.index, idx),
    policy: policy.idx,
    terms,
    repayFrom,
    disburseTo: repayFrom,
    statusChange: closesAfter(terms),
  }));
}

// ---------------------------------------------------------------- e-finance

export function addEfin(
  b: PlanBuilder,
  efin: Institution,
  from: number,
  cards: readonly number[],
  withMoney: boolean,
  perMonth: number,
): Slot[] {
  const { rng } = b;
  const brand = brandOf(efin.name);
  const opened = Math.max(b.openedOf(from), b.openingDay(0.8, 0, 5));
  // Some accounts fall dormant (휴면): the user stops, the money stays; the wallet and the 간편결제 account alike.
  const fate = b.fateRng(b.slots.length);
  const dormantDay = fate.chance(0.08) ? b.fateDay(fate, opened, 90) : undefined;
  const statusChange =
    dormantDay !== undefined ? { statusChange: { day: dormantDay, status: 'dormant' as const } } : {};
  const accountId = opaqueId(`${brand.length > 0 ? 'u' : 'a'}`, b.index, b.slots.length, 7);
  const out: Slot[] = [];
  let money = -1;
  if (withMoney) {
    const option = rng.chance(0.6) ? '01' : '02';
    const slot = b.add<'efinMoney'>((idx) => ({
      kind: 'efinMoney',
      idx,
      org: efin.orgCode,
      industry: 'efin',
      prodName: `${brand}${rng.pick(EFIN_MONEY_NAMES)}`,
      opened,
      openedSec: b.openedSec(),
      fobId: opaqueId('fob', b.index, idx),
      accountId,
      chargeOption: option,
      chargeBase: option === '01' ? rng.pick([10_000, 20_000, 30_000]) : 0,
      chargeAmt: option === '01' ? rng.pick([30_000, 50_000, 100_000]) : rng.pick([50_000, 100_000, 200_000]),
      chargeDom: rng.between(1, 28),
      chargeFrom: from,
      limit: 2_000_000,
      openingBalance: opened < b.inputs.start ? rng.between(0, 60_000) * 10 : 0,
      ...statusChange,
    }));
    money = slot.idx;
    out.push(slot);
  }
  const methods: { kind: 'card' | 'bank' | 'money'; slot: number }[] = [];
  if (money >= 0) methods.push({ kind: 'money', slot: money });
  for (const c of cards) methods.push({ kind: 'card', slot: c });
  methods.push({ kind: 'bank', slot: from });
  out.push(
    b.add<'efinPay'>((idx) => ({
      kind: 'efinPay',
      idx,
      org: efin.orgCode,
      industry: 'efin',
      prodName: `${brand} 간편결제`,
      opened,
      openedSec: b.openedSec(),
      accountId,
      methods,
      primary: cards.length > 0 ? (money >= 0 ? 1 : 0) : 0,
      perMonth,
      ...statusChange,
    })),
  );
  return out;
}

// ---------------------------------------------------------------- capital, guarantee, telecom, P2P, bond

export function addCapitalCarLoan(b: PlanBuilder, cap: Institution, car: Car, repayFrom: number): Slot {
  const { rng } = b;
  const start = Math.max(b.openedOf(repayFrom), b.openingDay(0.7, 0, 4));
  const terms = loanTerms(
    b,
    krw(car.price * (0.6 + rng.next() * 0.2), 100_000),
    rng.between(4_900, 7_900),
    rng.pick([36, 48, 60]),
    'annuity',
    start,
  );
  return b.add<'capitalLoan'>((idx) => ({
    kind: 'capitalLoan',
    idx,
    org: cap.orgCode,
    industry: 'capital',
    prodName: `${brandOf(cap.name)} 신차 할부금융 (${car.name})`,
    opened: start,
    openedSec: b.openedSec(),
    accountNum: accountNumber('530', b.index, idx),
    accountType: '3210',
    terms,
    repayFrom,
    disburseTo: -1,
    statusChange: closesAfter(terms),
  }));
}

export function addCapitalCreditLoan(b: PlanBuilder, cap: Institution, repayFrom: number): Slot {
  const { rng } = b;
  const start = Math.max(b.openedOf(repayFrom), b.openingDay(0.6, 0, 3));
  const terms = loanTerms(
    b,
    krw(rng.between(3_000_000, 20_000_000), 100_000),
    rng.between(9_900, 16_900),
    rng.pick([24, 36, 48]),
    'annuity',
    start,
  );
  return b.add<'capitalLoan'>((idx) => ({
    kind: 'capitalLoan',
    idx,
    org: cap.orgCode,
    industry: 'capital',
    prodName: `${brandOf(cap.name)} 신용대출`,
    opened: start,
    openedSec: b.openedSec(),
    accountNum: accountNumber('540', b.index, idx),
    accountType: '3100',
    terms,
    repayFrom,
    disburseTo: repayFrom,
    statusChange: closesAfter(terms),
  }));
}

export function addLease(b: PlanBuilder, cap: Institution, car: Car, repayFrom: number): Slot {
  const { rng } = b;
  const months = rng.pick([36, 48, 60]);
  const opened = Math.max(b.openedOf(repayFrom), b.openingDay(0.7, 0, 3));
  return b.add<'lease'>((idx) => ({
    kind: 'lease',
    idx,
    org: cap.orgCode,
    industry: 'capital',
    prodName: `${brandOf(cap.name)} 오토리스 (${car.name})`,
    opened,
    openedSec: b.openedSec(),
    accountNum: accountNumber('570', b.index, idx),
    monthly: krw((car.price / months) * 0.9, 1_000),
    months,
    payDom: rng.between(1, 28),
    repayFrom,
    carName: car.name,
    statusChange: { day: addMonths(opened, months) + 1, status: 'closed' },
  }));
}

export function addGuarantee(
  b: PlanBuilder,
  ginsu: Institution,
  type: '31' | '32' | '33',
  payVia: Payer,
  faceAmt: number,
  insuredName: string,
): Slot {
  const { rng } = b;
  const opened = Math.max(payOpened(b, payVia), b.openingDay(0.6, 0, 2));
  const years = type === '31' ? 2 : type === '32' ? 2 : 1;
  const label =
    type === '31' ? '휴대폰 할부판매 보증보험' : type === '32' ? '전세금보장 신용보험' : '이행(계약)보증보험';
  const premium =
    type === '31' ? rng.between(9, 30) * 1_000 : type === '32' ? krw(faceAmt * 0.0018, 100) : krw(faceAmt * 0.005, 100);
  const expDay = addMonths(opened, years * 12);
  return b.add<'guarantee'>((idx) => ({
    kind: 'guarantee',
    idx,
    org: ginsu.orgCode,
    industry: 'ginsu',
    prodName: `${brandOf(ginsu.name)} ${label}`,
    opened,
    openedSec: b.openedSec(),
    insuNum: policyNumber('G', b.yearOf(opened), b.index, idx),
    insuType: type,
    faceAmt,
    premium,
    expDay,
    insuredName,
    payVia,
    statusChange: { day: expDay, status: 'matured' },
  }));
}

export function addTelecom(
  b: PlanBuilder,
  tel: Institution,
  type: '01' | '02' | '04',
  payVia: Payer,
  opts: { device?: boolean; carrierPerMonth?: number; opened?: number; statusChange?: Slot['statusChange'] } = {},
): Slot {
  const { rng } = b;
  const opened = Math.max(opts.opened ?? b.openingDay(0.8, 0, 6), payOpened(b, payVia));
  const planFee =
    type === '01'
      ? rng.pick([33_000, 49_000, 55_000, 61_000, 69_000, 75_000, 89_000])
      : type === '02'
        ? rng.pick([22_000, 33_000, 38_500])
        : rng.pick([11_000, 16_500, 22_000]);
  const device =
    type === '01' && (opts.device ?? rng.chance(0.5))
      ? { monthly: rng.pick([35_400, 42_900, 51_250, 58_700]), months: 24 }
      : undefined;
  return b.add<'telecom'>((idx) => ({
    kind: 'telecom',
    idx,
    org: tel.orgCode,
    industry: 'telecom',
    prodName: `${brandOf(tel.name)} ${type === '01' ? '5G 요금제' : type === '02' ? '기가 인터넷' : 'IPTV'}`,
    opened,
    openedSec: b.openedSec(),
    mgmtId: opaqueId('tc', b.index, idx),
    telecomNum:
      type === '01'
        ? maskedPhone(b.index, idx)
        : `${type === '02' ? 'net' : 'tv'}-${opaqueId('', b.index, idx).slice(0, 8)}`,
    type,
    planFee,
    ...(device ? { device } : {}),
    billDom: rng.pick([15, 20, 21, 25, 27]),
    payVia,
    carrierPerMonth: type === '01' ? (opts.carrierPerMonth ?? rng.pick([0, 0, 0.5, 1, 2])) : 0,
    ...(opts.statusChange ? { statusChange: opts.statusChange } : {}),
  }));
}

export function addP2p(b: PlanBuilder, p2p: Institution, repayFrom: number): Slot {
  const { rng } = b;
  const start = Math.max(b.openedOf(repayFrom), b.openingDay(0.6, 0, 2));
  const terms = loanTerms(
    b,
    krw(rng.between(3_000_000, 20_000_000), 100_000),
    rng.between(8_900, 15_900),
    rng.pick([12, 24, 36]),
    'annuity',
    start,
  );
  return b.add<'p2p'>((idx) => ({
    kind: 'p2p',
    idx,
    org: p2p.orgCode,
    industry: 'p2p',
    prodName: `${brandOf(p2p.name)} 개인신용 ${terms.months}개월`,
    opened: start,
    openedSec: b.openedSec(),
    lendingId: opaqueId('ln', b.index, idx),
    prodType: '03',
    terms,
    repayFrom,
    disburseTo: repayFrom,
    statusChange: closesAfter(terms),
  }));
}

export function addClaim(
  b: PlanBuilder,
  inst: Institution,
  repayFrom: number,
  opts: { settledEarly?: boolean } = {},
): Slot {
  const { rng } = b;
  const usury = inst.industry === 'usury';
  const drawn = b.openingDay(0.6, 0, 2);
  const start = Math.max(b.openedOf(repayFrom), opts.settledEarly === true ? b.beforeHistory(drawn, 30, 300) : drawn);
  let terms = usury
    ? loanTerms(
        b,
        krw(rng.between(1_000_000, 8_000_000), 100_000),
        rng.between(17_000, 19_900),
        rng.pick([12, 24, 36]),
        'annuity',
        start,
      )
    : loanTerms(
        b,
        krw(rng.between(2_000_000, 12_000_000), 10_000),
        0,
        rng.pick([24, 36, 48, 60]),
        'equalPrincipal',
        start,
      );
  // Some claims are settled early: the debtor repays on a shorter schedule, the claim closes (상환완료).
  const fate = b.fateRng(b.slots.length);
  const settleBy = Math.floor((b.inputs.start + 400 - start) / 31);
  const early = fate.chance(0.4) || opts.settledEarly === true;
  if (early && settleBy >= 6 && settleBy < terms.months) terms = { ...terms, months: settleBy };
  const creditor = rng.pick(['(구)한마음카드', '(구)온새미저축은행', '(구)바른캐피탈', '(구)미소금융대부']);
  return b.add<'claim'>((idx) => ({
    kind: 'claim',
    idx,
    org: inst.orgCode,
    industry: inst.industry,
    prodName: usury ? `${brandOf(inst.name)} 신용대출` : `인수채권 (${creditor})`,
    opened: start,
    openedSec: b.openedSec(),
    bondNum: opaqueId(usury ? 'US' : 'BD', b.index, idx).toUpperCase(),
    bondType: usury ? '02' : '01',
    terms,
    repayFrom,
    disburseTo: usury ? repayFrom : -1,
    ...(usury ? {} : { originalCreditor: creditor }),
    statusChange: closesAfter(terms),
  }));
}

// ---------------------------------------------------------------- helpers

export function makeCar(b: PlanBuilder): Car {
  const { rng } = b;
  const [name, price] = rng.pick([
    ['아반떼 CN7', 24_500_000],
    ['쏘나타 디 엣지', 32_000_000],
    ['그랜저 GN7', 42_000_000],
    ['K5 DL3', 30_500_000],
    ['쏘렌토 MQ4', 41_000_000],
    ['투싼 NX4', 33_000_000],
    ['스포티지 NQ5', 32_500_000],
    ['카니발 KA4', 44_000_000],
    ['GV70', 58_000_000],
    ['레이', 15_500_000],
    ['캐스퍼', 16_000_000],
    ['티볼리', 22_000_000],
    ['모델 Y', 56_000_000],
    ['아이오닉 5', 52_000_000],
    ['EV6', 53_000_000],
  ] as const);
  return { number: carNumber(b.index), name, price };
}

export function familyInsured(b: PlanBuilder, withChildren: boolean): { no: string; name: string }[] {
  const out = [{ no: '01', name: b.person.name }];
  if (b.person.spouse) out.push({ no: '02', name: b.person.spouse });
  if (withChildren)
    b.person.children.forEach((child, i) => {
      out.push({ no: String(3 + i).padStart(2, '0'), name: child });
    });
  return out;
}

export function annuityOf(terms: LoanTerms): number {
  if (terms.method === 'annuity') return annuityPayment(terms.principal, terms.rateMilli, terms.months);
  if (terms.method === 'equalPrincipal')
    return Math.ceil(terms.principal / terms.months) + Math.floor((terms.principal * terms.rateMilli) / 1_200_000);
  return Math.floor((terms.principal * terms.rateMilli) / 1_200_000);
}

export { pickFullName };
