import { createPrivateKey, randomBytes } from 'node:crypto';
import { CompactSign } from 'jose';
import { CONSENT_NONCE_BYTES, type SignedConsentHeader, type SignedConsentPayload } from './signed-consent-format.ts';

/** Sign one consent with the person's key (PKCS#8 PEM, opened only after a right PIN). */
export async function signConsent(
  personKeyPem: string,
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
    .sign(createPrivateKey(personKeyPem));
}
