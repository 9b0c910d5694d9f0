import type { RegisteredOrg } from '@hannun/registry';
import { type Infer, parseConsentDocument, type SIGN_VERIFICATION_BODY, utf8Length } from '@hannun/spec';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, fail } from '../service/ca-failure.ts';
import { verifySignedConsent } from '../signing/verify-signed-consent.ts';

export type SignVerificationBody = Infer<typeof SIGN_VERIFICATION_BODY>;

export type VerificationAnswer =
  | { readonly tx_id: string; readonly result: true; readonly user_ci: string }
  | { readonly tx_id: string; readonly result: false };

/**
 * 통합인증-104: a provider asks whether a signed consent is good, and for whose CI. True only when all hold:
 * the JWS verifies with its x5c leaf; the leaf is a certificate of this CA's personal root, valid when
 * signed, and belongs to the person of the transaction; the payload's consent is the given consent byte
 * for byte, with the same cert_tx_id and tx_id; the transaction was approved and this is the signature
 * it produced for this tx_id; and it was not verified before (a second verification is a replay).
 * Framing errors (lengths, consent_type, a consent that does not parse) answer 40001, and a consent for
 * another provider 40303, before any of that.
 */
export async function verifySignature(
  ctx: CaContext,
  provider: RegisteredOrg,
  body: SignVerificationBody,
): Promise<VerificationAnswer | CaFailure> {
  if (body.consent_type !== '0') {
    return fail('40001', 'consent_type: 전송요구 내역 원문(0)만 지원합니다', 'consent_type 1 is not supported');
  }
  if (body.consent_len !== utf8Length(body.consent)) {
    return fail('40001', 'consent_len: 전송요구 내역의 바이트 길이와 다릅니다', 'consent_len mismatch');
  }
  if (body.signed_consent_len !== body.signed_consent.length) {
    return fail('40001', 'signed_consent_len: 서명값의 길이와 다릅니다', 'signed_consent_len mismatch');
  }
  const parsed = parseConsentDocument(body.consent);
  if (!parsed.ok) return fail('40001', `consent.${parsed.problem.field}: ${parsed.problem.ko}`, parsed.problem.en);
  if (parsed.consent.org_code !== provider.orgCode) {
    return fail(
      '40303',
      'consent.org_code: 호출 기관의 전송요구가 아닙니다',
      'the consent names another provider than the caller',
    );
  }

  const no = (reason: string): VerificationAnswer => {
    ctx.logger.warn(
      { api: '통합인증-104', provider: provider.orgCode, txId: body.tx_id, reason },
      'signature not verified',
    );
    return { tx_id: body.tx_id, result: false };
  };
  const check = await verifySignedConsent(body.signed_consent, ctx.secrets.personalRoot.certPem);
  if (!check.ok) return no(check.fault);
  const { payload } = check;
  if (payload.consent !== body.consent) return no('consent differs from the signed one');
  if (payload.cert_tx_id !== body.cert_tx_id || payload.tx_id !== body.tx_id) {
    return no('cert_tx_id or tx_id differs from the signed one');
  }
  // Two statements: one read of what is compared, one write. An approved transaction, its consents and its
  // signatures never change again, so the read cannot go stale before the write; the write is the
  // compare-and-set that lets one verification through (a replay, even a concurrent one, is refused).
  const subject = await ctx.repository.verificationSubject(body.cert_tx_id, body.tx_id);
  if (subject?.status !== 'approved') return no('transaction not approved');
  const { consent, person } = subject;
  if (!consent || consent.consent !== body.consent || consent.providerOrgCode !== provider.orgCode) {
    return no('consent is not the one of the transaction');
  }
  if (subject.signedConsent !== body.signed_consent) return no('not the signature the CA produced');
  // The signing certificate is the transaction person's (serials are unique per person).
  if (person.certSerial !== check.certSerial) return no('certificate is not the transaction person');
  const first = await ctx.repository.recordVerification({
    certTxId: body.cert_tx_id,
    txId: body.tx_id,
    providerOrgCode: provider.orgCode,
    verifiedAt: ctx.clock.nowMs(),
  });
  if (!first) return no('replay: this signed consent was verified before');
  return { tx_id: body.tx_id, result: true, user_ci: person.ci };
}
