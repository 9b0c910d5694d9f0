// The public entry of @hannun/spec: the Korean financial MyData standard as data. No I/O.
export * from './wire/wire-type.ts';
export * from './wire/codecs.ts';
export * from './wire/utf8.ts';
export * from './wire/wire-error.ts';
export * from './schema/shape.ts';
export * from './schema/message-codec.ts';
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
export { COMMON_FIELDS } from './fields/common.ts';
export { BANK_FIELDS } from './fields/bank.ts';
