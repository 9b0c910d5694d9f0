import type { Institution } from '../../institutions/institution.ts';
import { type Segment, SEGMENTS } from '../merchants/merchant-categories.ts';
import { connectionInfo } from '../people/connection-info.ts';
import { EMPLOYERS, PART_TIME_EMPLOYERS, PENSION_PAYERS } from '../people/employers.ts';
import { HOME_AREAS } from '../people/home-areas.ts';
import { pickFullName } from '../people/korean-names.ts';
import { Rng, roundTo } from '../random/rng.ts';
import { makePerson } from './make-person.ts';
import type { PlanBuilder, PlanInputs } from './plan-builder.ts';
import { PlanBuilder as Builder } from './plan-builder.ts';
import type {
  Car,
  CardIssuerSlot,
  CardSlot,
  IncomeKind,
  Housing,
  Payer,
  Persona,
  Plan,
  PolicySlot,
  Slot,
} from './plan-types.ts';
import {
  addBankFund,
  addBankLoan,
  addCapitalCarLoan,
  addCapitalCreditLoan,
  addCard,
  addCarPolicy,
  addClaim,
  addDeposit,
  addEfin,
  addGuarantee,
  addIrp,
  addLease,
  addP2p,
  addPension,
  addPolicy,
  addPolicyLoan,
  addPrepaidCard,
  addSavings,
  addSecurities,
  addTelecom,
  addTimeDeposit,
  annuityOf,
  ensureIssuer,
  familyInsured,
  loanTerms,
  makeCar,
} from './product-factory.ts';
import { meanTicket } from './spend-calibration.ts';

/**
 * Build the plan of customer `index`: who they are, then which products they hold where, then the budget
 * that keeps their bank balance sensible (income covers fixed costs; discretionary spending is what is
 * left, turned into a number of purchases a month).
 *
 * The first customers cover every segment in a fixed order (customer 0 is the heaviest user), so a small
 * ledger still has them all; the rest are drawn by weight.
 */
const FORCED: readonly Segment[] = [
  'power',
  'thin',
  'family',
  'indebted',
  'senior',
  'affluent',
  'young',
  'selfEmployed',
  'power',
  'thin',
];
const SEGMENT_WEIGHTS: Readonly<Record<Segment, number>> = {
  thin: 14,
  young: 22,
  family: 24,
  affluent: 9,
  senior: 11,
  indebted: 8,
  selfEmployed: 7,
  power: 5,
};

export function segmentOf(seed: number, index: number): Segment {
  const forced = FORCED[index];
  if (forced) return forced;
  const rng = Rng.of(seed, index, 0x5e9);
  return rng.weighted(
    SEGMENTS,
    SEGMENTS.map((s) => SEGMENT_WEIGHTS[s]),
  );
}

interface Draft {
  segment: Segment;
  whale: boolean;
  /** One of the first customers, who show every product their segment can have. */
  showcase: boolean;
  incomeKind: IncomeKind;
  income: number;
  payer: string;
  payday: number;
  bonusMonths: number[];
  housing: Housing;
  rent: number;
  maintenance: number;
  housingDom: number;
  landlord: string;
  utilities: number;
  car?: Car;
  main: number;
}

export function buildPlan(inputs: PlanInputs, index: number): Plan {
  const segment = segmentOf(inputs.seed, index);
  const person = makePerson(Rng.of(inputs.seed, index, 0x9e5), segment, inputs.start);
  const b = new Builder(inputs, index, person);
  const draft = makeDraft(b, segment, index === 0, index < FORCED.length);
  const main = addDeposit(b, pick(b, 'bank') as Institution, 'main', {
    income: draft.income,
    minus: segment === 'indebted' && b.rng.chance(0.4),
  });
  draft.main = main.idx;
  const efinPlans = RECIPES[segment](b, draft);
  const persona = finishBudget(b, draft);
  for (const e of efinPlans) {
    const perMonth = Math.max(
      1,
      Math.round((persona.spendTarget * persona.efinShare) / meanTicket(segment, false, true) / efinPlans.length),
    );
    addEfin(b, e.inst, e.from, e.cards, e.money, draft.whale ? 80 : perMonth);
  }
  const slots = keepFundingAccountsOpen(b.slots);
  const since = Math.max(inputs.start, Math.min(...slots.map((s) => s.opened)));
  return { index, ci: connectionInfo(inputs.seed, index), person, persona, since, slots };
}

