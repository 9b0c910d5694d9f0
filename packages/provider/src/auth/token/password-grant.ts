import { randomUUID } from 'node:crypto';
import type { RegisteredService } from '@hannun/registry';
import {
  type ConsentDocument,
  encodeMessage,
  PASSWORD_TOKEN_FORM,
  PASSWORD_TOKEN_RESPONSE,
  parseConsentDocument,
  utf8Length,
  type WireObject,
} from '@hannun/spec';
import { kstDate } from '../../clock/kst.ts';
import { type AssetRef, sameKey } from '../../consent/consent-assets.ts';
import { parseCycle } from '../../consent/consent-cycle.ts';
import { compactDate, consentFromDocument } from '../../consent/consent-from-document.ts';
import type { CustomerBook } from '../../ledger/ledger.ts';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { CaUnavailableError, type CaVerification } from '../ca-client.ts';
import { authenticateClient } from '../client-auth.ts';
import { customerHoldings } from '../customer-assets.ts';
import { checkOrgCode, type Prelude } from '../endpoint-prelude.ts';
import { decodeForm } from '../form-body.ts';
import { isOAuthFailure, type OAuthFailure, oauthFail } from '../oauth-failure.ts';
import { issuePairLocked, pairKey, replayedCertTx } from './issue-pair.ts';

type PasswordForm = Exclude<ReturnType<typeof decodeForm<typeof PASSWORD_TOKEN_FORM>>, OAuthFailure>;

const MAX_YEARS = 5;

/** The form's own consistency: the integrated-auth flow offered, lengths that match their fields. */
function checkForm(form: PasswordForm): OAuthFailure | undefined {
  if (form.auth_type !== '1') {
    return oauthFail(
      'invalid_request',
      'auth_type: 전자서명인증사업자(1) 방식만 제공합니다',
      'only auth_type 1 (사설인증서, CA verification) is offered',
    );
  }
  if (form.cert_tx_id === undefined) {
    return oauthFail('invalid_request', 'cert_tx_id: 필수 항목입니다 (auth_type 1)', 'cert_tx_id is required');
  }
  if (form.consent_type !== '0') {
    return oauthFail('invalid_request', 'consent_type: 전송요구 원문(0)만 허용합니다', 'consent_type must be 0');
  }
  if (form.consent_len !== utf8Length(form.consent)) {
    return oauthFail('invalid_request', 'consent_len: consent의 바이트 길이와 다릅니다', 'consent_len mismatch');
  }
  if (form.password_len !== form.password.length) {
    return oauthFail('invalid_request', 'password_len: password의 길이와 다릅니다', 'password_len mismatch');
  }
  return undefined;
}

/**
 * The consent must be for this request: this institution, the calling service and its operator, scopes of
 * this industry, an end date from today to 5 years on (provider clock, KST), cycles that parse, and assets
 * that are the customer's here (or 'all' of them). Answers the stored assets.
 */
function checkConsent(
  doc: ConsentDocument,
  industryOk: boolean,
  inst: AuthInstitution,
  service: RegisteredService,
  customer: CustomerBook,
  now: number,
): AssetRef[] | OAuthFailure {
  const orgCode = inst.institution.orgCode;
  if (doc.org_code !== orgCode) {
    return oauthFail(
      'invalid_grant',
      'consent.org_code: 이 정보제공자에 대한 전송요구가 아닙니다',
      'consent for another org_code',
    );
  }
  if (doc.client_id !== service.clientId) {
    return oauthFail(
      'invalid_grant',
      'consent.client_id: 요청한 서비스에 대한 전송요구가 아닙니다',
      'consent for another client_id',
    );
  }
  if (doc.rcv_org_code !== service.orgCode) {
    return oauthFail(
      'invalid_grant',
      'consent.rcv_org_code: 서비스 운영 기관이 아닙니다',
      'consent for another recipient',
    );
  }
  if (!industryOk) {
    return oauthFail(
      'invalid_scope',
      'consent.scope: 이 정보제공자 업권의 scope가 아닙니다',
      'scopes of another industry',
    );
  }
  const end = compactDate(doc.end_date);
  const today = kstDate(now);
  if (!end) return oauthFail('invalid_request', 'consent.end_date: 날짜가 아닙니다', 'end_date is not a date');
  if (end.until(today).sign > 0) {
    return oauthFail('invalid_grant', 'consent.end_date: 오늘 이전입니다', 'end_date before today');
  }
  if (today.add({ years: MAX_YEARS }).until(end).sign > 0) {
    return oauthFail('invalid_grant', 'consent.end_date: 5년을 넘습니다', 'end_date more than 5 years away');
  }
  for (const field of ['fnd_cycle', 'add_cycle'] as const) {
    if (!parseCycle(doc[field]))
      return oauthFail('invalid_request', `consent.${field}: 주기 형식 오류`, `${field} unparsable`);
  }
  const held = customerHoldings(inst, customer, now);
  if (doc.target === 'all') return held.map((h) => ({ listApi: h.listApi, key: h.key }));
  const assets: AssetRef[] = [];
  for (const [i, asset] of doc.asset_list.entries()) {
    const holding = held.find((h) => h.listApi === asset.api && sameKey(h.key, asset.key));
    if (!holding) {
      return oauthFail(
        'invalid_grant',
        `consent.asset_list[${i}]: 이 고객의 자산이 아닙니다`,
        `asset_list[${i}] is not an asset of the customer here`,
      );
    }
    assets.push({ listApi: holding.listApi, key: holding.key });
  }
  return assets;
}

