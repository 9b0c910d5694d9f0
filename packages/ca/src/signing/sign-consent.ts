import { createPrivateKey, randomBytes } from 'node:crypto';
import { CompactSign, type CryptoKey } from 'jose';
import { CONSENT_NONCE_BYTES, type SignedConsentHeader, type SignedConsentPayload } from './signed-consent-format.ts';

/**
 * Sign one consent with the person's key (opened only after a right PIN): PKCS#8 PEM, or the key imported
 * from it once for a whole transaction (`importPKCS8`: importing a P-256 private key costs ~0.4 ms, which the
 * thirty consents of one approval should not pay thirty times).
 */
export async function signConsent(
  personKey: string | CryptoKey,
  header: SignedConsentHeader,
  fields: Omit<SignedConsentPayload, 'consentNonce'>,
): Promise<string> {
  const payload: SignedConsentPayload = {
    consent: fields.consent,
    consentNonce: randomBytes(CONSENT_NONCE_BYTES).toString('base64url'),
    cert_tx_id: fields.cert_tx_id,
    tx_id: fields.tx_id,
    iat: fields.iat,
  };
  return new CompactSign(Buffer.from(JSON.stringify(payload), 'utf8'))
    .setProtectedHeader({ ...header, x5c: [...header.x5c] })
    .sign(typeof personKey === 'string' ? createPrivateKey(personKey) : personKey);
}