/** The accounts that pay or receive for other products: a plan never closes them. */
function fundingAccounts(slots: readonly Slot[]): Set<number> {
  const out = new Set<number>();
  for (const s of slots) {
    for (const key of ['from', 'repayFrom', 'payFrom', 'linked', 'chargeFrom', 'disburseTo'] as const) {
      const v = (s as unknown as Record<string, unknown>)[key];
      if (typeof v === 'number' && v >= 0) out.add(v);
    }
    const via = (s as { payVia?: Payer }).payVia;
    if (via?.kind === 'bank') out.add(via.slot);
    if (s.kind === 'efinPay') for (const m of s.methods) if (m.kind === 'bank') out.add(m.slot);
  }
  return out;
}

function keepFundingAccountsOpen(slots: readonly Slot[]): Slot[] {
  const funding = fundingAccounts(slots);
  return slots.map((s) => {
    if (s.kind !== 'deposit' || !funding.has(s.idx) || s.statusChange?.status !== 'closed') return s;
    const { statusChange: _closed, ...open } = s;
    return open;
  });
}

function pick(b: PlanBuilder, industry: Institution['industry'], group?: string): Institution | undefined {
  return b.pool.pick(b.rng, industry, { avoid: b.orgs(), ...(group ? { group } : {}) });
}

function makeDraft(b: PlanBuilder, segment: Segment, whale: boolean, showcase: boolean): Draft {
  const { rng } = b;
  let incomeKind: IncomeKind = 'salary';
  let income: number;
  switch (segment) {
    case 'thin':
      incomeKind = rng.chance(0.6) ? 'partTime' : 'allowance';
      income = incomeKind === 'partTime' ? rng.between(60, 150) * 10_000 : rng.between(30, 70) * 10_000;
      break;
    case 'young':
      income = rng.between(230, 390) * 10_000;
      break;
    case 'family':
      income = rng.between(330, 750) * 10_000;
      break;
    case 'affluent':
      income = rng.between(700, 1600) * 10_000;
      break;
    case 'senior':
      incomeKind = 'pension';
      income = rng.between(90, 260) * 10_000;
      break;
    case 'indebted':
      income = rng.between(200, 360) * 10_000;
      break;
    case 'selfEmployed':
      incomeKind = 'business';
      income = rng.between(350, 900) * 10_000;
      break;
    case 'power':
      income = whale ? 45_000_000 : rng.between(800, 1800) * 10_000;
      break;
  }
  const payer =
    incomeKind === 'salary'
      ? rng.pick(EMPLOYERS)
      : incomeKind === 'partTime'
        ? rng.pick(PART_TIME_EMPLOYERS)
        : incomeKind === 'pension'
          ? rng.pick(PENSION_PAYERS)
          : incomeKind === 'allowance'
            ? b.person.parent
            : '카드매출 정산';
  const housingWeights: Readonly<Record<Segment, readonly [number, number, number, number]>> = {
    // rent, jeonse, own, parents
    thin: [3, 0, 0, 7],
    young: [6, 3, 0, 1],
    family: [0, 45, 55, 0],
    affluent: [0, 15, 85, 0],
    senior: [2, 0, 8, 0],
    indebted: [7, 3, 0, 0],
    selfEmployed: [2, 3, 5, 0],
    power: [0, 4, 6, 0],
  };
  const housing = rng.weighted<Housing>(['rent', 'jeonse', 'own', 'parents'], housingWeights[segment]);
  const rent =
    housing === 'rent'
      ? roundTo(segment === 'thin' ? rng.between(35, 55) * 10_000 : rng.between(45, 95) * 10_000, 10_000)
      : 0;
  const maintenance =
    housing === 'jeonse' || housing === 'own'
      ? rng.between(15, 38) * 10_000
      : housing === 'rent'
        ? rng.between(5, 12) * 10_000
        : 0;
  const hasCar =
    segment === 'family'
      ? rng.chance(0.75)
      : segment === 'affluent' || segment === 'power'
        ? rng.chance(0.9)
        : segment === 'selfEmployed'
          ? rng.chance(0.8)
          : segment === 'senior'
            ? rng.chance(0.4)
            : segment === 'young' || segment === 'indebted'
              ? rng.chance(0.3)
              : false;
  return {
    segment,
    whale,
    showcase,
    incomeKind,
    income,
    payer,
    payday:
      incomeKind === 'pension'
        ? 25
        : incomeKind === 'allowance'
          ? rng.between(1, 5)
          : rng.pick([10, 15, 20, 21, 25, 25, 25]),
    bonusMonths: incomeKind === 'salary' ? rng.pick([[], [1], [1, 9], [2, 7, 12], [12]]) : [],
    housing,
    rent,
    maintenance,
    housingDom: rng.between(1, 28),
    landlord:
      housing === 'rent'
        ? pickFullName(rng, rng.chance(0.5) ? 'M' : 'F', 1965)
        : `${HOME_AREAS[b.person.homeArea]?.apartment ?? '아파트'} 관리사무소`,
    utilities: rng.between(4, 18) * 10_000,
    ...(hasCar ? { car: makeCar(b) } : {}),
    main: 0,
  };
}

