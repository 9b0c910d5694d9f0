import { AUTH_FIELDS, aNS, CA_FIELDS, DATE, type FieldDef, type Infer, vocabulary } from '@hannun/spec';

/**
 * PROVISIONAL (Hannun's own, not in the standard): the identity check an operator asks of the CA at sign-up
 * (본인확인), so that a new member's CI comes from the CA rather than from the person. The standard's
 * 본인확인 belongs to licensed identity services (PASS, 휴대폰 본인확인) whose APIs are not public; this is the
 * smallest stand-in that reuses the CA's enrolled people, its page and its PIN lockout.
 */
const IDENTITY_FIELDS = {
  birth_date: { type: DATE, ko: '생년월일', en: 'Birth date (YYYYMMDD)', provisional: true },
  identity_assertion: {
    type: aNS(4000),
    ko: '본인확인 결과 서명값',
    en: "The CA's signed assertion of the check (JWS ES256, typ identity+jwt)",
    provisional: true,
  },
} as const satisfies Record<string, FieldDef>;

const { req, opt } = vocabulary({ ...AUTH_FIELDS, ...CA_FIELDS, ...IDENTITY_FIELDS });

/** `POST /ca/identity_request` (operators): who the person says they are. */
export const IDENTITY_REQUEST_BODY = [
  req('real_name'),
  req('birth_date'),
  req('phone_num'),
  req('request_title'),
  opt('return_app_scheme_url'),
] as const;

export const IDENTITY_REQUEST_RESPONSE = [req('cert_tx_id')] as const;

/** `POST /ca/identity_result` (the operator that asked). */
export const IDENTITY_RESULT_BODY = [req('cert_tx_id')] as const;

export const IDENTITY_RESULT_RESPONSE = [
  req('user_ci'),
  req('real_name'),
  req('birth_date'),
  req('identity_assertion'),
] as const;

export type IdentityRequestBody = Infer<typeof IDENTITY_REQUEST_BODY>;
export type IdentityResultBody = Infer<typeof IDENTITY_RESULT_BODY>;

/** Paths on the CA's API service (mutual TLS) and its pages service. */
export const IDENTITY_REQUEST_PATH = '/ca/identity_request';
export const IDENTITY_RESULT_PATH = '/ca/identity_result';
export const IDENTITY_PAGE_PREFIX = '/identity';

/** The header rules of both calls, as the catalogue writes them (for authoriseCall). */
export const IDENTITY_API = {
  request: {
    id: '본인확인-101 (provisional)',
    headers: { required: ['authorization', 'x-api-tran-id'], optional: [] },
  },
  result: { id: '본인확인-102 (provisional)', headers: { required: ['authorization', 'x-api-tran-id'], optional: [] } },
} as const;
