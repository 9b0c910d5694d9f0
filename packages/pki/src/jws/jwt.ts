import type { KeyObject } from 'node:crypto';
import {
  claimsOf,
  type ParsedJws,
  parseEs256Jws,
  sameTyp,
  signEs256Jws,
  signEs256JwsAsync,
  verifyEs256,
  verifyEs256Async,
} from './es256-jws.ts';

/** Why a JWT is refused, in the words the verifiers use (the CA's and the providers' token checks). */
export type JwtRejection = 'malformed' | 'signature' | 'expired' | 'issuer' | 'claims';

export type JwtVerdict =
  | { readonly ok: true; readonly header: Readonly<Record<string, unknown>>; readonly claims: Record<string, unknown> }
  | { readonly ok: false; readonly reason: JwtRejection };

export interface JwtExpectations {
  /** The protected header's typ (compared as RFC 7515 says). */
  readonly typ?: string;
  /** The one issuer accepted. */
  readonly issuer: string;
  /** Claims that must be present. */
  readonly required: readonly string[];
  /** The verifier's clock, epoch ms: `exp` must be after it (whole seconds, as `exp` is). */
  readonly nowMs: number;
}

const no = (reason: JwtRejection): JwtVerdict => ({ ok: false, reason });

/**
 * An ES256 JWT (RFC 7519) signed with `privateKey`: `{"alg":"ES256",…header}` over the claims in the
 * order given. The same bytes jose's SignJWT makes for the same header and claims order.
 */
export function signJwt(
  header: Readonly<Record<string, unknown>> & { readonly alg?: never },
  claims: Readonly<Record<string, unknown>>,
  privateKey: KeyObject,
): string {
  return signEs256Jws(header, claimsText(claims), privateKey);
}

/** `signJwt` with the signature made on libuv's thread pool, off the event loop. */
export async function signJwtAsync(
  header: Readonly<Record<string, unknown>> & { readonly alg?: never },
  claims: Readonly<Record<string, unknown>>,
  privateKey: KeyObject,
): Promise<string> {
  return signEs256JwsAsync(header, claimsText(claims), privateKey);
}

function claimsText(claims: Readonly<Record<string, unknown>>): string {
  for (const claim of ['iat', 'nbf', 'exp'] as const) {
    const value = claims[claim];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new TypeError(`"${claim}" claim must be a finite number`);
    }
  }
  return JSON.stringify(claims);
}

/**
 * Verify an ES256 JWT the way jose's jwtVerify does with `algorithms: ['ES256']`, `typ`, `issuer`,
 * `requiredClaims` and `currentDate` (jwt.test.ts holds the two to the same answers): the JWS must parse
 * (malformed), its signature verify with `publicKey` (signature), the claims be a JSON object (malformed), the
 * typ match (claims), the required claims and iss be present (claims; issuer for iss) with iss the issuer
 * (issuer), iat, nbf and exp numbers when present (claims), nbf not in the future (claims) and exp after now
 * (expired).
 */
export function verifyJwt(token: string, publicKey: KeyObject, expect: JwtExpectations): JwtVerdict {
  const jws = parseEs256Jws(token);
  if (!jws) return no('malformed');
  if (!verifyEs256(jws, publicKey)) return no('signature');
  return claimsVerdict(jws, expect);
}

/** `verifyJwt` with the signature checked on libuv's thread pool, off the event loop. */
export async function verifyJwtAsync(
  token: string,
  publicKey: KeyObject,
  expect: JwtExpectations,
): Promise<JwtVerdict> {
  const jws = parseEs256Jws(token);
  if (!jws) return no('malformed');
  if (!(await verifyEs256Async(jws, publicKey))) return no('signature');
  return claimsVerdict(jws, expect);
}

function claimsVerdict(jws: ParsedJws, expect: JwtExpectations): JwtVerdict {
  const claims = claimsOf(jws);
  if (!claims) return no('malformed');
  if (expect.typ !== undefined && !sameTyp(jws.header['typ'], expect.typ)) return no('claims');
  if (!Object.hasOwn(claims, 'iss')) return no('issuer');
  for (const claim of expect.required) if (!Object.hasOwn(claims, claim)) return no('claims');
  if (claims['iss'] !== expect.issuer) return no('issuer');
  const now = Math.floor(expect.nowMs / 1000);
  for (const claim of ['iat', 'nbf', 'exp'] as const) {
    if (claims[claim] !== undefined && typeof claims[claim] !== 'number') return no('claims');
  }
  const nbf = claims['nbf'] as number | undefined;
  if (nbf !== undefined && nbf > now) return no('claims');
  const exp = claims['exp'] as number | undefined;
  if (exp !== undefined && exp <= now) return no('expired');
  return { ok: true, header: jws.header, claims };
}