interface EfinPlan {
  readonly inst: Institution;
  readonly from: number;
  readonly cards: readonly number[];
  readonly money: boolean;
}

type Recipe = (b: PlanBuilder, d: Draft) => EfinPlan[];

// ---------------------------------------------------------------- shared pieces

function cards(
  b: PlanBuilder,
  d: Draft,
  spec: { credit: number; check: number; family?: boolean; indebted?: boolean; showcase?: boolean; noLoss?: boolean },
): { credit: CardSlot[]; check: CardSlot[] } {
  const credit: CardSlot[] = [];
  const check: CardSlot[] = [];
  const shares = spec.credit + spec.check;
  const mainBank = b.slots[d.main];
  const mainGroup = mainBank ? b.pool.all('bank').find((i) => i.orgCode === mainBank.org)?.group : undefined;
  for (let i = 0; i < spec.credit; i++) {
    const inst = b.pool.pick(b.rng, 'card', {
      avoid: usedCardOrgs(b),
      ...(i === 0 && mainGroup ? { group: mainGroup } : {}),
    });
    if (!inst) break;
    const issuer = ensureIssuer(b, inst, d.main, {
      indebted: spec.indebted ?? false,
      showcase: i === 0 && (spec.showcase ?? false),
    });
    credit.push(
      addCard(b, issuer, inst, b.rng.chance(0.1) ? '03' : '01', {
        share: (i === 0 ? 1.6 : 1) / shares,
        linked: d.main,
      }),
    );
  }
  for (let i = 0; i < spec.check; i++) {
    const inst = b.pool.pick(b.rng, 'card', mainGroup ? { group: mainGroup } : {});
    if (!inst) break;
    const issuer = ensureIssuer(b, inst, d.main);
    check.push(
      addCard(b, issuer, inst, '02', {
        share: 0.8 / shares,
        linked: d.main,
        ...(spec.noLoss ? { lostReplace: false } : {}),
      }),
    );
  }
  const first = credit[0];
  if (spec.family && first && b.person.spouse) {
    const issuer = b.slots[first.issuer] as CardIssuerSlot;
    const inst = b.pool.all('card').find((i) => i.orgCode === first.org);
    if (inst)
      credit.push(
        addCard(b, issuer, inst, '01', { member: '2', share: 0.5 / shares, linked: d.main, lostReplace: false }),
      );
  }
  return { credit, check };
}

function usedCardOrgs(b: PlanBuilder): Set<string> {
  return new Set(b.slots.filter((s) => s.kind === 'cardIssuer').map((s) => s.org));
}

function payer(b: PlanBuilder, d: Draft, credit: readonly CardSlot[], pCard: number): Payer {
  const card = credit.find((c) => c.member === '1' && !c.statusChange);
  if (card && b.rng.chance(pCard)) return { kind: 'card', slot: card.idx };
  return { kind: 'bank', slot: d.main };
}

function telecoms(
  b: PlanBuilder,
  d: Draft,
  credit: readonly CardSlot[],
  lines: number,
  home: boolean,
  device: boolean,
): void {
  const tel = pick(b, 'telecom');
  if (!tel) return;
  const via = payer(b, d, credit, 0.4);
  for (let i = 0; i < lines; i++) addTelecom(b, tel, '01', via, { device: i === 0 ? device : b.rng.chance(0.3) });
  if (home) {
    const terminated = b.rng.chance(0.25);
    if (terminated) {
      // An old internet line at another carrier, cancelled when the bundle moved.
      const old = b.pool.pick(b.rng, 'telecom', { avoid: new Set([tel.orgCode]) }) ?? tel;
      const day = b.duringDay(30);
      addTelecom(
        b,
        old,
        '02',
        { kind: 'bank', slot: d.main },
        { opened: b.existingDay(5), statusChange: { day, status: 'closed' } },
      );
      addTelecom(b, tel, '02', via, { opened: day - b.rng.between(0, 5) });
    } else addTelecom(b, tel, '02', via);
    if (b.rng.chance(0.6)) addTelecom(b, tel, '04', via);
  }
}

