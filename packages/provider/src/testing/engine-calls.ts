import { randomUUID } from 'node:crypto';
import { type ApiType, encodeValue, generateTranId } from '@hannun/spec';
import type { Response } from 'light-my-request';
import type { Temporal } from 'temporal-polyfill';
import type { ConsentRecord } from '../consent/consent.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import type { ProviderClock } from '../clock/provider-clock.ts';
import type { ProviderEngine } from '../server/create-provider-engine.ts';
import { fixtureValue } from './fixture-values.ts';

/**
 * How the engine's tests talk to it, whatever world (fixture or ledger) is behind it: the request of an
 * API as an operator sends it (fields, path parameters, headers) injected into the engine, and access
 * tokens minted for a consent.
 */
export const OPERATOR_ORG = 'MDHANNUN01';

export interface Grant {
  readonly consent: ConsentRecord;
  readonly token: string;
  readonly jti: string;
}

export interface TokenOptions {
  /** The token's scope string; the consent's scopes by default. */
  readonly scope?: string;
  /** Seconds from the clock's now until expiry (default 90 days); negative for an expired token. */
  readonly expiresIn?: number;
  /** Sign with another institution's key (and iss). */
  readonly signedBy?: string;
  readonly aud?: string;
}

export interface CallOptions {
  /** The token; null for none. */
  readonly token: string | null;
  readonly version?: string;
  /** The tran id; null for none, a fresh one by default. */
  readonly tranId?: string | null;
  /** x-api-type; null for none. Default user-consent. */
  readonly apiType?: ApiType | string | null;
  readonly method?: string;
  /** Request fields as wire strings (query or body); `validRequest` builds them. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Path parameters ({card_id}). */
  readonly params?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** A raw body instead of JSON of `fields`. */
  readonly rawBody?: string;
  readonly path?: string;
}

export interface WireRequest {
  readonly fields: Record<string, string>;
  readonly params: Record<string, string>;
}

export const wireOf = (type: Parameters<typeof encodeValue>[0], value: unknown): string =>
  encodeValue(type, value as never, { field: 'request', location: 'query' });

/** The wire fields of the usual request values: org_code, dates or months ending `today`, limit. */
export function knownFields(
  org: string,
  today: Temporal.PlainDate,
  opts: { readonly days: number; readonly limit: number | null; readonly chargeMonth: Temporal.PlainYearMonth },
): Record<string, string> {
  const from = today.subtract({ days: opts.days - 1 });
  return {
    org_code: org,
    from_date: wireOf({ kind: 'DATE' }, from),
    to_date: wireOf({ kind: 'DATE' }, today),
    from_month: wireOf({ kind: 'MONTH' }, today.toPlainYearMonth().subtract({ months: 1 })),
    to_month: wireOf({ kind: 'MONTH' }, today.toPlainYearMonth()),
    charge_month: wireOf({ kind: 'MONTH' }, opts.chargeMonth),
    ...(opts.limit === null ? {} : { limit: String(opts.limit) }),
  };
}

/**
 * A valid request of the API: its required fields from `known` (or made up from their types), `limit`
 * when known, and the asset's key fields; path parameters from `known` too.
 */
export function requestOf(
  api: CompiledApi,
  known: Readonly<Record<string, string>>,
  assetKey: Readonly<Record<string, string>>,
  today: Temporal.PlainDate,
): WireRequest {
  const fields: Record<string, string> = {};
  const params: Record<string, string> = {};
  for (const node of api.requestShape) {
    const value = known[node.name];
    if (value !== undefined && (node.required || node.name === 'limit' || assetKey[node.name] !== undefined))
      fields[node.name] = value;
    else if (node.required && node.kind === 'field')
      fields[node.name] = wireOf(node.type, fixtureValue(node.type, node.name, 1, today));
  }
  for (const node of api.pathShape ?? []) params[node.name] = known[node.name] ?? 'X';
  return { fields, params };
}

let jtiSerial = 0;

/** Store the consent at its institution and mint an access token for it. */
export async function grantFor(
  engine: ProviderEngine,
  clock: ProviderClock,
  consent: ConsentRecord,
  opts: TokenOptions = {},
): Promise<Grant> {
  engine.provider.consents.put(consent);
  const now = Math.floor(clock.nowMs() / 1000);
  const jti = `jti-${++jtiSerial}-${randomUUID()}`;
  const token = await engine.provider.mintAccessToken({
    iss: opts.signedBy ?? consent.orgCode,
    aud: opts.aud ?? OPERATOR_ORG,
    sub: consent.id,
    jti,
    scope: opts.scope ?? consent.scopes.join(' '),
    iat: now,
    exp: now + (opts.expiresIn ?? 90 * 86_400),
  });
  return { consent, token, jti };
}

/** Call an API of the institution under `basePath` the way an operator does (inject, no socket). */
export function callApi(engine: ProviderEngine, basePath: string, api: CompiledApi, opts: CallOptions) {
  const version = opts.version ?? 'v2';
  const resource = api.spec.resource.replace(/\{([a-z_]+)\}/g, (_, name: string) =>
    encodeURIComponent(opts.params?.[name] ?? 'X'),
  );
  const path = opts.path ?? `${basePath}/${version}/${api.industry}${resource}`;
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token !== null) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.tranId !== null) headers['x-api-tran-id'] = opts.tranId ?? generateTranId(OPERATOR_ORG, 'M');
  if (opts.apiType !== null) headers['x-api-type'] = opts.apiType ?? 'user-consent';
  const method = opts.method ?? api.method;
  if (api.method === 'GET' || method === 'GET') {
    const query = new URLSearchParams(opts.fields ?? {}).toString();
    return engine.inject({ method: method as 'GET', url: query ? `${path}?${query}` : path, headers });
  }
  return engine.inject({
    method: method as 'POST',
    url: path,
    headers: { 'content-type': 'application/json', ...headers },
    payload: opts.rawBody ?? JSON.stringify(opts.fields ?? {}),
  });
}

/** The body of an answer, parsed. */
export function bodyOf(response: Response): Record<string, unknown> {
  return response.json() as Record<string, unknown>;
}
