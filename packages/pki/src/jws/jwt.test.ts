import { generateKeyPairSync, sign } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseEs256Jws, signEs256Jws } from './es256-jws.ts';
import { type JwtExpectations, signJwt, signJwtAsync, verifyJwt, verifyJwtAsync } from './jwt.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const NOW_MS = 1_764_000_000_000;
const now = NOW_MS / 1000;
const claims = { scope: 'ca', iss: 'CAHANNUN01', aud: 'BKNURI0001', sub: 'c1', jti: 'j1', iat: now, exp: now + 60 };
const expect_: JwtExpectations = {
  typ: 'JWT',
  issuer: 'CAHANNUN01',
  nowMs: NOW_MS,
  required: ['iss', 'aud', 'sub', 'jti', 'exp', 'iat'],
};

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** What jose says of a token under the same expectations, in jwt.ts's words. */
async function joseVerdict(token: string): Promise<string> {
  try {
    await jwtVerify(token, publicKey, {
      algorithms: ['ES256'],
      typ: expect_.typ!,
      issuer: expect_.issuer,
      currentDate: new Date(NOW_MS),
      requiredClaims: [...expect_.required],
    });
    return 'ok';
  } catch (error) {
    if (error instanceof errors.JWTExpired) return 'expired';
    if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
    if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'iss' ? 'issuer' : 'claims';
    return 'malformed';
  }
}

const ours = (token: string) => {
  const verdict = verifyJwt(token, publicKey, expect_);
  return verdict.ok ? 'ok' : verdict.reason;
};

