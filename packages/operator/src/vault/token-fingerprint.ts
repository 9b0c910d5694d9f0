import { decodeJwt } from 'jose';
import type { BlindIndex } from '../crypto/blind-index.ts';

/** Blind-index columns: token strings share one (so an access token equal to another row's refresh token is found), jtis another. */
export const TOKEN_INDEX = 'op_token.token';
export const JTI_INDEX = 'op_token.jti';

/**
 * The `iss|jti` of a JWS token (not verified: the operator only reads it, notes §4.2), or undefined for an
 * opaque or malformed token. Never throws, so a token never reaches an error message through here.
 */
export function issuerJti(token: string, fallbackIssuer: string): string | undefined {
  try {
    const payload = decodeJwt(token);
    if (typeof payload.jti !== 'string' || payload.jti === '') return undefined;
    return `${typeof payload.iss === 'string' ? payload.iss : fallbackIssuer}|${payload.jti}`;
  } catch {
    return undefined;
  }
}

export interface TokenFingerprints {
  readonly access: string;
  readonly refresh: string | null;
  readonly accessJti: string | null;
  readonly refreshJti: string | null;
}

export function fingerprints(
  index: BlindIndex,
  orgCode: string,
  access: string,
  refresh: string | null,
): TokenFingerprints {
  const jti = (t: string | null) => {
    const j = t === null ? undefined : issuerJti(t, orgCode);
    return j === undefined ? null : index.index(JTI_INDEX, j);
  };
  return {
    access: index.index(TOKEN_INDEX, access),
    refresh: refresh === null ? null : index.index(TOKEN_INDEX, refresh),
    accessJti: jti(access),
    refreshJti: jti(refresh),
  };
}
