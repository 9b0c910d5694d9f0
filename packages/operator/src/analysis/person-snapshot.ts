import {
  type CardBill,
  type CarPolicy,
  type CashAdvance,
  type DepositHolding,
  type Failure,
  type Holding,
  type HoldingPast,
  type InstallmentLine,
  type Known,
  known,
  type LoanInfo,
  type LoanKind,
  type PensionPot,
  type Position,
  type RevolvingInfo,
  type TaxAccount,
  type TelecomMonth,
  toKrw,
  unknown,
} from '@hannun/analysis';
import type { AssetRef, ModelRow } from '../model/collected-data.ts';
import { loose } from '../model/model-db.ts';
import type { OperatorDomain } from '../operator-domain.ts';
import { formatYmd, kstDate } from '../time/kst.ts';

/** Everything about a person's positions the services read, from the model (small tables only). */
export interface PersonSnapshot {
  readonly holdings: Holding[];
  readonly failures: Failure[];
  readonly loans: LoanInfo[];
  readonly revolving: RevolvingInfo[];
  readonly cashAdvances: CashAdvance[];
  readonly bills: CardBill[];
  readonly installments: InstallmentLine[];
  readonly telecom: TelecomMonth[];
  readonly deposits: DepositHolding[];
  readonly carPolicies: (CarPolicy & { carName: string | null })[];
  readonly pensionPots: PensionPot[];
  readonly positions: Position[];
  readonly taxAccounts: TaxAccount[];
  readonly policies: {
    institution: string;
    name: string | null;
    type: string | null;
    premium: number | null;
    cycle: string | null;
    expDate: string | null;
  }[];
  creditCards: number;
  /** Card fees from 카드-002 annual_fee and 카드-005 credit_fee_amt (12 months); unknown when not collected. */
  cardFees?: { annual: Known<number>; charged12Months: Known<number> };
  readonly institutions: string[];
  /** The list APIs the person's assets came from (which sectors are connected). */
  readonly listApis: string[];
  /** What the snapshot itself knows of holdings' pasts (a card loan's start); balances come from pastBalances. */
  readonly pasts: Map<string, HoldingPast>;
}

const NO_BALANCE = unknown<number>('NOT_COLLECTED', '잔액을 아직 받지 못했습니다', 'balance not collected yet');

function amount(v: unknown, currency: string | null): { krw: Known<number>; foreign?: Holding['foreign'] } {
  if (typeof v === 'number') return { krw: known(v) };
  if (typeof v === 'string' && v !== '') {
    const cur = currency && currency !== '' ? currency : 'KRW';
    const k = toKrw(v, cur);
    if (!k.known) return { krw: k };
    return {
      krw: known(k.value.krw),
      ...(cur !== 'KRW' ? { foreign: { amount: v, currency: cur, rate: k.value.rate } } : {}),
    };
  }
  return { krw: NO_BALANCE };
}

const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function loanKind(a: AssetRef): LoanKind {
  switch (a.listApi) {
    case '은행-001':
      return (
        (
          {
            '3001': 'credit',
            '3002': 'secured',
            '3003': 'mortgage',
            '3004': 'jeonse',
            '3005': 'overdraft',
            '3006': 'secured',
          } as Record<string, LoanKind>
        )[a.typeCode ?? ''] ?? 'other'
      );
    case '보험-008':
      return 'policy';
    case '할부금융-001':
      return 'installment';
    case 'P2P-001':
      return 'p2p';
    case '채권-001':
      return 'bond';
    default:
      return 'other';
  }
}

/**
 * Reads a person's positions from the model: balances of deposits, funds, securities, pensions, e-money;
 * loans, card loans, revolving and bills; insurance and cars; telecom bills. Each asset without its balance yet
 * is "unknown" (never zero), and each institution whose last collection failed is a failure with its reason.
 */
