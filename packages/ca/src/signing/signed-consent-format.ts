import { X509Certificate } from 'node:crypto';
import { CA_FIELDS } from '@hannun/spec';

/**
 * The signed consent, as Hannun's CA makes it. PROVISIONAL: 별첨2 (사설인증서 기반 통합인증) is not public,
 * and the real thing is a CMS SignedData (PKCS#7) over the consent. Hannun signs a compact JWS (RFC 7515)
 * instead, carrying the same facts:
 *
 *   protected header  { "alg": "ES256", "typ": "JOSE", "x5c": [<person certificate>, <CA personal root>] }
 *   payload           { "consent": <the exact consent text>, "consentNonce": <random base64url>,
 *                       "cert_tx_id": <the CA transaction>, "tx_id": <the consent's tx_id>, "iat": <seconds> }
 *
 * x5c entries are standard Base64 of DER (RFC 7515 §4.1.6). The person's CI is not in the certificate or
 * the payload; 통합인증-104 maps the certificate back to the CI for the provider.
 */
export interface SignedConsentPayload {
  readonly consent: string;
  readonly consentNonce: string;
  readonly cert_tx_id: string;
  readonly tx_id: string;
  /** Seconds since the epoch, when the person approved. */
  readonly iat: number;
}

export const SIGNED_CONSENT_TYP = 'JOSE';
export const SIGNED_CONSENT_ALG = 'ES256';
/** The most signed_consent may hold, in characters (its field type in the spec: aNS(20000), provisional). */
export const SIGNED_CONSENT_MAX: number = CA_FIELDS.signed_consent.type.length;
/** consentNonce: 32 random bytes, base64url (43 characters). */
export const CONSENT_NONCE_BYTES = 32;

/** x5c entries by PEM text, at most this many (oldest forgotten first). */
const X5C_REMEMBERED = 1024;
const x5cByPem = new Map<string, string>();

/**
 * The x5c entry of a PEM certificate: Base64 (not url) of its DER. A function of the PEM text alone, so it
 * is remembered: parsing the person's certificate and the root costs more than signing a consent, and 102
 * and the approval need them for every transaction.
 */
export function x5cEntry(certPem: string): string {
  let entry = x5cByPem.get(certPem);
  if (entry === undefined) {
    entry = new X509Certificate(certPem).raw.toString('base64');
    if (x5cByPem.size >= X5C_REMEMBERED) x5cByPem.delete(x5cByPem.keys().next().value!);
    x5cByPem.set(certPem, entry);
  }
  return entry;
}

export interface SignedConsentHeader {
  readonly alg: typeof SIGNED_CONSENT_ALG;
  readonly typ: typeof SIGNED_CONSENT_TYP;
  readonly x5c: readonly [string, string];
}

export function signedConsentHeader(personCertPem: string, rootCertPem: string): SignedConsentHeader {
  return { alg: SIGNED_CONSENT_ALG, typ: SIGNED_CONSENT_TYP, x5c: [x5cEntry(personCertPem), x5cEntry(rootCertPem)] };
}

const b64urlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);
/** An ES256 signature is 64 bytes: 86 base64url characters. */
const SIGNATURE_CHARS = b64urlLength(64);

/**
 * The length the signed consent of this consent text will have, exactly (the nonce, cert_tx_id and iat
 * are of fixed length; tx_id is given). 통합인증-102 refuses a consent that would not fit signed_consent.
 */
export function signedConsentLength(
  consent: string,
  txId: string,
  header: SignedConsentHeader,
  certTxIdLength: number,
): number {
  const payload = JSON.stringify({
    consent,
    consentNonce: 'n'.repeat(b64urlLength(CONSENT_NONCE_BYTES)),
    cert_tx_id: 'c'.repeat(certTxIdLength),
    tx_id: txId,
    iat: 1_000_000_000,
  });
  const headerBytes = Buffer.byteLength(JSON.stringify(header));
  return b64urlLength(headerBytes) + 1 + b64urlLength(Buffer.byteLength(payload)) + 1 + SIGNATURE_CHARS;
}
