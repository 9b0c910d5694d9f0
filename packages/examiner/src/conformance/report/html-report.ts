import { html, type SafeHtml } from '@hannun/infra';
import { INDUSTRIES, type Industry } from '@hannun/spec';
import type { Exchange } from '../case-types.ts';
import { closingLine } from '../run/summary.ts';
import type { CaseRow, JsonReport } from './json-report.ts';

const MAX_BODY = 1500;

/** The reports' style sheet (the operator checks' report uses it too). */
export const REPORT_STYLE = `
body{font:14px/1.45 system-ui,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;margin:2rem;color:#1d2330}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{margin-top:2.2rem;border-bottom:2px solid #dfe3ea}h3{margin:1.4rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border:1px solid #dfe3ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f6fa}.passed{color:#176b35}.failed{color:#b3261e;font-weight:600}.skipped{color:#7a6a00}
tr.failed td{background:#fdf0ef}.prov{display:inline-block;font-size:.75rem;background:#eef1ff;color:#3040a0;border-radius:3px;padding:0 .3rem;margin-left:.3rem}
pre{white-space:pre-wrap;word-break:break-all;background:#f7f8fa;padding:.4rem;margin:.2rem 0;max-height:20rem;overflow:auto}
.totals{font-size:1.2rem}.muted{color:#5a6270}summary{cursor:pointer}`;

function body(exchange: Exchange): string {
  const res = exchange.response;
  if (!res) return exchange.error ?? '';
  const text = res.json !== undefined ? JSON.stringify(res.json, null, 1) : (res.text ?? '');
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length} characters)` : text;
}

function exchangeView(e: Exchange, label: string): SafeHtml {
  const req = e.request;
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return html`<div><strong>${label}</strong> <span class="muted">${Math.round(e.ms)} ms</span>
<pre>${req.method} ${req.url}\n${headers}${req.body !== undefined ? `\n\n${req.body.slice(0, MAX_BODY)}` : ''}</pre>
<pre>${e.response ? `HTTP ${e.response.status}  x-api-tran-id: ${e.response.headers['x-api-tran-id'] ?? '—'}\n` : ''}${body(e)}</pre></div>`;
}

function caseView(row: CaseRow): SafeHtml {
  const actual = row.actual ? `${row.actual.rspCode ?? '—'} (HTTP ${row.actual.http ?? '—'})` : '—';
  const expected = `${row.expected.rspCodes.join(' or ')} (HTTP ${row.expected.http.join('/')})`;
  return html`<tr class="${row.verdict}">
<td><code>${row.id.split(' ').slice(-1)[0]}</code></td>
<td>${row.title}${row.provisional ? html`<span class="prov" title="${row.provisional}">provisional</span>` : ''}
${row.problems.length > 0 ? html`<div class="${row.verdict}">${row.problems.join('; ')}</div>` : ''}
${
  row.setup.length + row.exchanges.length > 0
    ? html`<details${row.verdict === 'failed' ? html` open` : ''}><summary>request and response</summary>
${row.setup.map((e, i) => exchangeView(e, `setup ${i + 1}`))}${row.exchanges.map((e, i) => exchangeView(e, row.exchanges.length > 1 ? `page ${i + 1}` : 'probe'))}
${row.provisional ? html`<p class="muted">Provisional: ${row.provisional}</p>` : ''}</details>`
    : ''
}</td>
<td>${expected}</td><td>${actual}</td><td class="${row.verdict}">${row.verdict}</td></tr>`;
}

function group<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The report a person reads: the summary first (totals, per industry, per category, the targets and what
 * discovery found), then one section per industry and institution, one table per API, one row per case
 * with its request, response, expected and actual result. Every value goes through `html`, so it is escaped.
 */
export function htmlReport(report: JsonReport): string {
  const s = report.summary;
  const tallyRows = (
    map: Readonly<Record<string, { passed: number; failed: number; skipped: number }>>,
    name: (k: string) => string,
  ) =>
    Object.entries(map).map(
      ([k, t]) =>
        html`<tr><td>${name(k)}</td><td class="passed">${t.passed}</td><td class="${t.failed ? 'failed' : ''}">${t.failed}</td><td class="skipped">${t.skipped}</td></tr>`,
    );
  const industryName = (k: string) => `${INDUSTRIES[k as Industry]?.ko ?? k} (${k})`;
  const sections = [...group(report.cases, (c) => c.industry)].map(
    ([industry, rows]) => html`<h2 id="${industry}">${industryName(industry)}</h2>
${[...group(rows, (r) => r.id.split(' ')[0]!)].map(
  ([target, byTarget]) => html`<h3>${target}</h3>
${[...group(byTarget, (r) => r.apiId)].map(([apiId, cases]) => {
  const failed = cases.filter((c) => c.verdict === 'failed').length;
  return html`<details${failed ? html` open` : ''}><summary><strong>${apiId}</strong> — ${cases.length} cases,
<span class="${failed ? 'failed' : 'passed'}">${failed} failed</span></summary>
<table><tr><th>case</th><th>what</th><th>expected</th><th>actual</th><th>verdict</th></tr>${cases.map(caseView)}</table></details>`;
})}`,
)}`,
  );
  const page = html`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>hannun conformance: ${closingLine(s)}</title>
<style>${REPORT_STYLE}</style></head><body>
<h1>기능적합성 점검 / Conformance report</h1>
<p class="totals"><span class="passed">${s.passed} passed</span>, <span class="${s.failed ? 'failed' : 'passed'}">${s.failed} failed</span>,
<span class="skipped">${s.skipped} skipped</span> — ${s.executed} executed, ${s.provisional} with a provisional expectation, ${s.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s</p>
<p class="muted">${report.standard}. Started ${report.startedAt}. Tokens are never shown: requests name which token they carried.</p>
<table><tr><th>industry</th><th>passed</th><th>failed</th><th>skipped</th></tr>${tallyRows(s.byIndustry, industryName)}</table>
<table><tr><th>category</th><th>passed</th><th>failed</th><th>skipped</th></tr>${tallyRows(s.byCategory, (k) => k)}</table>
<h2>Targets</h2><table><tr><th>institution</th><th>base URL</th><th>listed assets</th><th>discovery problems</th></tr>
${report.targets.map(
  (t) => html`<tr><td>${t.orgCode}${t.label ? `/${t.label}` : ''} (${t.industry})</td><td>${t.baseUrl}</td>
<td>${Object.entries(t.listed)
    .map(([api, n]) => `${api}: ${n}`)
    .join(', ')}</td><td class="${t.problems.length ? 'failed' : ''}">${t.problems.join('; ')}</td></tr>`,
)}</table>
${sections}
<p class="totals">${closingLine(s)}</p></body></html>`;
  return page.toString();
}
