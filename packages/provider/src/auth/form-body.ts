import { decodeMessage, type Infer, type Shape, WireError } from '@hannun/spec';
import { type OAuthFailure, oauthFail } from './oauth-failure.ts';

export const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * The fields of a form-encoded body (the token and revoke endpoints, 규격 §2.1), each at most once
 * (RFC 6749 §3.2: parameters must not be repeated). The content type must be the form type.
 */
export function formFields(body: unknown, contentType: string | undefined): Record<string, string> | OAuthFailure {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== FORM_TYPE) {
    return oauthFail(
      'invalid_request',
      `Content-Type: ${FORM_TYPE} 이어야 합니다`,
      `content type must be ${FORM_TYPE}`,
    );
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(typeof body === 'string' ? body : '')) {
    if (Object.hasOwn(fields, name)) {
      return oauthFail('invalid_request', `${name}: 중복 전송되었습니다`, `${name} is repeated`);
    }
    fields[name] = value;
  }
  return fields;
}

/**
 * Decode form fields with a catalogue shape. Unknown parameters are ignored (RFC 6749 §3.1); a bad field
 * is `invalid_request` naming it.
 */
export function decodeForm<const S extends Shape>(shape: S, fields: Record<string, string>): Infer<S> | OAuthFailure {
  try {
    return decodeMessage(shape, fields, { location: 'form', unknown: 'strip' });
  } catch (error) {
    if (error instanceof WireError) return oauthFail('invalid_request', error.messageKo, error.message);
    throw error;
  }
}