/** RFC 7797: the payload as it is, signed as it is (jose refuses it in a JWT; so must we). */
function unencoded(): string {
  const input = `${b64({ alg: 'ES256', typ: 'JWT', b64: false, crit: ['b64'] })}.{"iss":"CAHANNUN01"}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

describe('ES256 JWTs on node:crypto (jwt.ts), interchangeable with jose', () => {
  it('a token minted here is byte for byte the one jose mints, and jose verifies it', async () => {
    const mine = signJwt({ typ: 'JWT', kid: 'k1' }, claims, privateKey);
    const theirs = await new SignJWT({ scope: claims.scope })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1' })
      .setIssuer(claims.iss)
      .setAudience(claims.aud)
      .setSubject(claims.sub)
      .setJti(claims.jti)
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .sign(privateKey);
    // ECDSA signatures are randomised: the signed parts are identical, each signature verifies both ways.
    expect(mine.split('.').slice(0, 2)).toEqual(theirs.split('.').slice(0, 2));
    const { payload, protectedHeader } = await jwtVerify(mine, publicKey, {
      algorithms: ['ES256'],
      currentDate: new Date(NOW_MS),
    });
    expect(payload).toEqual(claims);
    expect(protectedHeader).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'k1' });
    expect(verifyJwt(theirs, publicKey, expect_)).toEqual({
      ok: true,
      header: { alg: 'ES256', typ: 'JWT', kid: 'k1' },
      claims,
    });
  });

  it('a token of another key is refused both ways', async () => {
    const foreign = signJwt({ typ: 'JWT' }, claims, stranger.privateKey);
    expect(ours(foreign)).toBe('signature');
    expect(await joseVerdict(foreign)).toBe('signature');
  });

  const mine = (c: Record<string, unknown>, header: Record<string, unknown> = { typ: 'JWT' }) =>
    signJwt(header, c, privateKey);
  const good = () => mine(claims);
  const [h, p, s] = signJwt({ typ: 'JWT' }, claims, privateKey).split('.') as [string, string, string];

  it.each<[string, () => string | Promise<string>, string, string?]>([
    ['good', good, 'ok'],
    ['typ jwt in lower case (RFC 7515 compares it so)', () => mine(claims, { typ: 'jwt' }), 'ok'],
    ['typ application/JWT', () => mine(claims, { typ: 'application/JWT' }), 'ok'],
    ['typ rt+jwt (a refresh token)', () => mine(claims, { typ: 'rt+jwt' }), 'claims'],
    ['no typ', () => mine(claims, {}), 'claims'],
    ['expired a second ago', () => mine({ ...claims, exp: now - 1 }), 'expired'],
    ['expiring this very second', () => mine({ ...claims, exp: now }), 'expired'],
    ['not before a minute from now', () => mine({ ...claims, nbf: now + 60 }), 'claims'],
    ['another issuer', () => mine({ ...claims, iss: 'CABOGUS001' }), 'issuer'],
    ['no issuer', () => mine({ ...claims, iss: undefined }), 'issuer'],
    ['no jti', () => mine({ ...claims, jti: undefined }), 'claims'],
    ['iat a string', () => signJwtRaw(JSON.stringify({ ...claims, iat: String(now) })), 'claims'],
    ['exp a string', () => signJwtRaw(JSON.stringify({ ...claims, exp: String(now + 60) })), 'claims'],
    ['claims that are an array', () => signJwtRaw('[1,2]'), 'malformed'],
    ['claims that are not JSON', () => signJwtRaw('not json'), 'malformed'],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, 'malformed'],
    ['alg HS256', () => `${b64({ alg: 'HS256', typ: 'JWT' })}.${p}.${s}`, 'malformed'],
    ['alg ES256 said as es256', () => `${b64({ alg: 'es256', typ: 'JWT' })}.${p}.${s}`, 'malformed'],
    [
      'a crit header',
      () => signEs256Jws({ typ: 'JWT', crit: ['x'], x: 1 }, JSON.stringify(claims), privateKey),
      'malformed',
    ],
    ['an unencoded payload (b64 false)', unencoded, 'malformed'],
    ['a header that is not JSON', () => `${b64('{alg')}.${p}.${s}`, 'malformed'],
    ['two parts', () => `${h}.${p}`, 'malformed'],
    ['four parts', () => `${h}.${p}.${s}.${s}`, 'malformed'],
    ['an empty signature', () => `${h}.${p}.`, 'malformed', 'refused'],
    ['a signature of 63 bytes', () => `${h}.${p}.${Buffer.alloc(63, 1).toString('base64url')}`, 'malformed', 'refused'],
    ['a payload changed by one claim', () => `${h}.${b64({ ...claims, scope: 'ca manage' })}.${s}`, 'signature'],
    ['a header changed (kid added)', () => `${b64({ alg: 'ES256', typ: 'JWT', kid: 'x' })}.${p}.${s}`, 'signature'],
    ['base64 padding in the payload', () => `${h}.${p}==.${s}`, 'malformed', 'refused'],
    ['a character outside base64url', () => `${h}.${p}.${s.slice(0, -1)}+`, 'malformed', 'refused'],
  ])('%s: jwt.ts says %s; jose agrees', async (_what, make, expected, jose = expected) => {
    const token = await make();
    expect(ours(token)).toBe(expected);
    // Where jose words a refusal differently (it decodes base64 leniently, then fails the signature), it still refuses.
    if (jose === 'refused') expect(await joseVerdict(token)).not.toBe('ok');
    else expect(await joseVerdict(token)).toBe(jose);
  });

  it('a signature has one spelling: trailing bits that decode to the same bytes are refused', () => {
    const token = good();
    const sig = token.split('.')[2]!;
    // 64 bytes are 85⅓ base64 characters: the last character carries 2 spare bits that must be zero.
    const last = sig.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) + 1]!;
    const variant = `${token.slice(0, -1)}${twin}`;
    expect(Buffer.from(variant.split('.')[2]!, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
    expect(parseEs256Jws(variant)).toBeUndefined();
    expect(ours(token)).toBe('ok');
  });

  it('the thread-pool forms sign and verify the same tokens, and refuse the same ones', async () => {
    const pooled = await signJwtAsync({ typ: 'JWT', kid: 'k1' }, claims, privateKey);
    expect(pooled.split('.').slice(0, 2)).toEqual(
      signJwt({ typ: 'JWT', kid: 'k1' }, claims, privateKey).split('.').slice(0, 2),
    );
    expect(verifyJwt(pooled, publicKey, expect_)).toMatchObject({ ok: true, claims });
    expect(
      (await jwtVerify(pooled, publicKey, { algorithms: ['ES256'], currentDate: new Date(NOW_MS) })).payload,
    ).toEqual(claims);
    expect(await verifyJwtAsync(good(), publicKey, expect_)).toMatchObject({ ok: true, claims });
    expect(await verifyJwtAsync(pooled, stranger.publicKey, expect_)).toEqual({ ok: false, reason: 'signature' });
    expect(await verifyJwtAsync(mine({ ...claims, exp: now }), publicKey, expect_)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await verifyJwtAsync(`${h}.${p}.`, publicKey, expect_)).toEqual({ ok: false, reason: 'malformed' });
    await expect(signJwtAsync({ typ: 'JWT' }, { ...claims, iat: Number.NaN }, privateKey)).rejects.toThrow(TypeError);
  });

  it('refuses to sign non-finite times', () => {
    expect(() => signJwt({ typ: 'JWT' }, { ...claims, exp: Number.POSITIVE_INFINITY }, privateKey)).toThrow(TypeError);
  });
});

function signJwtRaw(payload: string): string {
  return signEs256Jws({ typ: 'JWT' }, payload, privateKey);
}
