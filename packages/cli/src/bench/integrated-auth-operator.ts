// The operator's side of integrated authentication, as a MyData operator's server would send it: its own CA
// token (통합인증-101), the signing request (102), the person's approval on the CA's page (a real form post), the
// signed consents (103), then 통합인증-002 at every provider at once, and information calls with the tokens.
import {
  apiById,
  apiPath,
  CA_TOKEN_RESPONSE,
  type ConsentDocument,
  decodeMessage,
  encodeConsentDocument,
  encodeMessage,
  PASSWORD_TOKEN_FORM,
  PASSWORD_TOKEN_RESPONSE,
  SIGN_REQUEST_BODY,
  SIGN_REQUEST_RESPONSE,
  SIGN_RESULT_BODY,
  SIGN_RESULT_RESPONSE,
  utf8Length,
  type WireObject,
} from '@hannun/spec';
import type { Dispatcher } from 'undici';
import type { ClientCredential } from '../ecosystem/ecosystem-credentials.ts';
import type { BenchInstitutionInfo } from './integrated-auth-protocol.ts';
import type { BenchPerson } from './integrated-auth-world.ts';

export interface OperatorSide {
  /** The operator's mutual-TLS agent (its own certificate): to the CA's API and to the providers. */
  readonly agent: Dispatcher;
  /** The person's browser: plain HTTP to the CA's page. */
  readonly browser: Dispatcher;
  readonly operatorOrgCode: string;
  /** The operator's own credentials at the CA (통합인증-101). */
  readonly orgCredentials: ClientCredential;
  /** The service's credentials at the providers (통합인증-002). */
  readonly serviceCredentials: ClientCredential;
  readonly caApiUrl: string;
  readonly caPagesUrl: string;
  readonly caCode: string;
  readonly providerUrl: string;
  readonly nextTranId: () => string;
}

/** One consent signed at the CA, ready for 통합인증-002. */
export interface SignedConsent {
  readonly institution: BenchInstitutionInfo;
  readonly certTxId: string;
  readonly txId: string;
  readonly consent: string;
  readonly signed: string;
}

interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

const CA_TOKEN_PATH = apiPath(apiById('통합인증-101'), { version: 'v2' });
const SIGN_REQUEST_PATH = apiPath(apiById('통합인증-102'), { version: 'v2' });
const SIGN_RESULT_PATH = apiPath(apiById('통합인증-103'), { version: 'v2' });
const PASSWORD_TOKEN_PATH = apiPath(apiById('통합인증-002'), { version: 'v2' });
const CONSENTS_API = apiById('공통-002');
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json; charset=utf-8';