function housingLoan(b: PlanBuilder, d: Draft, pMortgage: number, pJeonse: number): void {
  const bank = b.pool.all('bank').find((i) => i.orgCode === b.slots[d.main]?.org);
  if (!bank) return;
  const { rng } = b;
  if (d.housing === 'own' && rng.chance(pMortgage)) {
    const principal = roundTo(Math.min(600_000_000, d.income * rng.between(35, 70)), 1_000_000);
    const start = Math.max(b.existingDay(10, 60), b.openedOf(d.main));
    addBankLoan(
      b,
      bank,
      '3003',
      loanTerms(b, principal, rng.between(3_400, 4_800), 360, rng.chance(0.8) ? 'annuity' : 'equalPrincipal', start),
      d.main,
      -1,
    );
  } else if (d.housing === 'jeonse' && rng.chance(pJeonse)) {
    const principal = roundTo(Math.min(300_000_000, d.income * rng.between(20, 45)), 1_000_000);
    const start = Math.max(b.existingDay(1.8, 30), b.openedOf(d.main));
    addBankLoan(
      b,
      bank,
      '3004',
      loanTerms(b, principal, rng.between(3_200, 4_600), rng.pick([24, 36]), 'bullet', start),
      d.main,
      -1,
    );
  }
}

function creditLoan(b: PlanBuilder, d: Draft, p: number): void {
  if (!b.rng.chance(p)) return;
  const bank = pick(b, 'bank') ?? b.pool.all('bank')[0];
  if (!bank) return;
  const start = b.openingDay(0.6, b.openedOf(d.main), 3);
  addBankLoan(
    b,
    bank,
    '3001',
    loanTerms(
      b,
      roundTo(d.income * b.rng.between(4, 12), 1_000_000),
      b.rng.between(4_500, 8_900),
      b.rng.pick([36, 48, 60]),
      'annuity',
      start,
    ),
    d.main,
    d.main,
  );
}

function insurer(b: PlanBuilder): Institution | undefined {
  return b.pool.pick(b.rng, 'insu');
}

function efinPlans(
  b: PlanBuilder,
  d: Draft,
  n: number,
  credit: readonly CardSlot[],
  check: readonly CardSlot[],
  pMoney: number,
): EfinPlan[] {
  const out: EfinPlan[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const inst = b.pool.pick(b.rng, 'efin', { avoid: used });
    if (!inst || used.has(inst.orgCode)) break;
    used.add(inst.orgCode);
    const cardsToRegister = [...credit.filter((c) => c.member === '1'), ...check].slice(0, 2).map((c) => c.idx);
    out.push({ inst, from: d.main, cards: cardsToRegister, money: b.rng.chance(pMoney) });
  }
  return out;
}

function carProducts(b: PlanBuilder, d: Draft, credit: readonly CardSlot[], pLoan: number, pLease: number): void {
  if (!d.car) return;
  const insu = insurer(b);
  if (insu) addCarPolicy(b, insu, d.car, payer(b, d, credit, 0.5));
  const cap = pick(b, 'capital', 'nuri') ?? b.pool.all('capital')[0];
  if (!cap) return;
  const r = b.rng.next();
  if (r < pLoan) addCapitalCarLoan(b, cap, d.car, d.main);
  else if (r < pLoan + pLease) addLease(b, cap, d.car, d.main);
}

function sub(b: PlanBuilder, d: Draft, p: number, otherBank = false): number {
  if (!b.rng.chance(p)) return d.main;
  const bank = otherBank
    ? (pick(b, 'bank') ?? b.pool.all('bank')[0])
    : b.pool.all('bank').find((i) => i.orgCode === b.slots[d.main]?.org);
  if (!bank) return d.main;
  return addDeposit(b, bank, 'sub', { income: d.income }).idx;
}

function mainBank(b: PlanBuilder, d: Draft): Institution {
  return b.pool.all('bank').find((i) => i.orgCode === b.slots[d.main]?.org) as Institution;
}

// ---------------------------------------------------------------- recipes per segment

