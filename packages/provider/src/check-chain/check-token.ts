import type { AccessTokenClaims, ConsentRecord } from '../consent/consent.ts';
import type { TokenVerifier } from '../tokens/token-verifier.ts';
import type { TokenRejection, TokenVerdict } from '../tokens/verify-access-token.ts';
import { type CheckFailure, fail } from './check-failure.ts';

export interface CheckedToken {
  readonly claims: AccessTokenClaims;
  readonly consent: ConsentRecord;
}

const DETAIL: Record<TokenRejection | 'missing' | 'audience', string> = {
  missing: '접근토큰이 없습니다',
  malformed: '접근토큰 형식 오류',
  signature: '접근토큰 서명 검증 실패',
  expired: '만료된 접근토큰',
  issuer: '다른 기관이 발급한 접근토큰',
  claims: '접근토큰 클레임 오류',
  revoked: '폐기된 접근토큰',
  'no-consent': '전송요구 내역이 없는 접근토큰',
  audience: '다른 기관에 발급된 접근토큰',
};

const PREFIX = 'Bearer ';
const MAX_TOKEN = 1500;

/**
 * The bearer token of an Authorization header (`Bearer <aNS(1500)>`), or undefined when there is none. Its
 * characters are left to the verifier: a token that is not a JWS of ours never verifies.
 */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return undefined;
  const token = header.slice(PREFIX.length);
  return token.length === 0 || token.length > MAX_TOKEN ? undefined : token;
}

function judge(verdict: TokenVerdict, callerOrg: string | undefined): CheckedToken | CheckFailure {
  if (!verdict.ok) return fail('40101', DETAIL[verdict.reason], `token ${verdict.reason}`);
  // With mutual TLS the caller is known: a token issued to another operator is not theirs to present.
  if (callerOrg !== undefined && verdict.claims.aud !== callerOrg) {
    return fail('40101', DETAIL.audience, 'token audience is not the calling organisation');
  }
  return { claims: verdict.claims, consent: verdict.consent };
}

/**
 * Step 5, 40101: a bearer token this institution issued, unexpired on the provider clock, not revoked
 * (itself or its consent), for a consent of this institution. Synchronous for tokens seen before.
 */
export function checkToken(
  header: string | string[] | undefined,
  verifier: TokenVerifier,
  callerOrg: string | undefined,
  now: number,
): CheckedToken | CheckFailure | Promise<CheckedToken | CheckFailure> {
  const token = bearerToken(header);
  if (token === undefined) return fail('40101', DETAIL.missing, 'no bearer token');
  const verdict = verifier.verify(token, now);
  return verdict instanceof Promise ? verdict.then((v) => judge(v, callerOrg)) : judge(verdict, callerOrg);
}