async function send(
  dispatcher: Dispatcher,
  url: string,
  init: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  const response = await dispatcher.request({
    origin: url,
    path: init.path,
    method: init.method,
    headers: init.headers,
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

async function sendJson(
  dispatcher: Dispatcher,
  url: string,
  init: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string },
): Promise<Answer> {
  const { status, text } = await send(dispatcher, url, init);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${init.method} ${init.path} answered ${status} with a body that is not JSON`);
  }
  if (typeof json !== 'object' || json === null) throw new Error(`${init.method} ${init.path} answered ${status}`);
  return { status, json: json as Record<string, unknown> };
}

function expectOk(answer: Answer, what: string): void {
  const code = answer.json['rsp_code'];
  if (answer.status !== 200 || (code !== undefined && code !== '00000')) {
    const detail = code ?? answer.json['error'];
    throw new Error(`${what} answered ${answer.status} ${String(detail)} ${String(answer.json['rsp_msg'] ?? '')}`);
  }
}

/** 통합인증-101: the operator's `scope=ca` token. */
export async function operatorCaToken(op: OperatorSide): Promise<string> {
  const answer = await sendJson(op.agent, op.caApiUrl, {
    method: 'POST',
    path: CA_TOKEN_PATH,
    headers: { 'content-type': FORM, 'x-api-tran-id': op.nextTranId() },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: op.orgCredentials.clientId,
      client_secret: op.orgCredentials.clientSecret,
      scope: 'ca',
    }).toString(),
  });
  expectOk(answer, '통합인증-101');
  return decodeMessage(CA_TOKEN_RESPONSE, answer.json, { location: 'response', lenient: true }).access_token;
}

/** The consents of one signing, in the order of the institutions, with their tx_ids. */
export interface SigningRequest {
  readonly person: BenchPerson;
  readonly signTxId: string;
  readonly items: readonly { institution: BenchInstitutionInfo; txId: string; consent: ConsentDocument }[];
}

/**
 * The signing ceremony: 102 (one request over every consent), the person's approval on the CA's page (GET the
 * form, POST the PIN with the form's CSRF token), then 103. Answers each consent with its signature.
 */
export async function signAtCa(op: OperatorSide, caToken: string, request: SigningRequest): Promise<SignedConsent[]> {
  const texts = request.items.map((item) => encodeConsentDocument(item.consent));
  const authorised = { authorization: `Bearer ${caToken}`, 'content-type': JSON_TYPE };
  const asked = await sendJson(op.agent, op.caApiUrl, {
    method: 'POST',
    path: SIGN_REQUEST_PATH,
    headers: { ...authorised, 'x-api-tran-id': op.nextTranId() },
    body: JSON.stringify(
      encodeMessage(
        SIGN_REQUEST_BODY,
        {
          sign_tx_id: request.signTxId,
          user_ci: request.person.ci,
          real_name: request.person.name,
          phone_num: `+82${request.person.phone.replace(/-/g, '').slice(1)}`,
          request_title: '마이데이터 서비스 가입',
          device_code: 'PC',
          device_browser: 'WB',
          consent_type: '0',
          consent_cnt: request.items.length,
          consent_list: request.items.map((item, i) => ({
            tx_id: item.txId,
            consent_title: `전송요구 ${i + 1}`,
            consent: texts[i]!,
            consent_len: utf8Length(texts[i]!),
          })),
        },
        { location: 'body' },
      ),
    ),
  });
  expectOk(asked, '통합인증-102');
  const certTxId = decodeMessage(SIGN_REQUEST_RESPONSE, asked.json, { location: 'response', lenient: true }).cert_tx_id;

  // The person: the CA's page, then 동의(서명) with the PIN.
  const pagePath = `/sign/${encodeURIComponent(certTxId)}`;
  const page = await send(op.browser, op.caPagesUrl, { method: 'GET', path: pagePath, headers: {} });
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (page.status !== 200 || !csrf) throw new Error(`the approval page answered ${page.status} without a form`);
  const approved = await send(op.browser, op.caPagesUrl, {
    method: 'POST',
    path: pagePath,
    headers: { 'content-type': FORM },
    body: new URLSearchParams({ csrf, action: 'approve', pin: request.person.pin }).toString(),
  });
  if (approved.status !== 200) throw new Error(`the approval answered ${approved.status}`);

  const result = await sendJson(op.agent, op.caApiUrl, {
    method: 'POST',
    path: SIGN_RESULT_PATH,
    headers: { ...authorised, 'x-api-tran-id': op.nextTranId() },
    body: JSON.stringify(
      encodeMessage(SIGN_RESULT_BODY, { cert_tx_id: certTxId, sign_tx_id: request.signTxId }, { location: 'body' }),
    ),
  });
  expectOk(result, '통합인증-103');
  const signed = decodeMessage(SIGN_RESULT_RESPONSE, result.json, { location: 'response', lenient: true });
  const byTxId = new Map(signed.signed_consent_list.map((s) => [s.tx_id, s.signed_consent]));
  return request.items.map((item, i) => {
    const signature = byTxId.get(item.txId);
    if (signature === undefined) throw new Error(`통합인증-103 left out the consent for ${item.institution.orgCode}`);
    return { institution: item.institution, certTxId, txId: item.txId, consent: texts[i]!, signed: signature };
  });
}

/** 통합인증-002 at one provider: the signed consent for a token pair. Answers the access token. */
export async function passwordGrant(op: OperatorSide, signed: SignedConsent, person: BenchPerson): Promise<string> {
  const org = signed.institution.orgCode;
  const form: WireObject = encodeMessage(
    PASSWORD_TOKEN_FORM,
    {
      tx_id: signed.txId,
      org_code: org,
      grant_type: 'password',
      client_id: op.serviceCredentials.clientId,
      client_secret: op.serviceCredentials.clientSecret,
      ca_code: op.caCode,
      username: person.ci,
      request_type: '1',
      password_len: signed.signed.length,
      password: signed.signed,
      auth_type: '1',
      consent_type: '0',
      consent_len: utf8Length(signed.consent),
      consent: signed.consent,
      cert_tx_id: signed.certTxId,
    },
    { location: 'form' },
  );
  const answer = await sendJson(op.agent, op.providerUrl, {
    method: 'POST',
    path: `${signed.institution.basePath}${PASSWORD_TOKEN_PATH}`,
    headers: { 'content-type': FORM, 'x-api-tran-id': op.nextTranId() },
    body: new URLSearchParams(form as Record<string, string>).toString(),
  });
  expectOk(answer, `통합인증-002 at ${org}`);
  return decodeMessage(PASSWORD_TOKEN_RESPONSE, answer.json, { location: 'response', lenient: true }).access_token;
}

/** 공통-002 at one provider with a token: the plainest authenticated information call there is. */
export async function consentsCall(op: OperatorSide, institution: BenchInstitutionInfo, token: string): Promise<void> {
  const path = apiPath(CONSENTS_API, { version: 'v2', industry: institution.industry });
  const answer = await sendJson(op.agent, op.providerUrl, {
    method: 'GET',
    path: `${institution.basePath}${path}?org_code=${institution.orgCode}`,
    headers: {
      authorization: `Bearer ${token}`,
      'x-api-tran-id': op.nextTranId(),
      'x-api-type': 'user-consent',
    },
  });
  expectOk(answer, `공통-002 at ${institution.orgCode}`);
  decodeMessage(CONSENTS_API.response, answer.json, { location: 'response', lenient: true });
}
