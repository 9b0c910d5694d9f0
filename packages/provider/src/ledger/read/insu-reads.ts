import type { HoldingStatus } from '../ledger.ts';
import type { Payer, PolicySlot, Slot } from '../plan/plan-types.ts';
import { coveragesOf, ridersOf } from '../plan/policy-kinds.ts';
import { statusOn } from '../plan/plan-types.ts';
import { carPremium, premiumDay, premiumDue } from '../simulate/insurance-flows.ts';
import { addMonths, dayOfTs, firstDayOfMonth, SECONDS_PER_DAY } from '../time/day-number.ts';
import { loanDetailBody } from './loan-reads.ts';
import { type ApiReader, latest, series, snapshot } from './answer.ts';
import {
  bankStyleLoanRow,
  isLoanSlot,
  loanChangedAt,
  loanExpDate,
  loanTransactions,
  repayMethod,
} from './loan-view.ts';
import type { Reader } from './reader.ts';
import { date, krw, month } from './row-values.ts';

const isPolicy = (slot: Slot | null): slot is PolicySlot => slot?.kind === 'policy';

/** insu_status (and rider contract_status): 02 정상, 04 실효, 05 만기, 06 소멸. */
export function insuStatus(status: HoldingStatus): string {
  switch (status) {
    case 'normal':
      return '02';
    case 'suspended':
    case 'dormant':
    case 'lost':
      return '04';
    case 'matured':
      return '05';
    case 'closed':
      return '06';
  }
}

export function payOrg(r: Reader, payer: Payer): string {
  return r.slot(payer.slot).org;
}

/** The car policy's current period: the last renewal on or before today. */
export function carPeriod(r: Reader, slot: PolicySlot): { start: number; end: number; years: number } {
  let years = 0;
  while (addMonths(slot.opened, 12 * (years + 1)) <= r.nowDay) years++;
  const start = addMonths(slot.opened, 12 * years);
  return { start, end: addMonths(start, 12) - 1, years: years + 1 };
}

/** Premiums paid so far (including those before the generated history). */
function premiumsPaid(r: Reader, slot: PolicySlot): number {
  if (slot.payCycle === '1Y') return carPeriod(r, slot).years;
  let n = 0;
  for (let k = 1; ; k++) {
    const day = premiumDay(slot, k);
    if (day > r.nowDay || (day === r.nowDay && r.nowTs < day * SECONDS_PER_DAY + 8 * 3600)) break;
    if (premiumDue(slot, day)) n = k;
    else if (day > slot.payEndDay || (slot.lapseDay !== undefined && day >= slot.lapseDay)) break;
  }
  return n;
}

