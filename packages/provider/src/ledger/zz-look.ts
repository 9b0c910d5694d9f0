import { NOW, period, plan, sampleLedger, book } from './testing/sample-ledger.ts';
const ledger = sampleLedger(24);
const ci = [...book(ledger, 'BKNURI0001').customers()][0]!;
for (const [org, b] of ledger) {
  const cb = b.customer(plan(ledger, [...ledger.values()].flatMap((x) => [...x.customers()])[2]!).ci);
  void cb;
  void org;
}
const p = plan(ledger, [...new Set([...ledger.values()].flatMap((x) => [...x.customers()]))][2]!);
console.log(p.person.name, p.persona.segment, p.persona.income, p.persona.payer);
const main = p.slots[p.persona.main] as any;
const cb = book(ledger, main.org).customer(p.ci)!;
const h = cb.holdings('은행-001', NOW).find((x) => x.key['account_num'] === main.accountNum)!;
for (const t of cb.series('은행-004', h, { request: period('2026-02-01', '2026-02-28'), now: NOW }).slice(0, 40))
  console.log(
    String(t['trans_dtime']),
    t['trans_class'],
    t['trans_memo'],
    String(t['trans_amt']),
    String(t['balance_amt']),
  );
const card = p.slots.find((s) => s.kind === 'card') as any;
const ccb = book(ledger, card.org).customer(p.ci)!;
const ch = ccb.holdings('카드-001', NOW).find((x) => x.key['card_id'] === card.cardId)!;
console.log(ch.listItem);
for (const a of ccb.series('카드-008', ch, { request: period('2026-02-01', '2026-02-28'), now: NOW }).slice(0, 15))
  console.log(
    String(a['approved_dtime']),
    a['status'],
    a['merchant_name'],
    a['merchant_regno'],
    String(a['approved_amt']),
    a['total_install_cnt'] ?? '',
  );
for (const l of ccb
  .series('카드-005', null, { request: { charge_month: NOW.toPlainDate().toPlainYearMonth() }, now: NOW })
  .slice(0, 12))
  console.log(
    l['prod_type'],
    String(l['paid_dtime']),
    l['merchant_name'],
    String(l['paid_amt']),
    String(l['credit_fee_amt']),
    l['cur_install_cnt'] ?? '',
    l['total_install_cnt'] ?? '',
  );
console.log(
  ccb
    .series('카드-004', null, { request: period('2025-10-01', '2026-03-15'), now: NOW })
    .map((b) => `${b['charge_month']} ${b['charge_amt']} ${b['paid_out_date']}`),
);
