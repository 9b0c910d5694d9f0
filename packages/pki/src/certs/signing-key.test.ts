import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, signingKeyFromPem } from './signing-key.ts';

describe('ES256 signing keys for tokens and consents', () => {
  const key = generateSigningKey();

  it('signs with the PKCS#8 PEM and verifies with the public JWK (JWS ES256: P-256, SHA-256, r||s)', () => {
    const input = Buffer.from('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0');
    const signature = sign('sha256', input, { key: key.privateKeyPem, dsaEncoding: 'ieee-p1363' });
    expect(signature).toHaveLength(64);
    const publicKey = createPublicKey({ key: { ...key.publicJwk }, format: 'jwk' });
    expect(verify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(verify('sha256', Buffer.from('tampered'), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(
      false,
    );
  });

  it('is described by a public JWK with alg, use and an RFC 7638 thumbprint as kid', () => {
    const { x, y } = key.publicJwk;
    const thumbprint = createHash('sha256')
      .update(`{"crv":"P-256","kty":"EC","x":"${x}","y":"${y}"}`)
      .digest('base64url');
    expect(key.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x, y, kid: thumbprint, alg: 'ES256', use: 'sig' });
    expect(key.kid).toBe(thumbprint);
    expect(JSON.stringify(key.publicJwk)).not.toContain('"d"');
  });

  it('is rebuilt identically from its private PEM (the store keeps only that)', () => {
    expect(signingKeyFromPem(key.privateKeyPem)).toEqual(key);
    expect(generateSigningKey().kid).not.toBe(key.kid);
  });
});
