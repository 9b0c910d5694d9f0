import { randomBytes } from 'node:crypto';
import type { RegisteredOrg } from '@hannun/registry';
import { normalisePhone } from '../people/phone.ts';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, fail } from '../service/ca-failure.ts';
import { newCertTxId } from '../signing/cert-tx-id.ts';
import type { IdentityRequestBody } from './identity-shapes.ts';
import type { IdentityStore } from './identity-store.ts';

const ymd = (d: { year: number; month: number; day: number }) =>
  `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;

/**
 * `POST /ca/identity_request` (PROVISIONAL), after the caller is authorised (an operator): find the enrolled
 * person with this name, birth date and mobile number, and open a check the person confirms on the CA's page
 * with their PIN. Answers the cert_tx_id. A person not enrolled (or details that do not match) is 40403, and
 * nothing is stored.
 */
export async function openIdentityRequest(
  ctx: CaContext,
  identities: IdentityStore,
  operator: RegisteredOrg,
  body: IdentityRequestBody,
): Promise<{ certTxId: string } | CaFailure> {
  const phone = normalisePhone(body.phone_num);
  if (!phone) return fail('40001', 'phone_num: 휴대폰 번호 형식이 아닙니다', 'phone_num is not a Korean mobile number');
  const birthDate = ymd(body.birth_date);
  const name = body.real_name.trim();
  const matches = (await ctx.repository.peopleByPhone(phone)).filter(
    (p) => p.name === name && p.birthDate === birthDate,
  );
  if (matches.length !== 1) {
    return fail(
      '40403',
      '인증기관에 등록된 정보와 일치하는 정보주체가 없습니다',
      matches.length === 0 ? 'no enrolled person with these details' : 'several people match',
    );
  }
  const now = ctx.clock.nowMs();
  const certTxId = newCertTxId();
  await identities.add({
    certTxId,
    operatorOrgCode: operator.orgCode,
    personId: matches[0]!.id,
    requestTitle: body.request_title,
    returnUrl: body.return_app_scheme_url ?? null,
    csrfToken: randomBytes(24).toString('base64url'),
    status: 'requested',
    createdAt: now,
    expiresAt: now + ctx.limits.signRequestSeconds * 1000,
    decidedAt: null,
    collectedAt: null,
  });
  ctx.logger.info({ operator: operator.orgCode }, 'identity check opened');
  return { certTxId };
}
