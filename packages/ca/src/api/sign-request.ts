import { randomBytes } from 'node:crypto';
import type { RegisteredOrg } from '@hannun/registry';
import { CONSENT_MAX_YEARS, type Infer, parseConsentDocument, type SIGN_REQUEST_BODY, utf8Length } from '@hannun/spec';
import { addYears, kstDate } from '../kst.ts';
import { normalisePhone } from '../people/phone.ts';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, fail } from '../service/ca-failure.ts';
import { CERT_TX_ID_LENGTH, newCertTxId } from '../signing/cert-tx-id.ts';
import { SIGNED_CONSENT_MAX, signedConsentHeader, signedConsentLength } from '../signing/signed-consent-format.ts';
import type { SignTransaction, TransactionConsent } from '../store/ca-repository.ts';

export type SignRequestBody = Infer<typeof SIGN_REQUEST_BODY>;

/** Provider org types: with their own API (01) or through a relay (02). */
const PROVIDER_TYPES = new Set(['01', '02']);

/**
 * 통합인증-102 after the caller is authorised (an operator) and the body decoded: check every consent
 * against the registry and the person, then open a signing transaction (status requested) that expires
 * unless approved in time. Answers the cert_tx_id. Nothing is stored when any check fails.
 */
export async function openSignRequest(
  ctx: CaContext,
  operator: RegisteredOrg,
  body: SignRequestBody,
): Promise<{ certTxId: string } | CaFailure> {
  const prefix = `${operator.orgCode}_${ctx.caCode}_`;
  if (!body.sign_tx_id.startsWith(prefix)) {
    return fail(
      '40001',
      `sign_tx_id: {기관코드}_{인증기관코드}_로 시작해야 합니다 (${prefix})`,
      'sign_tx_id does not start with the operator org_code and the CA code',
    );
  }
  if (body.consent_type !== '0') {
    return fail(
      '40001',
      'consent_type: 전송요구 내역 원문(0)만 지원합니다',
      'consent_type 1 (hash) is not supported: the person must read the consent',
    );
  }
  const person = await ctx.repository.personByCi(body.user_ci);
  if (!person) return fail('40403', '인증기관에 등록되지 않은 정보주체입니다', 'user_ci not enrolled');
  if (person.name !== body.real_name.trim() || normalisePhone(body.phone_num) !== person.phone) {
    return fail(
      '40403',
      '정보주체의 성명 또는 휴대폰번호가 인증기관에 등록된 정보와 다릅니다',
      'real_name or phone_num does not match the enrolled person',
    );
  }

  const now = ctx.clock.nowMs();
  const today = kstDate(now);
  const header = signedConsentHeader(person.certPem, ctx.secrets.personalRoot.certPem);
  const seen = new Set<string>();
  const consents: TransactionConsent[] = [];
  for (const [i, item] of body.consent_list.entries()) {
    const at = `consent_list[${i}]`;
    if (seen.has(item.tx_id)) return fail('40001', `${at}.tx_id: 중복된 거래고유번호입니다`, 'duplicate tx_id');
    seen.add(item.tx_id);
    if (item.consent_len !== utf8Length(item.consent)) {
      return fail(
        '40001',
        `${at}.consent_len: 전송요구 내역의 바이트 길이와 다릅니다`,
        'consent_len is not the UTF-8 length of consent',
      );
    }
    const parsed = parseConsentDocument(item.consent);
    if (!parsed.ok) {
      return fail('40001', `${at}.consent.${parsed.problem.field}: ${parsed.problem.ko}`, parsed.problem.en);
    }
    const c = parsed.consent;
    if (c.rcv_org_code !== operator.orgCode) {
      return fail(
        '40303',
        `${at}.consent.rcv_org_code: 요청 기관이 아닌 수신자입니다`,
        'consent recipient is not the calling operator',
      );
    }
    const service = ctx.registry.service(c.client_id);
    if (!service || service.orgCode !== operator.orgCode) {
      return fail(
        '40303',
        `${at}.consent.client_id: 요청 기관의 서비스가 아닙니다`,
        'client_id is not a service of the calling operator',
      );
    }
    const provider = ctx.registry.org(c.org_code);
    if (!provider || !PROVIDER_TYPES.has(provider.orgType)) {
      return fail(
        '40303',
        `${at}.consent.org_code: 등록되지 않은 정보제공자입니다`,
        'consent org_code is not a registered provider',
      );
    }
    if (provider.industry !== undefined && provider.industry !== parsed.industry) {
      return fail(
        '40303',
        `${at}.consent.scope: 정보제공자의 업권과 다른 scope입니다`,
        'consent scopes are not of the provider industry',
      );
    }
    if (c.end_date < today || c.end_date > addYears(c.consent_date.slice(0, 8), CONSENT_MAX_YEARS)) {
      return fail(
        '40001',
        `${at}.consent.end_date: 오늘 이후 ${CONSENT_MAX_YEARS}년 이내여야 합니다`,
        'end_date is in the past or beyond 5 years',
      );
    }
    if (signedConsentLength(item.consent, item.tx_id, header, CERT_TX_ID_LENGTH) > SIGNED_CONSENT_MAX) {
      return fail(
        '40001',
        `${at}.consent: 서명값이 ${SIGNED_CONSENT_MAX}자를 넘게 됩니다 (자산 수를 줄이거나 전체 자산을 선택하세요)`,
        'the signed consent would not fit signed_consent',
      );
    }
    consents.push({ txId: item.tx_id, title: item.consent_title, consent: item.consent, providerOrgCode: c.org_code });
  }

  const tx: SignTransaction = {
    certTxId: newCertTxId(),
    signTxId: body.sign_tx_id,
    operatorOrgCode: operator.orgCode,
    personId: person.id,
    requestTitle: body.request_title,
    deviceCode: body.device_code,
    deviceBrowser: body.device_browser,
    returnAppSchemeUrl: body.return_app_scheme_url ?? null,
    consentType: body.consent_type,
    csrfToken: randomBytes(24).toString('base64url'),
    status: 'requested',
    createdAt: now,
    expiresAt: now + ctx.limits.signRequestSeconds * 1000,
    decidedAt: null,
    consents,
  };
  if ((await ctx.repository.addTransaction(tx)) === 'duplicate') {
    return fail('40001', 'sign_tx_id: 이미 사용된 서명 요청 거래고유번호입니다', 'duplicate sign_tx_id');
  }
  return { certTxId: tx.certTxId };
}
