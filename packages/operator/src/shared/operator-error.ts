/**
 * A refusal of the operator's domain: a stable `code`, the `field` at fault when there is one, an English
 * message and a Korean one for the person. Never carries the value (a CI, a password, an account number).
 */
export class OperatorError extends Error {
  override readonly name = 'OperatorError';

  constructor(
    readonly code: OperatorErrorCode,
    message: string,
    readonly ko: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
  }
}

export type OperatorErrorCode =
  | 'OP_INVALID_INPUT'
  | 'OP_TOO_YOUNG'
  | 'OP_ALREADY_REGISTERED'
  | 'OP_LOGIN_NAME_TAKEN'
  | 'OP_NOT_FOUND'
  | 'OP_CONSENT_STATE'
  | 'OP_CONSENT_NOT_EXTENDABLE'
  | 'OP_TOTP'
  | 'OP_MODEL_ROW';

/** Bad input naming its field. */
export function invalid(field: string, en: string, ko: string): OperatorError {
  return new OperatorError('OP_INVALID_INPUT', en, ko, field);
}
