import { decodeMessage, type Shape, WireError } from '@hannun/spec';
import { fail } from '../service/ca-failure.ts';

/** Decode a JSON body with its shape: 40001 naming the field (통합인증-102…104 and the identity check alike). */
export function decodeBody<S extends Shape>(shape: S, body: Record<string, unknown>) {
  try {
    return decodeMessage(shape, body, { location: 'body' });
  } catch (error) {
    if (error instanceof WireError) return fail('40001', error.messageKo, error.message);
    throw error;
  }
}
