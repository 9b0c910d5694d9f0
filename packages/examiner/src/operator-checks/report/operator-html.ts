import { html } from '@hannun/infra';
import { REPORT_STYLE } from '../../conformance/report/html-report.ts';
import { describeCall } from '../call-record.ts';
import type { OperatorReport } from './operator-report.ts';

const VERDICT_CLASS: Record<string, string> = { passed: 'passed', failed: 'failed', 'not-exercised': 'skipped' };

/** The report a person reads: the totals, each rule with the standard's reference and the offending calls, every call. */
export function operatorHtml(report: OperatorReport): string {
  const s = report.summary;
  const bySeq = new Map(report.calls.map((c) => [c.seq, c]));
  const rules = report.rules.map(
    (r) => html`<tr class="${VERDICT_CLASS[r.verdict] ?? ''}"><td><code>${r.id}</code></td>
<td>${r.title}<div class="muted">${r.reference}</div>
${
  r.offences.length > 0
    ? html`<details open><summary>${r.offences.length} offending calls</summary><ul>${r.offences.map((o) => {
        const call = bySeq.get(o.seq);
        return html`<li><code>${call ? describeCall(call) : `#${o.seq}`}</code>: ${o.reason}</li>`;
      })}</ul></details>`
    : ''
}</td><td>${r.considered}</td><td class="${VERDICT_CLASS[r.verdict] ?? ''}">${r.verdict}</td></tr>`,
  );
  const calls = report.calls.map(
    (
      c,
    ) => html`<tr><td>${c.seq}</td><td>${c.at}</td><td>${c.orgCode ?? ''}</td><td>${c.apiId ?? `${c.method} ${c.path}`}</td>
<td>${c.apiType ?? ''}</td><td>${c.period ? `${c.period.from}~${c.period.to}` : ''}</td><td>${c.person ?? ''} ${c.asset ?? ''}</td>
<td>${c.token?.jti ? `jti ${c.token.jti}` : ''}</td><td>${c.rspCode ?? c.oauthError ?? c.status}</td>
<td>${Math.max(0, Math.round(c.endedAt - c.startedAt))} ms</td></tr>`,
  );
  return html`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>hannun operator-check: ${s.passed} passed, ${s.failed} failed</title>
<style>${REPORT_STYLE}</style></head><body>
<h1>마이데이터사업자 점검 / Operator checks</h1>
<p class="totals"><span class="passed">${s.passed} passed</span>, <span class="${s.failed ? 'failed' : 'passed'}">${s.failed} failed</span>,
<span class="skipped">${s.notExercised} not exercised</span> — ${s.calls} calls recorded</p>
<p class="muted">${report.standard}. Recorded ${report.run.startedAt} – ${report.run.endedAt} at ${report.run.url}, test person ${report.run.testPerson}.
Tokens, CIs and asset numbers are never shown: tokens by their jti, people and assets by keyed hashes.</p>
<h2>Rules</h2><table><tr><th>rule</th><th>what, and where the standard says it</th><th>calls considered</th><th>verdict</th></tr>${rules}</table>
<h2>Calls</h2><table><tr><th>#</th><th>provider time</th><th>institution</th><th>API</th><th>x-api-type</th><th>period</th><th>person / asset</th><th>token</th><th>answer</th><th>took</th></tr>${calls}</table>
<p class="totals">${s.passed} passed, ${s.failed} failed</p></body></html>`.toString();
}
