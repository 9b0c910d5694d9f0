import { createPrivateKey } from 'node:crypto';
import type { CaContext } from '../service/ca-context.ts';
import { openKey, personKeyAad } from '../people/key-envelope.ts';
import type { ConsentSignature, PersonRecord, SignTransaction } from '../store/ca-repository.ts';
import { signConsent } from './sign-consent.ts';
import { signedConsentHeader } from './signed-consent-format.ts';

/**
 * The person approved with the right PIN: open their key (sealed to their row), sign every consent of the
 * transaction, and store the signatures with the approval in one step. False when the transaction was
 * decided or expired in the meantime (nothing is stored then). Call only after the PIN was checked.
 */
export async function signTransaction(ctx: CaContext, tx: SignTransaction, person: PersonRecord): Promise<boolean> {
  const now = ctx.clock.nowMs();
  // Parsed once for every consent of the transaction.
  const keyPem = openKey(person.sealedKey, ctx.secrets.keyEncryptionKey, personKeyAad(person.id));
  const key = createPrivateKey(keyPem);
  const header = signedConsentHeader(person.certPem, ctx.secrets.personalRoot.certPem);
  const iat = Math.floor(now / 1000);
  // Signed side by side: node:crypto runs each signature on the thread pool (≈30 µs each), not the event loop.
  const signatures = await Promise.all(
    tx.consents.map(
      async (c): Promise<ConsentSignature> => ({
        txId: c.txId,
        signedConsent: await signConsent(key, header, {
          consent: c.consent,
          cert_tx_id: tx.certTxId,
          tx_id: c.txId,
          iat,
        }),
        signedAt: now,
      }),
    ),
  );
  return ctx.repository.approve(tx.certTxId, signatures, now);
}