export async function readSnapshot(
  domain: OperatorDomain,
  personId: string,
  name: (orgCode: string) => string,
): Promise<PersonSnapshot> {
  const { data } = domain;
  const assets = await data.assets(personId);
  const byAsset = (rows: ModelRow[]) => {
    const m = new Map<string, ModelRow[]>();
    for (const r of rows) if (r.assetId) m.set(r.assetId, [...(m.get(r.assetId) ?? []), r]);
    return m;
  };
  const read = (t: string, limit = 1000) => data.rows(personId, t, { limit });
  const [
    depositBal,
    deposits,
    fundVal,
    loanBal,
    loanInfo,
    loanTx,
    holdings,
    investAcc,
    pensions,
    irps,
    emoney,
    prepaid,
    bonds,
    cardLoans,
    revolving,
    bills,
    telecomBills,
    telecomTx,
    insurance,
    cars,
    insuPay,
    cards,
  ] = await Promise.all([
    read('op_m_deposit_balance'),
    read('op_m_deposit'),
    read('op_m_fund_value'),
    read('op_m_loan_balance'),
    read('op_m_loan'),
    read('op_m_loan_tx', 200),
    read('op_m_holding'),
    read('op_m_invest_account'),
    read('op_m_pension'),
    read('op_m_irp'),
    read('op_m_emoney_balance'),
    read('op_m_prepaid_balance'),
    read('op_m_bond'),
    read('op_m_card_loan'),
    read('op_m_card_revolving'),
    read('op_m_card_bill', 60),
    read('op_m_telecom_bill', 60),
    read('op_m_telecom_tx', 60),
    read('op_m_insurance'),
    read('op_m_car_insurance'),
    read('op_m_insu_payment'),
    read('op_m_card'),
  ]);
  const bal = byAsset(depositBal);
  const dep = byAsset(deposits);
  const fund = byAsset(fundVal);
  const lb = byAsset(loanBal);
  const li = byAsset(loanInfo);
  const hold = byAsset(holdings);
  const inv = byAsset(investAcc);
  const pen = byAsset(pensions);
  const irp = byAsset(irps);
  const em = byAsset(emoney);
  const pp = byAsset(prepaid);
  const bd = byAsset(bonds);
  const ins = byAsset(insurance);
  const pay = byAsset(insuPay);
  const carByAsset = byAsset(cars);
  const cardRows = byAsset(cards);

  // The person's own IRP contributions this calendar year (IRP-004 trans_type 01; 02 is the employer's): the
  // tax-credit room. PROVISIONAL codes, as the standard's field dictionary reads them.
  const year = formatYmd(kstDate(domain.clock.nowMs())).slice(0, 4);
  const irpRows = await loose(domain.store.db)
    .selectFrom('op_m_irp_tx')
    .select(['asset_id', 'trans_amt'])
    .where('person_id', '=', personId)
    .where('trans_type', '=', '01')
    .where('trans_dtime', '>=', `${year}0101000000`)
    .execute();
  const irpPaid = new Map<string, number>();
  for (const r of irpRows)
    irpPaid.set(String(r.asset_id), (irpPaid.get(String(r.asset_id)) ?? 0) + Number(r.trans_amt ?? 0));
  const out: PersonSnapshot = {
    holdings: [],
    failures: [],
    loans: [],
    revolving: [],
    cashAdvances: [],
    bills: [],
    installments: [],
    telecom: [],
    deposits: [],
    carPolicies: [],
    pensionPots: [],
    positions: [],
    taxAccounts: [],
    policies: [],
    creditCards: 0,
    institutions: [...new Set(assets.map((a) => a.orgCode))],
    listApis: [...new Set(assets.map((a) => a.listApi))],
    pasts: new Map(),
  };
  const push = (a: AssetRef, o: Omit<Holding, 'id' | 'orgCode' | 'institution' | 'name'> & { name?: string | null }) =>
    out.holdings.push({ id: a.id, orgCode: a.orgCode, institution: name(a.orgCode), name: o.name ?? a.name, ...o });

  // Closed or ended assets (a 해지 account; a product the provider answered 40305 for: its state allows no
  // query) hold nothing to show: left out, not unknown.
  const ended = await domain.store.db
    .selectFrom('op_collect_step')
    .select('step_key')
    .where('person_id', '=', personId)
    .where('rsp_code', '=', '40305')
    .execute();
  const closed = new Set(ended.map((e) => e.step_key.slice(e.step_key.indexOf('|') + 1)));
  let cardCount = 0;
  let annualMissing = 0;
  let annualFees = 0;
  for (const a of assets) {
    const type = a.typeCode ?? '';
    if (closed.has(a.id) || (a.listApi === '은행-001' && a.statusCode === '03')) continue;
    if (a.listApi === '은행-001' && (type.startsWith('1') || type === '3005')) {
      const rows = bal.get(a.id) ?? [];
      const rate = str(rows[0]?.values.offered_rate);
      const kind = type === '1002' ? 'deposit' : type === '1003' ? 'savings' : 'demand';
      if (rows.length === 0) push(a, { sector: 'deposits', kind, side: 'asset', amount: NO_BALANCE });
      for (const r of rows) {
        const m = amount(r.values.balance_amt, str(r.values.currency_code));
        const value = m.krw.known && m.krw.value < 0 ? known(0) : m.krw;
        push(a, {
          sector: 'deposits',
          kind,
          side: 'asset',
          amount: value,
          rate,
          ...(m.foreign ? { foreign: m.foreign } : {}),
        });
        if (m.krw.known && m.krw.value < 0)
          push(a, { sector: 'loans', kind: 'overdraft', side: 'liability', amount: known(-m.krw.value) });
        if (m.krw.known)
          out.deposits.push({
            institution: name(a.orgCode),
            name: a.name,
            kind: kind as DepositHolding['kind'],
            balance: Math.max(0, m.krw.value),
            rate: num(rate),
          });
      }
      void dep;
    } else if (a.listApi === '은행-001' && type.startsWith('2')) {
      const v = fund.get(a.id)?.[0];
      const m = v
        ? amount(v.values.eval_amt ?? v.values.balance_amt, str(v.values.currency_code))
        : { krw: NO_BALANCE };
      push(a, {
        sector: 'investments',
        kind: type === '2003' ? 'isa' : 'fund',
        side: 'asset',
        amount: m.krw,
        ...(m.foreign ? { foreign: m.foreign } : {}),
      });
      if (m.krw.known)
        out.positions.push({ institution: name(a.orgCode), name: a.name ?? '펀드', value: m.krw.value, kind: 'fund' });
      if (type === '2003') out.taxAccounts.push({ kind: 'isa', institution: name(a.orgCode), paidThisYear: null });
    } else if (['은행-001', '보험-008', '할부금융-001', 'P2P-001'].includes(a.listApi)) {
      const b = lb.get(a.id)?.[0];
      const info = li.get(a.id)?.[0];
      const m = b ? amount(b.values.balance_amt, str(b.values.currency_code)) : { krw: NO_BALANCE };
      push(a, {
        sector: 'loans',
        kind: 'loan',
        side: 'liability',
        amount: m.krw,
        rate: str(info?.values.last_offered_rate),
      });
      const last = loanTx.find((t) => t.assetId === a.id);
      out.loans.push({
        id: a.id,
        orgCode: a.orgCode,
        institution: name(a.orgCode),
        name: a.name,
        kind: loanKind(a),
        balance: m.krw,
        principal: num(b?.values.loan_principal),
        rate:
          num(info?.values.last_offered_rate) === null
            ? unknown('NO_RATE', '금리 정보가 없습니다', 'no rate collected')
            : known(num(info?.values.last_offered_rate)!),
        repayMethod: str(info?.values.repay_method),
        issueDate: str(info?.values.issue_date),
        expDate: str(info?.values.exp_date),
        nextRepayDate: str(b?.values.next_repay_date) ?? str(info?.values.next_repay_date),
        lastPayment: last ? (num(last.values.principal_amt) ?? 0) + (num(last.values.int_amt) ?? 0) : null,
      });
    } else if (a.listApi === '채권-001') {
      const b = bd.get(a.id)?.[0];
      const m = b ? amount(b.values.balance_amt, str(b.values.currency_code)) : { krw: NO_BALANCE };
      push(a, { sector: 'loans', kind: 'bond', side: 'liability', amount: m.krw });
      out.loans.push({
        id: a.id,
        orgCode: a.orgCode,
        institution: name(a.orgCode),
        name: a.name,
        kind: 'bond',
        balance: m.krw,
        rate: unknown('NO_RATE', '금리 정보가 없습니다', 'no rate'),
      });
    } else if (a.listApi === '금투-001') {
      const rows = hold.get(a.id) ?? [];
      const acc = inv.get(a.id)?.[0];
      const pension = type === '401' || pen.has(a.id);
      let total = 0;
      let ok = rows.length > 0 || acc !== undefined;
      for (const r of rows) {
        const m = amount(r.values.eval_amt, str(r.values.currency_code));
        if (!m.krw.known) {
          ok = false;
          continue;
        }
        total += m.krw.value;
        const pt = str(r.values.prod_type);
        out.positions.push({
          institution: name(a.orgCode),
          name: str(r.values.prod_name) ?? '상품',
          value: m.krw.value,
          kind: pt === '401' || pt === '402' ? 'stock' : pt === '403' ? 'fund' : pt === '404' ? 'bond' : 'other',
        });
      }
      const cash = num(acc?.values.withholdings_amt);
      if (cash !== null) total += cash;
      push(a, {
        sector: pension ? 'pensions' : 'investments',
        kind: pension ? 'pension' : 'securities',
        side: 'asset',
        amount: ok ? known(total) : NO_BALANCE,
      });
      if (pension) {
        out.pensionPots.push({
          institution: name(a.orgCode),
          kind: 'pension-savings',
          name: a.name,
          balance: total,
          monthly: null,
        });
        out.taxAccounts.push({ kind: 'pension-savings', institution: name(a.orgCode), paidThisYear: null });
      }
      if (type === '301') out.taxAccounts.push({ kind: 'isa', institution: name(a.orgCode), paidThisYear: null });
      const credit = num(acc?.values.credit_loan_amt);
      if (credit) push(a, { sector: 'loans', kind: 'margin-loan', side: 'liability', amount: known(credit) });
    } else if (a.listApi === 'IRP-001') {
      const v = irp.get(a.id)?.[0];
      const m = v ? amount(v.values.eval_amt ?? v.values.accum_amt, 'KRW') : { krw: NO_BALANCE };
      push(a, { sector: 'pensions', kind: 'irp', side: 'asset', amount: m.krw });
      if (m.krw.known)
        out.pensionPots.push({
          institution: name(a.orgCode),
          kind: 'irp',
          name: a.name,
          balance: m.krw.value,
          monthly: null,
        });
      out.taxAccounts.push({ kind: 'irp', institution: name(a.orgCode), paidThisYear: irpPaid.get(a.id) ?? 0 });
    } else if (a.listApi === '전금-001') {
      const v = em.get(a.id)?.[0];
      push(a, {
        sector: 'emoney',
        kind: 'emoney',
        side: 'asset',
        amount: v ? amount(v.values.total_balance_amt, 'KRW').krw : NO_BALANCE,
      });
    } else if (a.listApi === '선불-001') {
      const v = pp.get(a.id)?.[0];
      push(a, {
        sector: 'emoney',
        kind: 'prepaid',
        side: 'asset',
        amount: v ? amount(v.values.balance_amt, 'KRW').krw : NO_BALANCE,
      });
    } else if (a.listApi === '카드-001') {
      const info = cardRows.get(a.id)?.[0];
      if ((str(info?.values.card_type) ?? a.typeCode) === '01') out.creditCards++;
      cardCount++;
      const fee = num(info?.values.annual_fee);
      if (fee === null) annualMissing++;
      else annualFees += fee;
    } else if (a.listApi === '보험-001' || a.listApi === '보증보험-001') {
      const p = ins.get(a.id)?.[0];
      const pm = pay.get(a.id)?.[0];
      out.policies.push({
        institution: name(a.orgCode),
        name: a.name,
        type: a.typeCode,
        premium: num(pm?.values.pay_amt) ?? num(p?.values.pay_amt),
        cycle: str(pm?.values.pay_cycle),
        expDate: str(p?.values.exp_date),
      });
      for (const c of carByAsset.get(a.id) ?? []) {
        const end = str(c.values.end_date);
        if (end)
          out.carPolicies.push({
            institution: name(a.orgCode),
            carName: str(c.values.car_name),
            endDate: end,
            premium: num(pm?.values.pay_amt),
          });
      }
      if (a.typeCode === '07' && p)
        out.pensionPots.push({
          institution: name(a.orgCode),
          kind: 'pension-insurance',
          name: a.name,
          balance: 0,
          monthly: num(pm?.values.pay_amt),
        });
    }
  }
  for (const l of cardLoans) {
    const b = num(l.values.balance_amt) ?? 0;
    const short = l.values.term === 'short';
    const date = str(l.values.loan_dtime)?.slice(0, 8) ?? '';
    if (short)
      out.cashAdvances.push({
        orgCode: l.orgCode,
        institution: name(l.orgCode),
        date,
        amount: num(l.values.loan_amt) ?? 0,
        balance: b,
        rate: num(l.values.int_rate),
      });
    if (b > 0) {
      if (/^\d{8}$/.test(date)) out.pasts.set(l.id, { kind: 'since', date });
      out.holdings.push({
        id: l.id,
        orgCode: l.orgCode,
        institution: name(l.orgCode),
        sector: 'loans',
        kind: short ? 'cash-advance' : 'card-loan',
        side: 'liability',
        name: str(l.values.loan_name),
        amount: known(b),
        rate: str(l.values.int_rate),
      });
      out.loans.push({
        id: l.id,
        orgCode: l.orgCode,
        institution: name(l.orgCode),
        name: str(l.values.loan_name) ?? (short ? '현금서비스' : '카드론'),
        kind: short ? 'cash-advance' : 'card-loan',
        balance: known(b),
        principal: num(l.values.loan_amt),
        rate:
          num(l.values.int_rate) === null
            ? unknown('NO_RATE', '금리 정보가 없습니다', 'no rate')
            : known(num(l.values.int_rate)!),
        repayMethod: str(l.values.repay_method),
        expDate: str(l.values.exp_date),
        nextRepayDate: str(l.values.pay_due_date),
      });
    }
  }
  for (const r of revolving) {
    const remained = num(r.values.remained_amt) ?? 0;
    if (remained > 0) {
      out.revolving.push({
        orgCode: r.orgCode,
        institution: name(r.orgCode),
        remained,
        minPayRate: str(r.values.min_pay_rate),
      });
      out.holdings.push({
        id: r.id,
        orgCode: r.orgCode,
        institution: name(r.orgCode),
        sector: 'cards',
        kind: 'revolving',
        side: 'liability',
        name: '리볼빙',
        amount: known(remained),
      });
    }
  }
  for (const b of bills) {
    const bill: CardBill = {
      orgCode: b.orgCode,
      institution: name(b.orgCode),
      chargeMonth: String(b.values.charge_month ?? ''),
      seqno: str(b.values.seqno),
      amount: num(b.values.charge_amt) ?? 0,
      chargeDay: num(b.values.charge_day) ?? 1,
      paidOutDate: str(b.values.paid_out_date),
    };
    out.bills.push(bill);
    if (!bill.paidOutDate && bill.amount > 0) {
      out.holdings.push({
        id: b.id,
        orgCode: b.orgCode,
        institution: bill.institution,
        sector: 'cards',
        kind: 'card-bill',
        side: 'liability',
        name: `${bill.chargeMonth} 청구`,
        amount: known(bill.amount),
      });
    }
  }
  const paidByMonth = new Map<string, number>();
  for (const t of telecomTx)
    paidByMonth.set(
      String(t.values.trans_month),
      (paidByMonth.get(String(t.values.trans_month)) ?? 0) + (num(t.values.paid_amt) ?? 0),
    );
  const charged = new Map<string, number>();
  for (const b of telecomBills)
    charged.set(
      String(b.values.charge_month),
      (charged.get(String(b.values.charge_month)) ?? 0) + (num(b.values.charge_amt) ?? 0),
    );
  for (const [month, c] of [...charged].sort())
    out.telecom.push({ month, charged: c, paid: telecomTx.length > 0 ? (paidByMonth.get(month) ?? 0) : null });

  // Instalment lines of the bills' details (only the columns needed; no personal column is read).
  const lines = await loose(domain.store.db)
    .selectFrom('op_m_card_bill_detail')
    .select([
      'org_code',
      'charge_month',
      'merchant_name',
      'paid_amt',
      'total_install_cnt',
      'cur_install_cnt',
      'balance_amt',
    ])
    .where('person_id', '=', personId)
    .where('total_install_cnt', '>', 1)
    .orderBy('charge_month', 'desc')
    .limit(500)
    .execute();
  for (const l of lines) {
    out.installments.push({
      orgCode: String(l.org_code),
      institution: name(String(l.org_code)),
      merchant: String(l.merchant_name ?? ''),
      chargeMonth: String(l.charge_month),
      paid: Number(l.paid_amt ?? 0),
      total: Number(l.total_install_cnt),
      current: Number(l.cur_install_cnt ?? 1),
      balance: l.balance_amt === null ? null : Number(l.balance_amt),
    });
  }

  if (cardCount > 0) {
    // Fees and interest charged on bill lines (카드-005 credit_fee_amt) over the last 12 months.
    const since = formatYmd(kstDate(domain.clock.nowMs() - 365 * 86_400_000)).slice(0, 6);
    const fees = await loose(domain.store.db)
      .selectFrom('op_m_card_bill_detail')
      .select((eb) => [eb.fn.count('charge_month').as('n'), eb.fn.sum('credit_fee_amt').as('fees')])
      .where('person_id', '=', personId)
      .where('charge_month', '>=', since)
      .executeTakeFirst();
    out.cardFees = {
      annual:
        annualMissing > 0
          ? unknown(
              'NO_ANNUAL_FEE',
              '카드 기본정보(카드-002)의 연회비를 받지 못했습니다',
              'annual_fee not collected (카드-002)',
            )
          : known(annualFees),
      charged12Months:
        Number(fees?.n ?? 0) > 0
          ? known(Math.round(Number(fees?.fees ?? 0)))
          : unknown(
              'NO_BILL_DETAIL',
              '청구 상세(카드-005)를 받지 못해 할부·리볼빙 수수료를 알 수 없습니다',
              'no bill details collected (카드-005)',
            ),
    };
  }

  // Institutions whose latest collection failed: their data may be missing or old.
  const jobs = await domain.store.db
    .selectFrom('op_collect_job')
    .select(['org_code', 'status', 'failure_ko', 'failure_en', 'requested_at'])
    .where('person_id', '=', personId)
    .orderBy('requested_at', 'desc')
    .limit(500)
    .execute();
  const seen = new Set<string>();
  for (const j of jobs) {
    if (seen.has(j.org_code)) continue;
    seen.add(j.org_code);
    if (j.status === 'failed') {
      out.failures.push({
        orgCode: j.org_code,
        institution: name(j.org_code),
        reason: { ko: j.failure_ko ?? '수집에 실패했습니다', en: j.failure_en ?? 'collection failed' },
      });
    }
  }
  return out;
}
