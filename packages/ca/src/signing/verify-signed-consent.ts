import { X509Certificate } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { SIGNED_CONSENT_ALG, SIGNED_CONSENT_TYP, type SignedConsentPayload } from './signed-consent-format.ts';

/** Why a signed consent is not good (for the log; 104 answers result "false" for all of them). */
export type SignedConsentFault =
  | 'malformed'
  | 'header'
  | 'chain'
  | 'signature'
  | 'payload'
  | 'certificate-not-valid-at-signing';

export type SignedConsentCheck =
  | { readonly ok: true; readonly payload: SignedConsentPayload; readonly certSerial: string }
  | { readonly ok: false; readonly fault: SignedConsentFault };

const bad = (fault: SignedConsentFault): SignedConsentCheck => ({ ok: false, fault });

function payloadOf(bytes: Uint8Array): SignedConsentPayload | undefined {
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof p !== 'object' || p === null) return undefined;
  const { consent, consentNonce, cert_tx_id, tx_id, iat } = p as Record<string, unknown>;
  if (typeof consent !== 'string' || typeof consentNonce !== 'string' || consentNonce.length < 16) return undefined;
  if (typeof cert_tx_id !== 'string' || typeof tx_id !== 'string') return undefined;
  if (typeof iat !== 'number' || !Number.isSafeInteger(iat)) return undefined;
  return { consent, consentNonce, cert_tx_id, tx_id, iat };
}

/**
 * Check a signed consent on its own (signed-consent-format.ts): ES256 with typ JOSE; x5c is exactly the
 * person's certificate and THIS CA's personal root (the root in the token is compared with ours byte for
 * byte, and the leaf's signature is checked with our root's key: a chain from anywhere else fails); the
 * leaf is an end-entity certificate valid when the consent was signed (iat); the signature verifies with
 * the leaf's key. What the payload says is the caller's to compare (104 does).
 */
export async function verifySignedConsent(jws: string, personalRootPem: string): Promise<SignedConsentCheck> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return bad('malformed');
  }
  if (header.alg !== SIGNED_CONSENT_ALG || header.typ !== SIGNED_CONSENT_TYP) return bad('header');
  const x5c = header.x5c;
  if (!Array.isArray(x5c) || x5c.length !== 2 || x5c.some((c) => typeof c !== 'string')) return bad('header');
  const root = new X509Certificate(personalRootPem);
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(Buffer.from(x5c[0]!, 'base64'));
    if (!Buffer.from(x5c[1]!, 'base64').equals(root.raw)) return bad('chain');
  } catch {
    return bad('chain');
  }
  if (leaf.ca || !leaf.checkIssued(root) || !leaf.verify(root.publicKey)) return bad('chain');
  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(jws, leaf.publicKey, { algorithms: [SIGNED_CONSENT_ALG] }));
  } catch {
    return bad('signature');
  }
  const payload = payloadOf(payloadBytes);
  if (!payload) return bad('payload');
  const signedAt = payload.iat * 1000;
  if (signedAt < Date.parse(leaf.validFrom) || signedAt > Date.parse(leaf.validTo)) {
    return bad('certificate-not-valid-at-signing');
  }
  return { ok: true, payload, certSerial: leaf.serialNumber.toUpperCase() };
}
