import {
  type ApiSpec,
  COMMON_FIELDS,
  decodeMessage,
  isRspCode,
  isOAuthErrorCode,
  OAUTH_ERRORS,
  RSP_CODES,
  type Shape,
  type ShapeNode,
  vocabulary,
  WireError,
} from '@hannun/spec';
import type { Exchange, Expectation } from '../case-types.ts';
import { rspCodeOf } from './http-client.ts';

const { req } = vocabulary(COMMON_FIELDS);
const HANGUL = /[가-힣]/;

/**
 * What is wrong with one answer, by the standard: the rsp_code is one expected, the HTTP status is its
 * code's, rsp_msg is there (in Korean), the x-api-tran-id sent is echoed, the body is JSON; a success body
 * decodes against the API's response shape (types, lengths, counts, no unknown field); a /v1 answer has no
 * field that exists only from v2 on.
 */
export function judgeAnswer(exchange: Exchange, expect: Expectation, api: ApiSpec | undefined): string[] {
  if (exchange.error) return [`no answer: ${exchange.error}`];
  const res = exchange.response!;
  if (res.json === undefined)
    return [`HTTP ${res.status} with a body that is not JSON: ${JSON.stringify(res.text ?? '')}`];
  if (expect.oauth) return judgeOAuth(exchange, expect.oauth);
  const problems: string[] = [];
  const code = rspCodeOf(exchange);
  if (code === undefined) return [`HTTP ${res.status}: the body carries no rsp_code`];
  if (!expect.rspCodes.includes(code as never)) {
    const msg = (res.json as Record<string, unknown>)['rsp_msg'];
    problems.push(`expected ${expect.rspCodes.join(' or ')}, got ${code}${typeof msg === 'string' ? ` (${msg})` : ''}`);
  }
  if (!isRspCode(code)) problems.push(`${code} is not an rsp_code of the standard`);
  else if (res.status !== RSP_CODES[code].http) {
    problems.push(`HTTP status ${res.status}, but ${code} is answered with ${RSP_CODES[code].http}`);
  }
  const msg = (res.json as Record<string, unknown>)['rsp_msg'];
  if (typeof msg !== 'string' || msg === '') problems.push('no rsp_msg');
  else if (!HANGUL.test(msg)) problems.push(`rsp_msg is not Korean: ${JSON.stringify(msg)}`);
  const sent = exchange.request.headers['x-api-tran-id'];
  if (sent !== undefined && res.headers['x-api-tran-id'] !== sent) {
    problems.push(`x-api-tran-id not echoed (sent ${sent}, got ${res.headers['x-api-tran-id'] ?? 'none'})`);
  }
  if (!/^application\/json/i.test(res.headers['content-type'] ?? '')) {
    problems.push(`Content-Type is ${res.headers['content-type'] ?? 'missing'}, not application/json`);
  }
  if (api && expect.shape && code === '00000') problems.push(...shapeProblems(api, res.json));
  if (api && expect.v1 && code === '00000') problems.push(...v1Problems(api, res.json));
  return problems;
}

/**
 * An OAuth answer (규격 §5.1, RFC 6749 §5.2): the HTTP status expected; a refusal carries that `error` (a
 * string of the catalogue) and `error_description`; a success carries no `error`; JSON either way.
 */
function judgeOAuth(exchange: Exchange, expect: NonNullable<Expectation['oauth']>): string[] {
  const res = exchange.response!;
  const body = (typeof res.json === 'object' && res.json !== null ? res.json : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const error = body['error'];
  if (expect.error !== undefined) {
    if (error !== expect.error)
      problems.push(`expected error ${expect.error}, got ${typeof error === 'string' ? error : 'none'}`);
    else if (isOAuthErrorCode(expect.error) && res.status !== OAUTH_ERRORS[expect.error].http) {
      problems.push(
        `HTTP status ${res.status}, but ${expect.error} is answered with ${OAUTH_ERRORS[expect.error].http}`,
      );
    }
  } else {
    if (error !== undefined) problems.push(`refused with ${String(error)}: ${String(body['error_description'] ?? '')}`);
    if (res.status !== expect.status) problems.push(`expected HTTP ${expect.status}, got ${res.status}`);
  }
  if (!/^application\/json/i.test(res.headers['content-type'] ?? '')) {
    problems.push(`Content-Type is ${res.headers['content-type'] ?? 'missing'}, not application/json`);
  }
  return problems;
}

function shapeProblems(api: ApiSpec, body: unknown): string[] {
  const shape: Shape = [req('rsp_code'), req('rsp_msg'), ...api.response];
  try {
    decodeMessage(shape, body, { location: 'response', unknown: 'reject' });
    return [];
  } catch (error) {
    if (error instanceof WireError) return [`the body does not follow ${api.id}'s response: ${error.message}`];
    throw error;
  }
}

function v2Only(shape: Shape): string[] {
  return shape.flatMap((n: ShapeNode): string[] => {
    const inner = n.kind === 'list' ? v2Only(n.item) : n.kind === 'object' ? v2Only(n.shape) : [];
    return n.since === 'v2' ? [n.name, ...inner] : inner;
  });
}

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

function v1Problems(api: ApiSpec, body: unknown): string[] {
  const keys = keysOf(body);
  const sent = v2Only(api.response).filter((f) => keys.has(f));
  return sent.length > 0 ? [`a /v1 answer carries v2-only fields: ${sent.join(', ')}`] : [];
}
