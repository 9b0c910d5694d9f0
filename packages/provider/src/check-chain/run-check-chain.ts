import type {
  ApiSpec,
  ApiType,
  ApiVersion,
  CycleClass,
  DateRule,
  Industry,
  InformationScope,
  Shape,
  VersionConfig,
} from '@hannun/spec';
import type { IncomingHttpHeaders } from 'node:http';
import { kstDate, kstDateNumber, kstDateTime, kstMinuteOfDay } from '../clock/kst.ts';
import type { AccessTokenClaims, ConsentRecord } from '../consent/consent.ts';
import type { CursorCodec, CursorPosition } from '../cursor/cursor-codec.ts';
import type { Institution } from '../institutions/institution.ts';
import type { CustomerBook, Holding, InstitutionBook, Row } from '../ledger/ledger.ts';
import type { TokenVerifier } from '../tokens/token-verifier.ts';
import type { CallerRegistry } from './caller-registry.ts';
import { checkAssetConsent } from './check-asset-consent.ts';
import { checkAssetState } from './check-asset-state.ts';
import { checkClientCert } from './check-client-cert.ts';
import { checkConsentEnd } from './check-consent-end.ts';
import { checkCursor } from './check-cursor.ts';
import { checkCycle } from './check-cycle.ts';
import { type CheckFailure, isFailure } from './check-failure.ts';
import { checkHeaders } from './check-headers.ts';
import { checkNpTime } from './check-np-time.ts';
import { checkOrgCode } from './check-org-code.ts';
import { checkPeriod } from './check-period.ts';
import { checkScope } from './check-scope.ts';
import { checkSourceIp } from './check-source-ip.ts';
import { type CheckedToken, checkToken } from './check-token.ts';
import { checkVersion } from './check-version.ts';
import type { CycleCounter, CycleTicket } from './cycle-counter.ts';
import { decodeRequest } from './decode-request.ts';
import { effectiveApiType } from './effective-api-type.ts';
import { type AssetTarget, findAsset } from './find-asset.ts';
import { findCustomer } from './find-customer.ts';
import type { NpWindows } from './np-time-windows.ts';
import { readRawInput } from './raw-input.ts';
import type { RequestDecoder } from './request-decoder.ts';
import type { TranIdLedger } from './tran-id-ledger.ts';

/** What the chain needs to know about the API being called (the engine compiles it from the catalogue). */
export interface ChainApi {
  readonly id: string;
  readonly industry: Industry;
  readonly method: 'GET' | 'POST';
  readonly scope: InformationScope;
  readonly cycle: CycleClass | undefined;
  readonly dateRule: DateRule;
  readonly headerSpec: Pick<ApiSpec, 'headers'>;
  readonly requestShape: Shape;
  readonly pathShape: Shape | undefined;
  /** The request shape's decoder (query or body), unknown fields refused. */
  readonly decode: RequestDecoder;
  readonly decodePath: RequestDecoder | undefined;
  /** Set for APIs about one asset (account, card, policy …). */
  readonly asset: AssetTarget | undefined;
  /** Request fields a next_page cursor is bound to (dates, months, asset keys …), sorted. */
  readonly bindingFields: readonly string[];
}

/** The institution and API a request was routed to. */
export interface ChainRoute {
  readonly institution: Institution;
  readonly npWindows: NpWindows;
  readonly book: InstitutionBook;
  readonly verifier: TokenVerifier;
  readonly api: ChainApi;
}

/** Engine-wide parts of the chain. */
export interface ChainDeps {
  readonly requireMtls: boolean;
  readonly callers: CallerRegistry;
  readonly tranIds: TranIdLedger;
  readonly versions: VersionConfig;
  readonly cursors: CursorCodec;
  readonly cycles: CycleCounter;
}

/** The HTTP request as the chain sees it. */
export interface ChainRequest {
  readonly headers: IncomingHttpHeaders;
  readonly ip: string;
  /** The client certificate's subject SERIALNUMBER when TLS is on. */
  readonly clientCertSerial: string | undefined;
  /** The `<version>` path segment. */
  readonly version: string;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: unknown;
  /** The POST body as text (the engine's parser leaves it unparsed). */
  readonly body: unknown;
  readonly contentType: string | undefined;
}

/** A request that passed every check, with what the handlers need. */
export interface Passed {
  readonly now: number;
  readonly tranId: string;
  readonly apiType: ApiType;
  readonly version: ApiVersion;
  readonly claims: AccessTokenClaims;
  readonly consent: ConsentRecord;
  readonly customer: CustomerBook;
  readonly request: Row;
  readonly wire: Readonly<Record<string, string>>;
  readonly holding: Holding | null;
  /** null on a first page. */
  readonly position: CursorPosition | null;
  /** What this request's cursors are bound to. */
  readonly binding: string;
  /** The scheduled call's slot in its cycle: released if the call fails after all. */
  readonly ticket: CycleTicket | undefined;
}

interface BeforeToken {
  readonly callerOrg: string | undefined;
  readonly tranId: string;
  readonly apiType: ApiType;
  readonly version: ApiVersion;
}

