import { createHmac } from 'node:crypto';
import type { CaClient, CaVerification, CaVerifyRequest } from '../ca-client.ts';
import { CaUnavailableError } from '../ca-client.ts';

/**
 * An in-process stand-in for the CA in tests that are not about the CA: a "signature" is an HMAC of the
 * consent text under a key only this fake knows, bound to a signing (cert_tx_id) of one person. Verification
 * answers like 통합인증-104: true and the signer's CI for an untouched consent, false for anything else.
 */
export interface FakeCa extends CaClient {
  /** Sign consents for a person: a new cert_tx_id and one signed consent per text. */
  sign(ci: string, consents: readonly string[]): { certTxId: string; signed: string[] };
  /** Make the next verifications fail as an unreachable CA would. */
  down: boolean;
  readonly calls: CaVerifyRequest[];
}

export function createFakeCa(): FakeCa {
  const key = 'fake-ca-key';
  const signers = new Map<string, string>();
  let serial = 0;
  const mac = (certTxId: string, text: string) =>
    createHmac('sha256', key).update(`${certTxId}\u0001${text}`).digest('base64url');
  const fake: FakeCa = {
    down: false,
    calls: [],
    sign(ci, consents) {
      const certTxId = `CERT${String(++serial).padStart(12, '0')}`;
      signers.set(certTxId, ci);
      return { certTxId, signed: consents.map((c) => mac(certTxId, c)) };
    },
    async verify(_ca, _asOrg, request): Promise<CaVerification> {
      fake.calls.push(request);
      if (fake.down) throw new CaUnavailableError('fake CA is down');
      const ci = signers.get(request.cert_tx_id);
      const ok = ci !== undefined && mac(request.cert_tx_id, request.consent) === request.signed_consent;
      return { txId: request.tx_id, result: ok, userCi: ok ? ci : undefined };
    },
  };
  return fake;
}
