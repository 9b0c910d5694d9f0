import type { InformationScope } from '@hannun/spec';
import type { Temporal } from 'temporal-polyfill';

/**
 * A consent (전송요구) as the provider stores it when it issues a token pair: the seven items the person
 * chose, the assets, and the v2 flags. 개별인증 (the provider's consent page) and 통합인증-002 (the signed
 * consent document) create them (auth/); tests may create them directly.
 */
export interface ConsentRecord {
  readonly id: string;
  /** The provider institution (전송요구를 받는 자). */
  readonly orgCode: string;
  readonly ci: string;
  /** The recipient (개인신용정보를 제공받는 자): the operator's org_code and its service client_id. */
  readonly recipientOrgCode: string;
  readonly clientId: string;
  readonly scopes: readonly InformationScope[];
  /** The chosen assets: list API and key, as the list APIs name them. */
  readonly assets: readonly { readonly listApi: string; readonly key: Readonly<Record<string, string>> }[];
  readonly isScheduled: boolean;
  /** Cycles of regular transmission for 기본 and 추가 information, e.g. '1/w' (provisional format). */
  readonly fndCycle: string;
  readonly addCycle: string;
  /** 전송요구 종료시점: the last day data may be sent. */
  readonly endDate: Temporal.PlainDate;
  readonly purpose: string;
  /** 보유기간 (retention), as told to the person. */
  readonly period: string;
  readonly flags: {
    readonly transMemo: boolean;
    readonly merchantNameRegno: boolean;
    readonly transCategory: boolean;
  };
  readonly createdAt: number;
  readonly revokedAt?: number;
  /** How the person authenticated when giving it: the provider's own login (개별인증) or a CA signature (통합인증). */
  readonly auth?: 'individual' | 'integrated';
  /**
   * 통합인증: the signed consent and what the CA said, kept with the consent record as the records rules ask
   * (FAQ: integrated-auth signatures are kept like consent records).
   */
  readonly signature?: ConsentSignature;
}

export interface ConsentSignature {
  readonly caCode: string;
  readonly certTxId: string;
  readonly txId: string;
  /** The consent text exactly as signed. */
  readonly consent: string;
  readonly signedConsent: string;
}

export interface ConsentStore {
  get(id: string): ConsentRecord | undefined;
  put(consent: ConsentRecord): void;
  revoke(id: string, at: number): void;
}

/** Claims of an access token the provider issues (JWS). iss/aud per 규격 §2.2; the rest is ours. */
export interface AccessTokenClaims {
  /** The issuing institution's org_code. */
  readonly iss: string;
  /** The recipient operator's org_code. */
  readonly aud: string;
  /** The consent this token carries. */
  readonly sub: string;
  readonly jti: string;
  /** Space-separated scopes. */
  readonly scope: string;
  readonly iat: number;
  readonly exp: number;
}