const RECIPES: Readonly<Record<Segment, Recipe>> = {
  thin(b, d) {
    const { check } = cards(b, d, { credit: 0, check: 1, noLoss: true });
    const out: EfinPlan[] = [];
    const r = b.rng.next();
    if (r < 0.65) {
      const tel = pick(b, 'telecom');
      if (tel)
        addTelecom(
          b,
          tel,
          '01',
          { kind: 'bank', slot: d.main },
          { device: false, carrierPerMonth: b.rng.pick([0, 1, 2]) },
        );
    } else if (r < 0.9) out.push(...efinPlans(b, d, 1, [], check, 0));
    return out;
  },

  young(b, d) {
    sub(b, d, 0.4);
    if (b.rng.chance(0.5)) addSavings(b, mainBank(b, d), d.main, d.income);
    const { credit, check } = cards(b, d, { credit: b.rng.chance(0.3) ? 2 : 1, check: 1 });
    telecoms(b, d, credit, 1, b.rng.chance(0.3), b.rng.chance(0.5));
    housingLoan(b, d, 0, 0.7);
    creditLoan(b, d, 0.15);
    const inv = b.rng.chance(0.4) ? pick(b, 'invest') : undefined;
    if (inv) addSecurities(b, inv, d.main, b.rng.between(300, 2000) * 10_000, b.rng.chance(0.5));
    const insu = insurer(b);
    if (insu && b.rng.chance(0.5)) addPolicy(b, insu, 'medical', payer(b, d, credit, 0.3));
    if (insu && b.rng.chance(0.3)) addPolicy(b, insu, 'cancer', payer(b, d, credit, 0.3));
    if (b.rng.chance(0.1)) {
      const inst = mainBank(b, d);
      addIrp(b, inst, d.main, d.income);
    }
    const ginsu = b.rng.chance(0.2) ? pick(b, 'ginsu') : undefined;
    const tel = b.slots.find((s) => s.kind === 'telecom');
    if (ginsu && tel)
      addGuarantee(
        b,
        ginsu,
        '31',
        { kind: 'bank', slot: d.main },
        1_200_000,
        b.pool.all('telecom').find((i) => i.orgCode === tel.org)?.name ?? '통신사',
      );
    const ppInst = b.rng.chance(0.1) ? b.pool.pick(b.rng, 'card') : undefined;
    if (ppInst) addPrepaidCard(b, ppInst, d.main);
    carProducts(b, d, credit, 0.4, 0.1);
    return efinPlans(b, d, b.rng.chance(0.4) ? 2 : 1, credit, check, 0.6);
  },

  family(b, d) {
    sub(b, d, 0.6);
    if (b.rng.chance(0.2)) addDeposit(b, pick(b, 'bank') ?? mainBank(b, d), 'dormant');
    const { credit, check } = cards(b, d, {
      credit: b.rng.between(2, 3),
      check: b.rng.chance(0.5) ? 1 : 0,
      family: true,
    });
    telecoms(b, d, credit, b.person.spouse ? 2 : 1, true, b.rng.chance(0.5));
    const insured = familyInsured(b, b.person.children.length > 0);
    const insu1 = insurer(b);
    if (insu1) {
      if (b.rng.chance(0.5)) addPolicy(b, insu1, b.rng.chance(0.5) ? 'whole' : 'term', payer(b, d, credit, 0.2));
      if (b.rng.chance(0.8)) addPolicy(b, insu1, 'medical', payer(b, d, credit, 0.3), { insured: insured.slice(0, 3) });
    }
    const insu2 = insurer(b);
    if (insu2) {
      if (b.rng.chance(0.6)) addPolicy(b, insu2, 'health', payer(b, d, credit, 0.3), { lapse: b.rng.chance(0.08) });
      if (b.rng.chance(0.4)) addPolicy(b, insu2, 'cancer', payer(b, d, credit, 0.3));
      if (b.person.children.length > 0 && b.rng.chance(0.3)) {
        addPolicy(b, insu2, 'accident', payer(b, d, credit, 0.3), {
          insured: insured.filter((i) => Number(i.no) >= 3).slice(0, 2),
        });
      }
    }
    carProducts(b, d, credit, 0.3, 0.12);
    housingLoan(b, d, 0.6, 0.5);
    if (b.rng.chance(0.5)) addSavings(b, mainBank(b, d), d.main, d.income);
    if (b.rng.chance(0.3)) addBankFund(b, mainBank(b, d), d.main, d.income);
    const inv = b.rng.chance(0.55) ? pick(b, 'invest') : undefined;
    if (inv) {
      if (b.rng.chance(0.75)) addSecurities(b, inv, d.main, b.rng.between(500, 5000) * 10_000, b.rng.chance(0.5));
      if (b.rng.chance(0.6)) addPension(b, inv, d.main, d.income, false);
    }
    if (b.rng.chance(0.4)) {
      const irpInst = b.rng.chance(0.5) ? mainBank(b, d) : (pick(b, 'invest') ?? mainBank(b, d));
      addIrp(b, irpInst, d.main, d.income);
    }
    const ginsu = pick(b, 'ginsu');
    if (ginsu && d.housing === 'jeonse' && b.rng.chance(0.3))
      addGuarantee(b, ginsu, '32', { kind: 'bank', slot: d.main }, roundTo(d.income * 60, 10_000_000), b.person.name);
    const lifePolicy = b.slots.find(
      (s): s is PolicySlot => s.kind === 'policy' && (s.insuType === '01' || s.insuType === '02'),
    );
    if (lifePolicy && b.rng.chance(0.15)) {
      const inst = b.pool.all('insu').find((i) => i.orgCode === lifePolicy.org);
      if (inst) addPolicyLoan(b, inst, lifePolicy, d.main);
    }
    return efinPlans(b, d, b.rng.chance(0.4) ? 2 : 1, credit, check, 0.5);
  },

  affluent(b, d) {
    sub(b, d, 0.9, true);
    if (b.rng.chance(0.5)) addDeposit(b, pick(b, 'bank') ?? mainBank(b, d), 'foreign', { income: d.income });
    for (let i = 0, n = b.rng.between(1, 2); i < n; i++)
      addTimeDeposit(b, mainBank(b, d), d.main, d.income * b.rng.between(3, 12));
    if (b.rng.chance(0.4)) addSavings(b, mainBank(b, d), d.main, d.income);
    const { credit, check } = cards(b, d, { credit: b.rng.between(2, 4), check: 0, family: true });
    telecoms(b, d, credit, b.person.spouse ? 2 : 1, b.rng.chance(0.8), false);
    const inv1 = pick(b, 'invest');
    if (inv1) {
      addSecurities(b, inv1, d.main, b.rng.between(3000, 30000) * 10_000, true);
      addPension(b, inv1, d.main, d.income, false);
    }
    const inv2 = b.rng.chance(0.5) ? pick(b, 'invest') : undefined;
    if (inv2) addSecurities(b, inv2, d.main, b.rng.between(1000, 10000) * 10_000, b.rng.chance(0.5));
    const irpInst = pick(b, 'invest') ?? inv1 ?? mainBank(b, d);
    addIrp(b, irpInst, d.main, d.income);
    const insu1 = insurer(b);
    if (insu1) {
      addPolicy(b, insu1, 'whole', payer(b, d, credit, 0.2));
      if (b.rng.chance(0.5)) addPolicy(b, insu1, 'variable', payer(b, d, credit, 0.1));
      if (b.rng.chance(0.5)) addPolicy(b, insu1, 'annuity', { kind: 'bank', slot: d.main });
    }
    const insu2 = insurer(b);
    if (insu2) {
      addPolicy(b, insu2, 'medical', payer(b, d, credit, 0.3), { insured: familyInsured(b, false) });
      if (b.rng.chance(0.5)) addPolicy(b, insu2, 'health', payer(b, d, credit, 0.3));
    }
    carProducts(b, d, credit, 0.1, 0.2);
    housingLoan(b, d, 0.4, 0.3);
    if (b.rng.chance(0.4)) addBankFund(b, mainBank(b, d), d.main, d.income);
    const ppInst = b.rng.chance(0.2) ? b.pool.pick(b.rng, 'card') : undefined;
    if (ppInst) addPrepaidCard(b, ppInst, d.main);
    return efinPlans(b, d, b.rng.chance(0.5) ? 2 : 1, credit, check, 0.4);
  },

  senior(b, d) {
    sub(b, d, 0.4);
    if (b.rng.chance(0.6)) addTimeDeposit(b, mainBank(b, d), d.main, b.rng.between(20, 100) * 1_000_000);
    const { credit, check } = cards(b, d, { credit: 1, check: b.rng.chance(0.5) ? 1 : 0 });
    telecoms(b, d, credit, 1, b.rng.chance(0.4), false);
    const insu = insurer(b);
    if (insu) {
      addPolicy(b, insu, 'medical', payer(b, d, credit, 0.2));
      if (b.rng.chance(0.5)) addPolicy(b, insu, 'cancer', payer(b, d, credit, 0.2), { lapse: b.rng.chance(0.1) });
      // The senior showcase holds a whole-life policy with a policy loan and an IRP at the insurer, and shows
      // their ends: the loan repaid early, the IRP terminated (as far as their dates allow).
      if (d.showcase || b.rng.chance(0.3)) {
        const p = addPolicy(b, insu, 'whole', { kind: 'bank', slot: d.main }, { existing: d.showcase });
        if (d.showcase || b.rng.chance(0.4)) addPolicyLoan(b, insu, p, d.main, { repaidEarly: d.showcase });
      }
      if (d.showcase || b.rng.chance(0.1)) addIrp(b, insu, d.main, d.income, { terminated: d.showcase });
    }
    const inv = b.rng.chance(0.3) ? pick(b, 'invest') : undefined;
    if (inv) addPension(b, inv, d.main, d.income, true);
    carProducts(b, d, credit, 0, 0);
    return b.rng.chance(0.3) ? efinPlans(b, d, 1, credit, check, 0.3) : [];
  },

  indebted(b, d) {
    sub(b, d, 0.2);
    const { credit, check } = cards(b, d, {
      credit: b.rng.between(2, 3),
      check: 0,
      indebted: true,
      showcase: d.showcase,
    });
    telecoms(b, d, credit, 1, false, true);
    creditLoan(b, d, 0.5);
    housingLoan(b, d, 0, 0.8);
    if (d.showcase || b.rng.chance(0.45)) {
      const p2p = pick(b, 'p2p');
      if (p2p) addP2p(b, p2p, d.main);
    }
    if (d.showcase || b.rng.chance(0.4)) {
      const usury = pick(b, 'usury');
      if (usury) addClaim(b, usury, d.main);
    }
    if (d.showcase || b.rng.chance(0.35)) {
      // The showcase's 인수채권 is settled early (as far as its dates allow).
      const bond = pick(b, 'bond');
      if (bond) addClaim(b, bond, d.main, { settledEarly: d.showcase });
    }
    if (d.showcase || b.rng.chance(0.35)) {
      const cap = pick(b, 'capital');
      if (cap) addCapitalCreditLoan(b, cap, d.main);
    }
    const insu = insurer(b);
    if (insu && b.rng.chance(0.6))
      addPolicy(b, insu, 'medical', payer(b, d, credit, 0.3), { lapse: b.rng.chance(0.3) });
    if (insu && b.rng.chance(0.3)) {
      const p = addPolicy(b, insu, 'term', { kind: 'bank', slot: d.main });
      if (b.rng.chance(0.6)) addPolicyLoan(b, insu, p, d.main);
    }
    carProducts(b, d, credit, 0.5, 0);
    return efinPlans(b, d, 1, credit, check, 0.5);
  },

  selfEmployed(b, d) {
    sub(b, d, 0.7);
    const { credit, check } = cards(b, d, { credit: b.rng.between(2, 3), check: 0 });
    telecoms(b, d, credit, 1, true, false);
    carProducts(b, d, credit, 0.3, 0.4);
    const ginsu = b.rng.chance(0.5) ? pick(b, 'ginsu') : undefined;
    if (ginsu)
      addGuarantee(b, ginsu, '33', payer(b, d, credit, 0.3), roundTo(d.income * 10, 1_000_000), '(주)한빛건설');
    if (b.rng.chance(0.3)) {
      const bank = mainBank(b, d);
      const start = Math.max(b.existingDay(5, 60), b.openedOf(d.main));
      addBankLoan(
        b,
        bank,
        '3002',
        loanTerms(b, roundTo(d.income * 15, 1_000_000), b.rng.between(4_200, 5_900), 120, 'equalPrincipal', start),
        d.main,
        d.main,
      );
    }
    if (b.rng.chance(0.15)) {
      const usury = pick(b, 'usury');
      if (usury) addClaim(b, usury, d.main);
    }
    if (b.rng.chance(0.2)) {
      const p2p = pick(b, 'p2p');
      if (p2p) addP2p(b, p2p, d.main);
    }
    const insu = insurer(b);
    if (insu) {
      addPolicy(b, insu, 'health', payer(b, d, credit, 0.3));
      if (b.rng.chance(0.6)) addPolicy(b, insu, 'medical', payer(b, d, credit, 0.3));
    }
    const inv = b.rng.chance(0.3) ? pick(b, 'invest') : undefined;
    if (inv) addSecurities(b, inv, d.main, b.rng.between(500, 5000) * 10_000, b.rng.chance(0.3));
    return efinPlans(b, d, b.rng.chance(0.5) ? 2 : 1, credit, check, 0.4);
  },

  power(b, d) {
    const bank2 = pick(b, 'bank');
    if (bank2) addDeposit(b, bank2, 'sub', { income: d.income });
    const bank3 = pick(b, 'bank');
    if (bank3) addDeposit(b, bank3, 'foreign', { income: d.income });
    addSavings(b, mainBank(b, d), d.main, d.income);
    if (b.rng.chance(0.5)) addTimeDeposit(b, mainBank(b, d), d.main, d.income * 3);
    const { credit, check } = cards(b, d, { credit: d.whale ? 4 : b.rng.between(3, 4), check: 1, family: true });
    telecoms(b, d, credit, b.person.spouse ? 2 : 1, true, true);
    const inv1 = pick(b, 'invest');
    if (inv1) addSecurities(b, inv1, d.main, b.rng.between(2000, 20000) * 10_000, true);
    const inv2 = pick(b, 'invest');
    if (inv2) {
      addPension(b, inv2, d.main, d.income, false);
      addIrp(b, inv2, d.main, d.income);
    }
    const insu1 = insurer(b);
    if (insu1) {
      addPolicy(b, insu1, 'whole', payer(b, d, credit, 0.3));
      addPolicy(b, insu1, 'medical', payer(b, d, credit, 0.3), { insured: familyInsured(b, true).slice(0, 3) });
    }
    const insu2 = insurer(b);
    if (insu2) addPolicy(b, insu2, 'health', payer(b, d, credit, 0.3));
    if (!d.car) d.car = makeCar(b);
    carProducts(b, d, credit, 0.5, 0.5);
    const ginsu = pick(b, 'ginsu');
    const tel = b.slots.find((s) => s.kind === 'telecom');
    if (ginsu && tel)
      addGuarantee(
        b,
        ginsu,
        '31',
        { kind: 'bank', slot: d.main },
        1_450_000,
        b.pool.all('telecom').find((i) => i.orgCode === tel.org)?.name ?? '통신사',
      );
    housingLoan(b, d, 0.5, 0.5);
    if (b.rng.chance(0.3) || d.whale) {
      const p2p = pick(b, 'p2p');
      if (p2p) addP2p(b, p2p, d.main);
    }
    const ppInst = b.pool.pick(b.rng, 'card');
    if (ppInst && (d.whale || b.rng.chance(0.3))) addPrepaidCard(b, ppInst, d.main);
    return efinPlans(b, d, d.whale ? 3 : b.rng.between(2, 3), credit, check, 0.8);
  },
};

