import { randomBytes } from 'node:crypto';

/**
 * A random 128-bit certificate serial number, as hex (what @peculiar/x509 takes). The library adds a
 * leading zero octet when the top bit is set, so the DER INTEGER stays positive and within RFC 5280's
 * 20 octets. DER drops leading zero octets, so one serial in 256 prints shorter than 32 hex digits.
 */
export function randomSerialNumberHex(): string {
  return randomBytes(16).toString('hex');
}
