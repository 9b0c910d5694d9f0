import type { Industry } from '../industries.ts';
import type { Scope } from '../scopes.ts';
import type { Shape } from '../schema/shape.ts';

/** Which family of the standard an API belongs to; this decides its path form and its error style. */
export type ApiGroup =
  | 'info' // 정보제공 API: <base>/<version>/<industry><resource>, rsp_code envelope
  | 'auth' // 개별인증, 통합인증-002: <base>/oauth/2.0/..., OAuth errors
  | 'ca' // 통합인증-101…104 at the integrated CA
  | 'support-portal' // 지원-001…006, provided by the portal
  | 'support-participant'; // 지원-101…104, provided by operators and providers, called by the portal

/** The services of the ecosystem, as roles of the standard. */
export type ServiceRole = 'provider' | 'operator' | 'portal' | 'ca';

/** 정기적 전송주기 class: 기본 (seldom changes) or 추가 (changes often). */
export type CycleClass = '기본' | '추가';

/**
 * The period rule of a transaction API (규격 §3.3):
 * - `days31`: from_date/to_date, at most 31 days per scheduled call;
 * - `days3m`: from_date/to_date, allowed up to 3 months per scheduled call (은행-010, 보험-006/007/011, …);
 * - `months`: from_month/to_month, at most 3 months per scheduled call.
 * Irregular calls follow the x-api-type limits (12 months for user-consent/refresh, 5 years for user-search).
 */
export type DateRule = 'none' | 'days31' | 'days3m' | 'months';

export type RequestLocation = 'query' | 'json' | 'form';

/** Headers an API requires or accepts, beyond Content-Type. */
export type HeaderName = 'authorization' | 'x-api-tran-id' | 'x-api-type' | 'x-user-ci';

export interface ApiSpec {
  /** The standard's API ID, e.g. 은행-004, 지원-002, 개별인증-001. */
  readonly id: string;
  /** The 4-character API 구분 코드 (첨부12). Provisional: follows the Banksalad-style ids where known. */
  readonly code: string;
  readonly name: { readonly ko: string; readonly en: string };
  readonly group: ApiGroup;
  readonly providedBy: readonly ServiceRole[];
  readonly calledBy: readonly ServiceRole[];
  /** For info APIs, the industries that offer it (IRP: bank, invest, insu; 채권: bond, usury). */
  readonly industries: readonly Industry[];
  readonly method: 'GET' | 'POST';
  /**
   * The resource path. Info APIs: relative to `/<version>/<industry>` (e.g. `/accounts/deposit/basic`,
   * `/cards/{card_id}`). Others: the full path after the base, with `{version}` where the version goes
   * (`/{version}/mgmts/orgs`, `/oauth/2.0/token`, `/ca/sign_request`).
   */
  readonly resource: string;
  /** Scope needed per industry (info APIs) or the fixed scope (`manage`, `ca`), or null (token endpoints). */
  readonly scope: Partial<Record<Industry, Scope>> | Scope | null;
  readonly cycle?: CycleClass;
  readonly dateRule: DateRule;
  /** Cursor pagination with `limit` (≤ 500) and `next_page`. */
  readonly paginated: boolean;
  /** Supports `search_timestamp` (answers 00001 when nothing changed). */
  readonly timestamp: boolean;
  /** The request fields that name the asset (for consent and ownership checks), in order. */
  readonly assetKeys: readonly string[];
  /** The list API that lists this API's assets (e.g. 은행-004 → 은행-001). */
  readonly listedBy?: string;
  readonly headers: { readonly required: readonly HeaderName[]; readonly optional: readonly HeaderName[] };
  readonly request: { readonly location: RequestLocation; readonly shape: Shape; readonly path?: Shape };
  /** The success body. Info and support APIs: the fields after rsp_code/rsp_msg (the envelope is implied). */
  readonly response: Shape;
  /** OAuth-style errors (`error`, `error_description`) instead of the rsp_code envelope. */
  readonly errorStyle: 'rsp_code' | 'oauth';
  /** Several APIs share one endpoint (the token endpoint): the form field and value that select this one. */
  readonly discriminator?: { readonly field: string; readonly value: string };
  /** True where the request/response field lists are our reading of the notes, not the standard's table. */
  readonly provisional: boolean;
  readonly notes?: string;
}