/**
 * 통합인증-002 (grant_type=password, auth_type 1): the operator brings the consent the person signed at the
 * CA. The provider checks the client, the form and the consent against itself, refuses a cert_tx_id or tx_id
 * used here before, asks the CA to verify the signature (통합인증-104), compares
 * the CA's CI with `username`, then claims the CA transaction, stores the consent with its signature and
 * issues the pair in one store step; tx_id is echoed. Nothing is stored and no token exists until every
 * check has passed.
 */
export async function passwordGrant(
  deps: AuthDeps,
  inst: AuthInstitution,
  pre: Prelude,
): Promise<WireObject | OAuthFailure> {
  const form = decodeForm(PASSWORD_TOKEN_FORM, pre.fields);
  if (isOAuthFailure(form)) return form;
  const orgCode = inst.institution.orgCode;
  const wrongOrg = checkOrgCode(form.org_code, orgCode);
  if (wrongOrg) return wrongOrg;
  const service = authenticateClient(pre.registry, form.client_id, form.client_secret, pre.callerOrg);
  if (isOAuthFailure(service)) return service;
  const badForm = checkForm(form);
  if (badForm) return badForm;
  const certTxId = form.cert_tx_id!;

  const ca = pre.registry.caByCode(form.ca_code);
  if (!ca) return oauthFail('invalid_request', 'ca_code: 등록되지 않은 인증기관', 'unknown ca_code');
  const caClient = deps.caClient;
  if (!caClient) {
    return oauthFail(
      'server_error',
      '정보제공자 설정 오류: 통합인증기관 연결 없음',
      'the provider engine has no CA client (config.auth.caClient)',
    );
  }

  const parsed = parseConsentDocument(form.consent);
  if (!parsed.ok) {
    return oauthFail('invalid_request', `consent.${parsed.problem.field}: ${parsed.problem.ko}`, parsed.problem.en);
  }
  const customer = inst.book.customer(form.username);
  if (!customer) {
    return oauthFail('unauthorized_user', 'username: 이 정보제공자의 고객이 아닙니다', 'no customer with this CI');
  }
  const now = deps.clock.nowMs();
  const assets = checkConsent(
    parsed.consent,
    parsed.industry === inst.institution.industry,
    inst,
    service,
    customer,
    now,
  );
  if (isOAuthFailure(assets)) return assets;

  // A cert_tx_id or tx_id used here before is refused without asking the CA. The claim that counts is
  // written with the pair (issuePairLocked): two requests racing with one signature get one pair.
  if (await deps.store.certTxs.claimed(orgCode, certTxId, form.tx_id)) return replayedCertTx();
  let verified: CaVerification;
  try {
    verified = await caClient.verify(ca, orgCode, {
      tx_id: form.tx_id,
      cert_tx_id: certTxId,
      signed_consent: form.password,
      consent_type: form.consent_type,
      consent: form.consent,
    });
  } catch (error) {
    if (error instanceof CaUnavailableError) {
      return oauthFail('temporarily_unavailable', '통합인증기관에 연결할 수 없습니다', error.message);
    }
    throw error;
  }
  if (!verified.result || verified.txId !== form.tx_id) {
    return oauthFail('invalid_grant', 'password: 전자서명 검증 실패', 'the CA did not verify the signed consent');
  }
  if (verified.userCi !== form.username) {
    return oauthFail('unauthorized_user', 'username: 서명자의 CI와 다릅니다', 'CI of the signer differs from username');
  }

  const consent = consentFromDocument(parsed.consent, {
    id: randomUUID(),
    ci: form.username,
    createdAt: now,
    assets,
    scopes: parsed.scopes,
    signature: {
      caCode: form.ca_code,
      certTxId,
      txId: form.tx_id,
      consent: form.consent,
      signedConsent: form.password,
    },
  });
  // The claim, the consent and the pair are stored in one step, or nothing is (a replay, an ended consent).
  const issued = await deps.lock.run(pairKey(orgCode, service.clientId, consent.ci), () =>
    issuePairLocked(deps, {
      inst,
      service,
      consent,
      auth: 'integrated',
      grant: `cert:${certTxId}`,
      integrated: { certTxId, txId: form.tx_id },
    }),
  );
  if (isOAuthFailure(issued)) return issued;
  return encodeMessage(PASSWORD_TOKEN_RESPONSE, {
    tx_id: form.tx_id,
    token_type: 'Bearer',
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: issued.refreshExpiresIn,
    scope: issued.scope,
  });
}
