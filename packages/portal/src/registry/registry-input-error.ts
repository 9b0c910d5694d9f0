import type { RspCode } from '@hannun/spec';

/**
 * A registration or statistics input the portal refuses: the wire field at fault, an English and a Korean
 * message a person can act on, and the rsp_code it answers on the support APIs (40001 unless told). Never
 * carries a secret.
 */
export class RegistryInputError extends Error {
  override readonly name = 'RegistryInputError';
  readonly field: string;
  readonly messageKo: string;
  readonly rspCode: RspCode;

  constructor(field: string, en: string, ko: string, rspCode: RspCode = '40001') {
    super(`${field}: ${en}`);
    this.field = field;
    this.messageKo = `${field}: ${ko}`;
    this.rspCode = rspCode;
  }
}

export function isRegistryInputError(error: unknown): error is RegistryInputError {
  return error instanceof RegistryInputError;
}

/** The portal refuses a change because of what is already registered (a duplicate serial, an unknown org). */
export class RegistryConflictError extends RegistryInputError {}

/** The change names an organisation or service that is not registered. */
export class RegistryNotFoundError extends RegistryInputError {}
