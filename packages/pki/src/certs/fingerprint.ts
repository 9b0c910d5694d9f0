import { createHash } from 'node:crypto';

/**
 * The SHA-256 fingerprint of a certificate's DER, upper-case hex pairs joined by colons — the same form as
 * Node's `X509Certificate.fingerprint256` and `getPeerCertificate().fingerprint256`, so they compare as strings.
 */
export function fingerprint256(der: Uint8Array): string {
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}
