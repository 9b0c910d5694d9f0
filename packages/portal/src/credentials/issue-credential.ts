import { createHmac } from 'node:crypto';
import { hashClientSecret, newClientCredential } from '@hannun/registry';

/** A client_id and client_secret pair, aN(50) each. The secret is shown once, to its holder. */
export interface IssuedCredential {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A fresh credential (the organisation's own for 지원-001, or a service's for 지원-003). */
export function issueCredential(): IssuedCredential {
  return { clientId: newClientCredential(), clientSecret: newClientCredential() };
}

/** What the registry keeps of a credential: the client_id and the secret's SHA-256. */
export function storedCredential(issued: IssuedCredential): { clientId: string; clientSecretHash: string } {
  return { clientId: issued.clientId, clientSecretHash: hashClientSecret(issued.clientSecret) };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 50 letters and digits drawn from HMAC-SHA-256(key, label ‖ counter), uniformly (rejection sampling). */
function derive(key: Uint8Array, label: string): string {
  let out = '';
  for (let counter = 0; out.length < 50; counter++) {
    for (const byte of createHmac('sha256', key).update(`${label}:${counter}`).digest()) {
      if (byte < 248 && out.length < 50) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/**
 * The "종합포털 자격증명" an organisation verifies when the portal asks it for a token (지원-101): derived
 * from the portal's credential key, the org_code and a generation (bump it to reissue), so the portal can
 * always present it without storing a secret. The organisation receives it once, at onboarding, and keeps
 * only what it needs to check it.
 */
export function portalCredential(key: Uint8Array, orgCode: string, generation: number): IssuedCredential {
  if (key.length < 32) throw new Error('the portal credential key must be at least 32 bytes');
  return {
    clientId: derive(key, `portal-credential-id:${orgCode}:${generation}`),
    clientSecret: derive(key, `portal-credential-secret:${orgCode}:${generation}`),
  };
}