/**
 * The check chain, in the order of the notes §9 and the issue. Each step is a small function that returns a
 * value for the later steps or a CheckFailure with its rsp_code:
 *
 *  1. client certificate SERIALNUMBER          40103  (skipped without mTLS)
 *  2. source IP allow-list                     40102
 *  3. headers: tran id, x-api-type, duplicate  40002
 *  4. API version                              40003
 *  5. access token                             40101
 *  6. scope (+ <industry>.list)                40104
 *  7. org_code of the request                  40303
 *  8. consent end date                         40106
 *  9. customer of this institution             40403
 * 10. request decoding (unknown fields, limit) 40001
 * 11. asset exists and is the customer's       40402
 * 12. asset in the consent                     40105
 * 13. asset in its normal state                40305
 * 14. period rules by x-api-type               40004 / 40304
 * 15. next_page cursor                         40001
 * 16. scheduled cycle                          42901
 * 17. np_time window for scheduled calls       50009
 * 18. search_timestamp (in the handlers, once the data's change time is known) → 00001
 *
 * Routing answers 40401 (unknown path) and 40501 (wrong method) after steps 1–2.
 */
export function runCheckChain(
  route: ChainRoute,
  deps: ChainDeps,
  req: ChainRequest,
  now: number,
): Passed | CheckFailure | Promise<Passed | CheckFailure> {
  const before = checksBeforeToken(route, deps, req, now);
  if (isFailure(before)) return before;
  const token = checkToken(req.headers.authorization, route.verifier, before.callerOrg, now);
  if (token instanceof Promise) return token.then((t) => checksAfterToken(route, deps, req, now, before, t));
  return checksAfterToken(route, deps, req, now, before, token);
}

/** Steps 1–2, which routing failures (40401, 40501) also pass through. */
export function checkTransport(
  deps: ChainDeps,
  req: Pick<ChainRequest, 'ip' | 'clientCertSerial'>,
): string | undefined | CheckFailure {
  const callerOrg = checkClientCert(deps.requireMtls, req.clientCertSerial, deps.callers);
  if (isFailure(callerOrg)) return callerOrg;
  const ip = checkSourceIp(req.ip, callerOrg, deps.callers);
  return ip ?? callerOrg;
}

function checksBeforeToken(
  route: ChainRoute,
  deps: ChainDeps,
  req: ChainRequest,
  now: number,
): BeforeToken | CheckFailure {
  const callerOrg = checkTransport(deps, req);
  if (isFailure(callerOrg)) return callerOrg;
  const headers = checkHeaders(route.api.headerSpec, req.headers, route.institution.orgCode, deps.tranIds, now);
  if (isFailure(headers)) return headers;
  const version = checkVersion(req.version, deps.versions);
  if (isFailure(version)) return version;
  return { callerOrg, tranId: headers.tranId, apiType: effectiveApiType(headers.apiType), version };
}

function checksAfterToken(
  route: ChainRoute,
  deps: ChainDeps,
  req: ChainRequest,
  now: number,
  before: BeforeToken,
  token: CheckedToken | CheckFailure,
): Passed | CheckFailure {
  if (isFailure(token)) return token;
  const { api, institution } = route;
  const { claims, consent } = token;

  const scope = checkScope(claims.scope, api.industry, api.scope);
  if (scope) return scope;

  const raw = readRawInput(api.method, req.query, req.body, req.contentType);
  const org = checkOrgCode(isFailure(raw) ? undefined : raw, institution.orgCode);
  if (org) return org;

  const ended = checkConsentEnd(consent, kstDateNumber(now));
  if (ended) return ended;

  const customer = findCustomer(route.book, consent.ci);
  if (isFailure(customer)) return customer;

  if (isFailure(raw)) return raw;
  const decoded = decodeRequest(api.decode, api.pathShape, api.decodePath, raw, req.params);
  if (isFailure(decoded)) return decoded;

  let holding: Holding | null = null;
  if (api.asset) {
    const found = findAsset(customer, api.asset, decoded.wire, kstDateTime(now));
    if (isFailure(found)) return found;
    const consented = checkAssetConsent(consent, found) ?? checkAssetState(found);
    if (consented) return consented;
    holding = found;
  }

  if (api.dateRule !== 'none') {
    const period = checkPeriod(api.dateRule, before.apiType, decoded.request, kstDate(now));
    if (period) return period;
  }

  const binding = bindingOf(route, consent.id, holding, decoded.wire);
  const position = checkCursor(decoded.request['next_page'], binding, deps.cursors);
  if (isFailure(position)) return position;

  const ticket = checkCycle({
    apiType: before.apiType,
    firstPage: position === null,
    consent,
    apiId: api.id,
    cycleClass: api.cycle,
    assetId: holding?.id,
    counter: deps.cycles,
    now,
  });
  if (isFailure(ticket)) return ticket;

  const outside = checkNpTime(before.apiType, route.npWindows, kstMinuteOfDay(now), institution.npTimes);
  if (outside) {
    ticket?.release();
    return outside;
  }

  return {
    now,
    tranId: before.tranId,
    apiType: before.apiType,
    version: before.version,
    claims,
    consent,
    customer,
    request: decoded.request,
    wire: decoded.wire,
    holding,
    position,
    binding,
    ticket,
  };
}

function bindingOf(
  route: ChainRoute,
  consentId: string,
  holding: Holding | null,
  wire: Readonly<Record<string, string>>,
): string {
  let binding = `${route.institution.orgCode}\u0001${route.api.id}\u0001${consentId}\u0001${holding?.id ?? ''}`;
  for (const field of route.api.bindingFields) binding += `\u0001${wire[field] ?? ''}`;
  return binding;
}
