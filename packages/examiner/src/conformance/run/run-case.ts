import { findApi } from '@hannun/spec';
import type { CaseResult, ConformanceCase, Exchange, ProbeRequest } from '../case-types.ts';
import type { ConformanceTarget } from '../target.ts';
import { bodyOf, rspCodeOf, send, TokenUnavailable } from './http-client.ts';
import { judgeAnswer } from './judge.ts';

const MAX_WALK_PAGES = 200;

/** Run one case against its target: setup steps, the probe (every page of a walk), the verdict. */
export async function runCase(c: ConformanceCase, target: ConformanceTarget): Promise<CaseResult> {
  if (c.skip) return { case: c, verdict: 'skipped', problems: [c.skip], setup: [], exchanges: [] };
  const setup: Exchange[] = [];
  const exchanges: Exchange[] = [];
  try {
    let lastTranId: string | undefined;
    for (const step of c.setup ?? []) {
      const request = typeof step.request === 'function' ? step.request(setup) : step.request;
      const sent = await send(target, request);
      setup.push(sent.exchange);
      lastTranId = sent.tranId;
      if (step.acceptStatus !== undefined) {
        const status = sent.exchange.response?.status;
        const error = bodyOf(sent.exchange)['error'];
        if (status !== step.acceptStatus || error !== undefined) {
          const got = typeof error === 'string' ? error : (sent.exchange.error ?? `HTTP ${status ?? '?'}`);
          return failed(c, [`setup: expected HTTP ${step.acceptStatus}, got ${got}`], setup, exchanges);
        }
        continue;
      }
      const code = rspCodeOf(sent.exchange);
      if (code === undefined || !step.accept.includes(code as never)) {
        const got = code ?? sent.exchange.error ?? `HTTP ${sent.exchange.response?.status ?? '?'}`;
        return failed(c, [`setup: expected ${step.accept.join(' or ')}, got ${got}`], setup, exchanges);
      }
    }
    const expect = c.expectAfter ? c.expectAfter(setup) : c.expect;
    let probe: ProbeRequest = typeof c.probe === 'function' ? c.probe(setup) : c.probe;
    const api = findApi(c.apiId);
    const problems: string[] = [];
    for (let page = 0; page < (c.walk ? MAX_WALK_PAGES : 1); page++) {
      const sent = await send(target, probe, lastTranId !== undefined ? { repeatTranId: lastTranId } : {});
      exchanges.push(sent.exchange);
      const own = judgeAnswer(sent.exchange, expect, api);
      problems.push(...own.map((p) => (c.walk ? `page ${page + 1}: ${p}` : p)));
      if (!c.walk || own.length > 0) break;
      const next = bodyOf(sent.exchange)['next_page'];
      if (typeof next !== 'string' || next === '') break;
      if (page === MAX_WALK_PAGES - 1) problems.push(`still a next_page after ${MAX_WALK_PAGES} pages`);
      probe = { ...probe, fields: { ...probe.fields, next_page: next } };
    }
    if (problems.length === 0 && c.check) problems.push(...c.check(exchanges, setup));
    const first = exchanges[0];
    const actual = first ? (rspCodeOf(first) ?? oauthErrorOf(first)) : undefined;
    return {
      case: c,
      verdict: problems.length === 0 ? 'passed' : 'failed',
      problems,
      setup,
      exchanges,
      ...(actual ? { actual } : {}),
      ...(first?.response ? { status: first.response.status } : {}),
    };
  } catch (error) {
    if (error instanceof TokenUnavailable) {
      return { case: c, verdict: 'skipped', problems: [error.message], setup, exchanges };
    }
    throw error;
  }
}

function failed(c: ConformanceCase, problems: string[], setup: Exchange[], exchanges: Exchange[]): CaseResult {
  return { case: c, verdict: 'failed', problems, setup, exchanges };
}

/** The `error` of an OAuth answer, if any. */
function oauthErrorOf(exchange: Exchange): string | undefined {
  const error = bodyOf(exchange)['error'];
  return typeof error === 'string' ? error : undefined;
}