/** 보험-002 … 보험-012: policies, riders, car insurance, premiums, policy loans and coverages. */
export const INSU_READS: Readonly<Record<string, ApiReader>> = {
  '보험-002': snapshot((r, slot) => {
    if (!isPolicy(slot)) return undefined;
    return {
      body: {
        is_renewable: slot.renewable,
        issue_date: date(slot.opened),
        ...(slot.expDay !== undefined ? { exp_date: date(slot.expDay) } : {}),
        face_amt: krw(slot.faceAmt),
        currency_code: 'KRW',
        is_variable: slot.variable,
        is_universal: slot.universal,
        ...(slot.pension
          ? { pension_rcv_start_date: date(slot.pension.startDay), pension_rcv_cycle: slot.pension.cycle }
          : {}),
        is_loanable: slot.loanable,
        insured_list: slot.insured.map((i) => ({ insured_no: i.no, insured_name: i.name })),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '보험-003': snapshot((r, slot, request) => {
    if (!isPolicy(slot)) return undefined;
    const k = slot.insured.findIndex((i) => i.no === request['insured_no']);
    const riders = ridersOf(slot)[k];
    if (k < 0 || !riders) return undefined;
    const status = insuStatus(statusOn(slot, r.nowDay));
    return {
      body: {
        contract_list: riders.map((rd) => ({
          contract_name: rd.name,
          contract_status: status,
          ...(rd.expDay !== undefined ? { contract_exp_date: date(rd.expDay) } : {}),
          contract_face_amt: krw(rd.faceAmt),
          currency_code: 'KRW',
          is_required: rd.required,
        })),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '보험-004': snapshot((r, slot) => {
    if (!isPolicy(slot) || !slot.car) return undefined;
    const { start, end } = carPeriod(r, slot);
    const car = slot.car;
    return {
      body: {
        car_insu_list: [
          {
            car_number: car.number,
            car_insu_type: '01',
            car_name: car.name,
            start_date: date(start),
            end_date: date(end),
            contract_age: car.age,
            contract_driver: car.driver,
            own_dmg_coverage: car.ownDamage,
            self_pay_rate: car.selfPayRate,
            self_pay_amt: krw(car.selfPayAmt),
          },
        ],
      },
      changedAt: start * SECONDS_PER_DAY,
    };
  }),
  '보험-005': snapshot((r, slot) => {
    if (!isPolicy(slot)) return undefined;
    const car = slot.payCycle === '1Y';
    const period = car ? carPeriod(r, slot) : undefined;
    const paid = premiumsPaid(r, slot);
    return {
      body: {
        pay_due: car ? '01' : '02',
        pay_cycle: slot.payCycle,
        pay_cnt: paid,
        pay_org_code: payOrg(r, slot.payVia),
        ...(car ? {} : { pay_date: String(slot.payDom).padStart(2, '0'), pay_end_date: date(slot.payEndDay) }),
        pay_amt: krw(period ? carPremium(slot, period.start, r.world.seed) : slot.premium),
        currency_code: 'KRW',
        is_auto_pay: true,
      },
      changedAt: latestPremiumTs(r, slot),
    };
  }),
  '보험-006': series((r, slot, request) => {
    if (!isPolicy(slot)) return undefined;
    if (slot.car) return [];
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.premiums[slot.idx], from, to)
      .map((tx) => ({
        trans_date: date(dayOfTs(tx.ts)),
        trans_applied_month: month(tx.appliedMi),
        trans_no: String(tx.no),
        paid_amt: krw(tx.amt),
        currency_code: 'KRW',
        pay_method: tx.method,
      }));
  }),
  '보험-007': series((r, slot, request) => {
    if (!isPolicy(slot) || !slot.car || request['car_number'] !== slot.car.number) return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.premiums[slot.idx], from, to)
      .map((tx) => ({
        trans_date: date(dayOfTs(tx.ts)),
        trans_no: String(tx.no),
        face_amt: krw(tx.amt),
        paid_amt: krw(tx.amt),
        pay_method: tx.method,
      }));
  }),
  '보험-009': snapshot((r, slot) => {
    if (!isLoanSlot(slot) || slot.kind !== 'policyLoan') return undefined;
    const policy = r.slot(slot.policy);
    return {
      body: {
        loan_start_date: date(slot.terms.startDay),
        loan_exp_date: loanExpDate(slot),
        repay_method: repayMethod(slot),
        ...(policy.kind === 'policy' ? { insu_num: policy.insuNum } : {}),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '보험-010': snapshot((r, slot) => {
    if (!isLoanSlot(slot) || slot.kind !== 'policyLoan') return undefined;
    return { body: loanDetailBody(r, slot), changedAt: loanChangedAt(r, slot) };
  }),
  '보험-011': series((r, slot, request) => {
    if (!isLoanSlot(slot) || slot.kind !== 'policyLoan') return undefined;
    const [from, to] = r.dateRange(request);
    return loanTransactions(r, slot, from, to).map((tx) => {
      const row = bankStyleLoanRow(tx);
      return {
        trans_no: row['trans_no'],
        trans_dtime: row['trans_dtime'],
        currency_code: 'KRW',
        loan_paid_amt: row['principal_amt'],
        int_paid_amt: row['int_amt'],
        int_list: row['int_list'],
      };
    });
  }),
  '보험-012': snapshot((r, slot) => {
    if (!isPolicy(slot)) return undefined;
    return {
      body: {
        coverage_list: coveragesOf(slot).map((c) => ({
          insured_no: c.insuredNo,
          coverage_name: c.name,
          coverage_amt: krw(c.amt),
          currency_code: 'KRW',
        })),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
};

function latestPremiumTs(r: Reader, slot: PolicySlot): number {
  const recent = r.collect((b) => b.premiums[slot.idx], monthStartTs(r.nowMi - 13), r.nowTs);
  return latest(recent, r.listChangedTs(slot));
}

function monthStartTs(mi: number): number {
  return firstDayOfMonth(mi) * SECONDS_PER_DAY;
}