// ---------------------------------------------------------------- budget

/** What the plan's products take from the bank every month, roughly (for the budget only). */
export function monthlyFixedCosts(slots: readonly Slot[]): number {
  let sum = 0;
  for (const s of slots) {
    switch (s.kind) {
      case 'bankLoan':
      case 'capitalLoan':
      case 'p2p':
      case 'claim':
      case 'policyLoan':
        sum += annuityOf(s.terms);
        break;
      case 'cardIssuer':
        if (s.cardLoan) sum += annuityOf(s.cardLoan.terms);
        if (s.revolving) sum += Math.round((s.revolving.balance * s.revolving.agreedRateMilli) / 100_000);
        break;
      case 'lease':
        sum += s.monthly;
        break;
      case 'policy':
        sum += s.payCycle === '1Y' ? Math.round(s.premium / 12) : s.premium;
        break;
      case 'telecom':
        sum += s.planFee + (s.device?.monthly ?? 0);
        break;
      case 'savings':
      case 'bankFund':
      case 'securities':
      case 'pension':
      case 'irp':
        sum += s.monthly;
        break;
      default:
        break;
    }
  }
  return sum;
}

const EFIN_SHARE: Readonly<Record<Segment, number>> = {
  thin: 0.15,
  young: 0.25,
  family: 0.2,
  affluent: 0.15,
  senior: 0.05,
  indebted: 0.25,
  selfEmployed: 0.15,
  power: 0.25,
};
const CARD_TX_RANGE: Readonly<Record<Segment, readonly [number, number]>> = {
  thin: [10, 45],
  young: [25, 110],
  family: [30, 160],
  affluent: [30, 150],
  senior: [10, 60],
  indebted: [25, 120],
  selfEmployed: [30, 150],
  power: [120, 320],
};

