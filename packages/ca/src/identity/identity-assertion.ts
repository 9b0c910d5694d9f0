import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { CaTokenKey } from '../tokens/ca-token.ts';

/** The JWS `typ` of an identity assertion: never mistaken for a CA token or a signed consent. */
export const IDENTITY_ASSERTION_TYPE = 'identity+jwt';

/** How long the operator may rely on an assertion after the CA issued it (it is used at once, at sign-up). */
export const IDENTITY_ASSERTION_SECONDS = 300;

/**
 * The CA's signed statement of a confirmed identity check (PROVISIONAL): ES256 with the CA's signing key
 * (the key of its tokens, `kid`), `iss` the CA, `aud` the operator, `sub` the cert_tx_id, and the person's
 * `ci`, `name` and `birth_date`. The operator keeps it as evidence of where the CI came from.
 */
export async function mintIdentityAssertion(
  key: CaTokenKey,
  opts: {
    readonly iss: string;
    readonly aud: string;
    readonly certTxId: string;
    readonly ci: string;
    readonly name: string;
    readonly birthDate: string;
    readonly nowMs: number;
  },
): Promise<string> {
  const iat = Math.floor(opts.nowMs / 1000);
  return new SignJWT({ ci: opts.ci, name: opts.name, birth_date: opts.birthDate })
    .setProtectedHeader({ alg: 'ES256', typ: IDENTITY_ASSERTION_TYPE, kid: key.kid })
    .setIssuer(opts.iss)
    .setAudience(opts.aud)
    .setSubject(opts.certTxId)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + IDENTITY_ASSERTION_SECONDS)
    .sign(key.privateKey);
}
