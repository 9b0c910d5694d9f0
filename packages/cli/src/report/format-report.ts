/** The parts of GET /api/analysis/summary the report prints (the operator's JSON, read loosely). */
export interface Known {
  readonly known: boolean;
  readonly value?: number;
  readonly reason?: { readonly ko: string; readonly en: string };
}

export interface SummaryJson {
  readonly today: string;
  readonly netWorth: {
    readonly assets: Known;
    readonly liabilities: Known;
    readonly net: Known;
    readonly knownAssets: number;
    readonly knownLiabilities: number;
    readonly bySector: readonly {
      sector: string;
      ko: string;
      assets: Known;
      liabilities: Known;
      knownAssets: number;
      knownLiabilities: number;
    }[];
    readonly fx: readonly { currency: string; rate: string; asOf: string }[];
    readonly unknowns: readonly { item: string; reason: { ko: string; en: string } }[];
    /** Points over time (recorded days, and past month-ends reconstructed with their coverage). */
    readonly history?: readonly {
      date: string;
      net: number;
      complete: boolean;
      source?: 'recorded' | 'reconstructed';
      sectors?: readonly { ko: string; coverage: 'reconstructed' | 'held' | 'unknown' }[];
    }[];
  };
  readonly insurance?: readonly {
    institution: string;
    name: string | null;
    premium: number | null;
    cycle: string | null;
  }[];
  readonly telecom?: { month: string; charged: number; paid: number | null } | null;
  readonly spending: {
    readonly month: string;
    readonly total: number;
    readonly categories: readonly { ko: string; amount: number; share: number }[];
  };
  readonly recurring: readonly {
    name: string;
    ko: string;
    amount: number;
    cadence: string;
    day: number | null;
    subscription: boolean;
  }[];
  readonly credit: {
    readonly debt: Known;
    readonly dsr: { readonly ratio: Known; readonly explanation: { ko: string; en: string } };
    readonly signals: readonly { text: { ko: string; en: string } }[];
    readonly topTip: { text: { ko: string }; change: { ko: string } } | null;
  };
  readonly recommendations: readonly { name: string; provider: string; reason: { ko: string; en: string } }[];
}

