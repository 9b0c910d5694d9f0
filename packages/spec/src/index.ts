// The public entry of @hannun/spec: the Korean financial MyData standard as data. No I/O.
export * from './wire/wire-type.ts';
export * from './wire/codecs.ts';
export * from './wire/utf8.ts';
export * from './wire/wire-error.ts';
export * from './schema/shape.ts';
export * from './schema/message-codec.ts';
export * from './schema/headers.ts';
export * from './rsp-codes.ts';
export * from './oauth-errors.ts';
export * from './industries.ts';
export * from './scopes.ts';
export * from './api-type.ts';
export * from './org-types.ts';
export * from './version.ts';
export * from './tran-id.ts';
export * from './catalogue/api-spec.ts';
export * from './catalogue/index.ts';
export * from './fields/index.ts';
export * from './openapi/generate.ts';
export * from './period-rules.ts';
export * from './statistics-codes.ts';
export * from './consent/consent-document.ts';
export * from './consent/consent-wording.ts';
export {
  CA_TOKEN_FORM,
  CA_TOKEN_RESPONSE,
  SIGN_REQUEST_BODY,
  SIGN_REQUEST_RESPONSE,
  SIGN_RESULT_BODY,
  SIGN_RESULT_RESPONSE,
  SIGN_VERIFICATION_BODY,
  SIGN_VERIFICATION_RESPONSE,
} from './catalogue/ca.ts';
export {
  AUTHORIZE_APP_RESPONSE,
  AUTHORIZE_CALLBACK,
  AUTHORIZE_ERROR,
  AUTHORIZE_QUERY,
  CODE_TOKEN_FORM,
  OAUTH_ERROR_BODY,
  PASSWORD_TOKEN_FORM,
  PASSWORD_TOKEN_RESPONSE,
  REFRESH_TOKEN_FORM,
  REFRESH_TOKEN_RESPONSE,
  REVOKE_FORM,
  REVOKE_RESPONSE,
  TOKEN_RESPONSE,
} from './catalogue/auth.ts';
export {
  CA_ORG_RECORD,
  CONSENTS_BODY,
  MANAGE_TOKEN_FORM,
  MANAGE_TOKEN_RESPONSE,
  MEMBER_CONSENTS_RESPONSE,
  MYDATA_STATISTICS_BODY,
  ORG_RECORD,
  ORGS_FOR_CA_RESPONSE,
  ORGS_RESPONSE,
  PROVIDER_STATISTICS_BODY,
  REGISTRY_QUERY,
  REQ_STATISTICS_QUERY,
  SERVICE_RECORD,
  SERVICES_RESPONSE,
  STATUS_QUERY,
  STATUS_RESPONSE,
} from './catalogue/support.ts';
