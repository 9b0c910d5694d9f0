import type { RegisteredOrg } from '@hannun/registry';

/** What the provider sends the CA to verify one signed consent (통합인증-104, SIGN_VERIFICATION_BODY). */
export interface CaVerifyRequest {
  readonly tx_id: string;
  readonly cert_tx_id: string;
  readonly signed_consent: string;
  readonly consent_type: '0' | '1';
  /** The consent text exactly as received in 통합인증-002. */
  readonly consent: string;
}

/** The CA's answer: whether the signature over the consent verified, and whose CI signed it. */
export interface CaVerification {
  readonly txId: string;
  readonly result: boolean;
  readonly userCi: string | undefined;
}

/** The CA could not be asked (unreachable, 5xx, a broken answer): the operator may retry. */
export class CaUnavailableError extends Error {
  override readonly name = 'CaUnavailableError';
}

/**
 * The provider's side of the integrated CA (통합인증-101 for its own `scope=ca` token, 통합인증-104 to
 * verify). `asOrg` is the institution asking, whose credentials and tran ids are used. Implementations:
 * `createHttpCaClient` (over an undici dispatcher: the mTLS agent in production).
 */
export interface CaClient {
  verify(ca: RegisteredOrg, asOrg: string, request: CaVerifyRequest): Promise<CaVerification>;
}