const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;
const knownWon = (k: Known, floor?: number) =>
  k.known
    ? won(k.value ?? 0)
    : `알 수 없음 / unknown${floor !== undefined && floor > 0 ? ` (확인된 부분 ${won(floor)})` : ''}: ${k.reason?.ko ?? ''}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The one-glance report as text: net worth by sector, this month's spending, recurring payments, credit, recommendations. */
export function formatReport(login: string, s: SummaryJson): string {
  const lines: string[] = [];
  const h = (ko: string, en: string) => lines.push('', `■ ${ko} / ${en}`);
  lines.push(
    `한눈 리포트 / Hannun report — ${login} (${s.today.slice(0, 4)}-${s.today.slice(4, 6)}-${s.today.slice(6, 8)})`,
  );
  h('순자산', 'Net worth');
  lines.push(`  자산 Assets       ${knownWon(s.netWorth.assets, s.netWorth.knownAssets)}`);
  lines.push(`  부채 Liabilities  ${knownWon(s.netWorth.liabilities, s.netWorth.knownLiabilities)}`);
  lines.push(`  순자산 Net        ${knownWon(s.netWorth.net)}`);
  for (const sec of s.netWorth.bySector) {
    const parts = [];
    if (sec.knownAssets > 0 || !sec.assets.known)
      parts.push(`자산 ${sec.assets.known ? won(sec.assets.value ?? 0) : '알 수 없음'}`);
    if (sec.knownLiabilities > 0 || !sec.liabilities.known)
      parts.push(`부채 ${sec.liabilities.known ? won(sec.liabilities.value ?? 0) : '알 수 없음'}`);
    lines.push(`    · ${sec.ko.padEnd(10)} ${parts.join(', ')}`);
  }
  for (const f of s.netWorth.fx) lines.push(`    환율 FX: 1 ${f.currency} = ${f.rate}원 (${f.asOf}, 잠정 provisional)`);
  for (const u of s.netWorth.unknowns.slice(0, 5)) lines.push(`    ? ${u.item}: ${u.reason.ko}`);
  if (s.netWorth.unknowns.length > 5) lines.push(`    … 외 ${s.netWorth.unknowns.length - 5}건`);
  const history = s.netWorth.history ?? [];
  const first = history[0];
  const last = history.at(-1);
  if (first && last && first !== last) {
    const d = (x: string) => `${x.slice(0, 4)}-${x.slice(4, 6)}-${x.slice(6, 8)}`;
    lines.push(`  추이 Trend  ${d(first.date)} ${won(first.net)} → ${d(last.date)} ${won(last.net)}`);
    const rebuilt = history.filter((p) => p.source === 'reconstructed');
    if (rebuilt.length > 0) {
      const of = (c: string) => [
        ...new Set(rebuilt.flatMap((p) => (p.sectors ?? []).filter((x) => x.coverage === c).map((x) => x.ko))),
      ];
      const held = of('held');
      const unknown = of('unknown');
      lines.push(
        `    월말 ${rebuilt.length}개는 거래내역으로 추정 / ${rebuilt.length} month-ends rebuilt from history` +
          (held.length ? `; 현재값 유지 held at today: ${held.join(', ')}` : '') +
          (unknown.length ? `; 일부 알 수 없음(제외) partly unknown: ${unknown.join(', ')}` : ''),
      );
    }
  }
  if ((s.insurance?.length ?? 0) > 0 || s.telecom) {
    h('보험·통신', 'Insurance and telecom');
    for (const p of (s.insurance ?? []).slice(0, 6))
      lines.push(`    · ${p.institution} ${p.name ?? '보험'}${p.premium !== null ? ` 보험료 ${won(p.premium)}` : ''}`);
    if (s.telecom)
      lines.push(
        `    · 통신요금 ${s.telecom.month.slice(0, 4)}-${s.telecom.month.slice(4)} 청구 ${won(s.telecom.charged)}, ` +
          (s.telecom.paid === null ? '납부 내역 알 수 없음' : `납부 ${won(s.telecom.paid)}`),
      );
  }
  h(`이번 달 지출 (${s.spending.month})`, "This month's spending");
  lines.push(`  합계 Total ${won(s.spending.total)}`);
  for (const c of s.spending.categories.slice(0, 10))
    lines.push(`    · ${c.ko.padEnd(10)} ${won(c.amount).padStart(14)}  ${pct(c.share)}`);
  if (s.spending.categories.length === 0) lines.push('    (지출 내역 없음 / none yet)');
  h('정기 결제', 'Recurring payments');
  for (const r of s.recurring.slice(0, 10)) {
    const when = r.cadence === 'monthly' ? `매달 ${r.day}일` : '매주';
    lines.push(`    · ${r.name} (${r.ko}${r.subscription ? ', 구독' : ''}) ${won(r.amount)} ${when}`);
  }
  if (s.recurring.length === 0) lines.push('    (찾지 못함 / none found)');
  h('신용', 'Credit');
  lines.push(`  부채 Debt  ${knownWon(s.credit.debt)}`);
  lines.push(`  DSR        ${s.credit.dsr.explanation.ko}`);
  for (const sig of s.credit.signals) lines.push(`    ! ${sig.text.ko}`);
  if (s.credit.topTip) lines.push(`    → ${s.credit.topTip.text.ko} ${s.credit.topTip.change.ko}`);
  h('추천', 'Recommendations');
  for (const r of s.recommendations) lines.push(`    · ${r.provider} ${r.name}`, `      이유: ${r.reason.ko}`);
  if (s.recommendations.length === 0)
    lines.push('    (지금 추천할 상품이 없습니다: 이유 없는 추천은 하지 않습니다 / none with a reason)');
  return `${lines.join('\n')}\n`;
}
