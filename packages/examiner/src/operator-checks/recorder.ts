import { createHmac, randomBytes } from 'node:crypto';
import type { ObservedCall } from '@hannun/provider';
import { peekClaims } from '../conformance/run/forge-tokens.ts';
import type { CallRecord, ConsentTerms, TokenIdentity } from './call-record.ts';
import { createApiMatcher, type MatchableInstitution } from './api-matcher.ts';

/** What the recorder reads of a consent the provider holds. */
export interface RecordedConsent extends ConsentTerms {
  readonly ci: string;
}

export interface RecorderOptions {
  readonly institutions: readonly MatchableInstitution[];
  /** The provider's consent by id (a token's `sub`). */
  readonly consentOf: (id: string) => RecordedConsent | undefined;
}

export interface Recorder {
  /** The engine's `onCall` observer. */
  readonly observe: (call: ObservedCall) => void;
  /** Every call recorded so far, in arrival order. */
  records(): readonly CallRecord[];
  /** A keyed hash label of a CI, as records name the person. */
  personLabel(ci: string): string;
}

type Fields = (name: string) => string | undefined;

function fieldsOf(call: ObservedCall): Fields {
  const { request } = call;
  const query = (request.query ?? {}) as Record<string, unknown>;
  // Path parameters (`/cards/{card_id}`) name the asset too.
  const params = (request.params ?? {}) as Record<string, unknown>;
  const body = typeof request.body === 'string' ? request.body : '';
  const type = String(request.headers['content-type'] ?? '');
  let parsed: Record<string, unknown> = {};
  if (request.method === 'POST' && body !== '') {
    if (type.includes('application/x-www-form-urlencoded')) {
      parsed = Object.fromEntries(new URLSearchParams(body));
    } else {
      try {
        const json: unknown = JSON.parse(body);
        if (json && typeof json === 'object' && !Array.isArray(json)) parsed = json as Record<string, unknown>;
      } catch {
        // a broken body names no field
      }
    }
  }
  return (name) => {
    const v = parsed[name] ?? query[name] ?? params[name];
    return typeof v === 'string' ? v : undefined;
  };
}

function identityOf(token: string | undefined): TokenIdentity | undefined {
  if (!token) return undefined;
  const claims = peekClaims(token);
  if (!claims) return {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const exp = claims['exp'];
  return {
    ...(str(claims['jti']) ? { jti: str(claims['jti']) } : {}),
    ...(str(claims['sub']) ? { consentId: str(claims['sub']) } : {}),
    ...(typeof exp === 'number' ? { expMs: exp * 1000 } : {}),
  };
}

function responseOf(text: string): Record<string, unknown> {
  try {
    const json: unknown = JSON.parse(text);
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The recording provider's ears: every call the engine answers becomes a CallRecord — time, API, x-api-type,
 * tran id, the token's identity (claims, never the token), the person and the asset (keyed hashes, never the CI
 * or an account number), the period, paging, status and rsp_code, and when the call started and ended.
 */
export function createRecorder(opts: RecorderOptions): Recorder {
  const match = createApiMatcher(opts.institutions);
  const key = randomBytes(32);
  const label = (prefix: string, value: string) =>
    `${prefix}#${createHmac('sha256', key).update(value).digest('base64url').slice(0, 8)}`;
  const records: CallRecord[] = [];

  const observe = (call: ObservedCall) => {
    const { request } = call;
    const path = request.url.split('?')[0] ?? request.url;
    const field = fieldsOf(call);
    const matched = match(request.method, path, field);
    const api = matched?.api;
    const header = (name: string) => {
      const v = request.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const answer = responseOf(call.responseBody);
    const auth = header('authorization');
    let token: TokenIdentity | undefined;
    if (api?.id === '개별인증-003') token = identityOf(field('refresh_token'));
    else if (api?.id === '개별인증-004') token = identityOf(field('token'));
    else if (auth?.startsWith('Bearer ')) token = identityOf(auth.slice(7));
    const consent = token?.consentId ? opts.consentOf(token.consentId) : undefined;
    const assetValues = api?.assetKeys.map((k) => field(k) ?? '') ?? [];
    const from = field('from_date') ?? field('from_month');
    const to = field('to_date') ?? field('to_month');
    const limit = field('limit');
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const record: CallRecord = {
      seq: records.length + 1,
      atMs: call.atMs,
      startedAt: call.startedAt,
      endedAt: call.endedAt,
      method: request.method,
      path,
      ...(matched ? { orgCode: matched.orgCode, apiId: matched.api.id, group: matched.api.group } : {}),
      ...(api?.cycle ? { cycleClass: api.cycle } : {}),
      ...(api ? { dateRule: api.dateRule } : {}),
      ...(header('x-api-type') !== undefined ? { apiType: header('x-api-type') } : {}),
      ...(header('x-api-tran-id') !== undefined ? { tranId: header('x-api-tran-id') } : {}),
      ...(token ? { token } : {}),
      ...(consent
        ? {
            consent: {
              id: consent.id,
              isScheduled: consent.isScheduled,
              fndCycle: consent.fndCycle,
              addCycle: consent.addCycle,
            },
            person: label('person', consent.ci),
          }
        : {}),
      ...(assetValues.some((v) => v !== '') ? { asset: label('asset', assetValues.join('\u0001')) } : {}),
      ...(from !== undefined && to !== undefined
        ? { period: { unit: field('from_month') !== undefined ? 'month' : 'date', from, to } }
        : {}),
      ...(api?.paginated
        ? { paging: { ...(limit ? { limit } : {}), nextPage: field('next_page') !== undefined } }
        : {}),
      status: call.statusCode,
      ...(str(answer['rsp_code']) ? { rspCode: str(answer['rsp_code']) } : {}),
      ...(str(answer['error']) ? { oauthError: str(answer['error']) } : {}),
      ...(api?.id === '개별인증-003' && str(answer['access_token'])
        ? { issued: identityOf(str(answer['access_token'])) }
        : {}),
    };
    records.push(record);
  };

  return { observe, records: () => records, personLabel: (ci) => label('person', ci) };
}
