import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { ForgedToken } from '../case-types.ts';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function parts(token: string): [string, string, string] | undefined {
  const p = token.split('.');
  return p.length === 3 ? [p[0]!, p[1]!, p[2]!] : undefined;
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of a JWS token, read without verifying it (the examiner holds no key of the provider). */
export function peekClaims(token: string): Record<string, unknown> | undefined {
  const p = parts(token);
  return p ? decodeJson(p[1]) : undefined;
}

let ownKey: KeyObject | undefined;
/** A P-256 key of the examiner's own: a signer the provider has never heard of. */
function examinerKey(): KeyObject {
  ownKey ??= generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  return ownKey;
}

function es256(signingInput: string): string {
  const signer = createSign('SHA256');
  signer.update(signingInput);
  return b64url(signer.sign({ key: examinerKey(), dsaEncoding: 'ieee-p1363' }));
}

/**
 * A token the provider must refuse, made from the usual one: `alg: none` without a signature; the same
 * header and claims signed by another key; the signature altered; the claims altered (a wider scope, a later
 * expiry) under the original signature; a string that is no JWS; one longer than aNS(1500).
 */
export function forgeToken(how: ForgedToken, usual: string): string {
  const p = parts(usual);
  switch (how) {
    case 'garbage':
      return 'not.a.token';
    case 'oversized':
      return 'A'.repeat(1501);
    case 'alg-none': {
      const claims = p ? p[1] : b64url('{}');
      return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${claims}.`;
    }
    case 'other-signer': {
      const header = p ? (decodeJson(p[0]) ?? {}) : {};
      const input = `${b64url(JSON.stringify({ ...header, alg: 'ES256' }))}.${p ? p[1] : b64url('{}')}`;
      return `${input}.${es256(input)}`;
    }
    case 'bad-signature': {
      if (!p) return `${usual}x`;
      const sig = Buffer.from(p[2], 'base64url');
      if (sig.length > 0) sig[sig.length >> 1] = (sig[sig.length >> 1]! ^ 0xff) & 0xff;
      return `${p[0]}.${p[1]}.${b64url(sig)}`;
    }
    case 'altered-claims': {
      if (!p) return `${usual}.x`;
      const claims = decodeJson(p[1]) ?? {};
      const exp = typeof claims['exp'] === 'number' ? claims['exp'] + 365 * 86_400 : 4_102_444_800;
      const altered = { ...claims, exp, scope: `${String(claims['scope'] ?? '')} manage`.trim() };
      return `${p[0]}.${b64url(JSON.stringify(altered))}.${p[2]}`;
    }
  }
}
