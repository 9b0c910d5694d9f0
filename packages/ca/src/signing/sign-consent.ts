import { createPrivateKey, type KeyObject, randomBytes } from 'node:crypto';
import { signEs256JwsAsync } from '@hannun/pki';
import { CONSENT_NONCE_BYTES, type SignedConsentHeader, type SignedConsentPayload } from './signed-consent-format.ts';

/**
 * Sign one consent with the person's key (opened only after a right PIN): PKCS#8 PEM, or the key parsed
 * from it once for a whole transaction (`createPrivateKey`: parsing a P-256 private key costs far more than a
 * signature, which the thirty consents of one approval should not pay thirty times). ES256 on node:crypto
 * (es256-jws.ts), on libuv's thread pool: the compact JWS jose's CompactSign makes.
 */
export async function signConsent(
  personKey: string | KeyObject,
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
  const { alg: _alg, ...rest } = header;
  return signEs256JwsAsync(
    { ...rest, x5c: [...header.x5c] },
    JSON.stringify(payload),
    typeof personKey === 'string' ? createPrivateKey(personKey) : personKey,
  );
}
