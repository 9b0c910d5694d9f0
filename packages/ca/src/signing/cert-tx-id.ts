import { randomBytes } from 'node:crypto';

/** cert_tx_id: 30 random bytes as base64url, 40 characters (aNS(40)): unguessable, safe in a URL path. */
export function newCertTxId(): string {
  return randomBytes(30).toString('base64url');
}

export const CERT_TX_ID_LENGTH = 40;
export const CERT_TX_ID_PATTERN = /^[A-Za-z0-9_-]{40}$/;