function finishBudget(b: PlanBuilder, d: Draft): Persona {
  const fixed = monthlyFixedCosts(b.slots) + d.rent + d.maintenance + d.utilities;
  const income = Math.max(d.income, roundTo(fixed / 0.72, 10_000));
  const spendTarget = Math.max(income * 0.2, (income - fixed) * (d.segment === 'selfEmployed' ? 0.8 : 0.85));
  const hasEfin = d.segment !== 'senior' && d.segment !== 'thin';
  const efinShare = hasEfin ? EFIN_SHARE[d.segment] : d.segment === 'thin' ? 0.1 : 0.05;
  const atmPerMonth = d.segment === 'senior' ? 4 : d.segment === 'indebted' ? 3 : d.segment === 'thin' ? 1 : 2;
  const atmAmount = Math.min(300_000, Math.max(30_000, roundTo((spendTarget * 0.1) / atmPerMonth, 10_000)));
  const cardSpend = Math.max(income * 0.08, spendTarget * (1 - efinShare) - atmPerMonth * atmAmount);
  const [lo, hi] = CARD_TX_RANGE[d.segment];
  const mean = meanTicket(d.segment, d.car !== undefined);
  const cardTx = d.whale ? 950 : Math.min(hi, Math.max(lo, Math.round(cardSpend / mean)));
  const ticketScale = Math.min(1.3, Math.max(0.4, cardSpend / (cardTx * mean)));
  return {
    segment: d.segment,
    incomeKind: d.incomeKind,
    income,
    payer: d.payer,
    payday: d.payday,
    bonusMonths: d.bonusMonths,
    housing: d.housing,
    rent: d.rent,
    maintenance: d.maintenance,
    housingDom: d.housingDom,
    landlord: d.landlord,
    utilities: d.utilities,
    spendTarget: Math.round(spendTarget),
    cardTx,
    ticketScale: Math.round(ticketScale * 1000) / 1000,
    efinShare,
    atmPerMonth,
    atmAmount,
    transfersPerMonth: d.whale ? 40 : d.segment === 'thin' ? 2 : 5,
    travelChance:
      d.segment === 'affluent' || d.segment === 'power'
        ? 0.12
        : d.segment === 'thin' || d.segment === 'indebted'
          ? 0.02
          : 0.06,
    ...(d.car ? { car: d.car } : {}),
    main: d.main,
  };
}
