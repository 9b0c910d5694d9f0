import type { RegisteredOrg } from '@hannun/registry';
import { Temporal } from 'temporal-polyfill';
import { NOT_YET_SIGNED } from '../api/sign-result.ts';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, fail } from '../service/ca-failure.ts';
import { mintIdentityAssertion } from './identity-assertion.ts';
import type { IdentityResultBody } from './identity-shapes.ts';
import { type IdentityStore, identityStatus } from './identity-store.ts';

export interface IdentityAnswer {
  readonly user_ci: string;
  readonly real_name: string;
  readonly birth_date: Temporal.PlainDate;
  readonly identity_assertion: string;
}

/**
 * `POST /ca/identity_result` (PROVISIONAL): once the person confirmed on the page, the CI, name, birth date
 * and the CA's signed assertion, to the operator that asked, **once** (a second read is refused, so a leaked
 * cert_tx_id gives nothing later). Before: 40901 (ask again). Refused or expired: 40301 saying which. An
 * unknown, another operator's or an already collected check: 40001, alike.
 */
export async function readIdentityResult(
  ctx: CaContext,
  identities: IdentityStore,
  operator: RegisteredOrg,
  body: IdentityResultBody,
): Promise<IdentityAnswer | CaFailure> {
  const unknown = () =>
    fail('40001', 'cert_tx_id: 본인확인 요청을 찾을 수 없습니다', 'no such identity check for this operator');
  const tx = await identities.get(body.cert_tx_id);
  if (!tx || tx.operatorOrgCode !== operator.orgCode) return unknown();
  const now = ctx.clock.nowMs();
  switch (identityStatus(tx, now)) {
    case 'requested':
      return fail(NOT_YET_SIGNED, '정보주체가 아직 본인확인을 하지 않았습니다', 'not confirmed yet');
    case 'refused':
      return fail('40301', '정보주체가 본인확인을 거부했습니다', 'the person refused');
    case 'expired':
      if (tx.status === 'requested') await identities.decide(tx.certTxId, 'expired', now);
      return fail('40301', '본인확인 요청이 만료되었습니다', 'the identity check expired');
    case 'approved':
      break;
  }
  const person = await ctx.repository.personById(tx.personId);
  if (!person) throw new Error('identity check without its person');
  if (!(await identities.collect(tx.certTxId, now))) {
    ctx.logger.warn({ operator: operator.orgCode }, 'identity result asked for a second time: refused');
    return unknown();
  }
  const assertion = await mintIdentityAssertion(ctx.tokenKey, {
    iss: ctx.orgCode,
    aud: operator.orgCode,
    certTxId: tx.certTxId,
    ci: person.ci,
    name: person.name,
    birthDate: person.birthDate,
    nowMs: now,
  });
  return {
    user_ci: person.ci,
    real_name: person.name,
    birth_date: Temporal.PlainDate.from({
      year: Number(person.birthDate.slice(0, 4)),
      month: Number(person.birthDate.slice(4, 6)),
      day: Number(person.birthDate.slice(6, 8)),
    }),
    identity_assertion: assertion,
  };
}
