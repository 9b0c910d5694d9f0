import type { RegisteredOrg } from '@hannun/registry';
import type { Infer, SIGN_RESULT_BODY, SIGN_RESULT_RESPONSE } from '@hannun/spec';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, fail } from '../service/ca-failure.ts';
import { effectiveStatus } from '../store/ca-repository.ts';

export type SignResultBody = Infer<typeof SIGN_RESULT_BODY>;
export type SignResultAnswer = Infer<typeof SIGN_RESULT_RESPONSE>;

/** The rsp_code of 통합인증-103 while the person has not yet signed (provisional, see rsp-codes.ts). */
export const NOT_YET_SIGNED = '40901' as const;

/**
 * 통합인증-103: the signed consents of a transaction, to the operator that asked for them with the same
 * sign_tx_id. Before the person approves: 40901 (not yet signed, ask again). After refusal or expiry:
 * 40301 saying which. Someone else's or an unknown cert_tx_id answers the same 40001, so a guess learns
 * nothing.
 */
export async function readSignResult(
  ctx: CaContext,
  operator: RegisteredOrg,
  body: SignResultBody,
): Promise<SignResultAnswer | CaFailure> {
  const tx = await ctx.repository.transaction(body.cert_tx_id);
  if (!tx || tx.operatorOrgCode !== operator.orgCode || tx.signTxId !== body.sign_tx_id) {
    return fail(
      '40001',
      'cert_tx_id: 서명 요청을 찾을 수 없습니다',
      'no such transaction for this operator and sign_tx_id',
    );
  }
  const now = ctx.clock.nowMs();
  const status = effectiveStatus(tx, now);
  switch (status) {
    case 'requested':
      return fail(NOT_YET_SIGNED, '정보주체가 아직 서명하지 않았습니다', 'not signed yet');
    case 'refused':
      return fail('40301', '정보주체가 서명을 거부했습니다', 'the person refused');
    case 'expired':
      if (tx.status === 'requested') await ctx.repository.decide(tx.certTxId, 'expired', now);
      return fail('40301', '서명 요청이 만료되었습니다', 'the signing request expired');
    case 'approved': {
      const byTx = new Map((await ctx.repository.signatures(tx.certTxId)).map((s) => [s.txId, s]));
      const list = tx.consents.map((c) => {
        const s = byTx.get(c.txId);
        if (!s) throw new Error(`approved transaction without the signature of one of its consents`);
        return { tx_id: c.txId, signed_consent: s.signedConsent, signed_consent_len: s.signedConsent.length };
      });
      return { signed_consent_list: list } as SignResultAnswer;
    }
  }
}
