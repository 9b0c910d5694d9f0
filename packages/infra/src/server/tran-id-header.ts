import type { IncomingHttpHeaders } from 'node:http';

export const TRAN_ID_HEADER = 'x-api-tran-id';

// Echo only what is safe in a response header; the standard's value is 25 characters of [A-Z0-9].
const ECHOABLE = /^[\x21-\x7E]{1,64}$/;

/** The `x-api-tran-id` the caller sent, as it came (first value if repeated), or undefined. */
export function incomingTranId(headers: IncomingHttpHeaders): string | undefined {
  const v = headers[TRAN_ID_HEADER];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined || first === '' ? undefined : first;
}

/** The value to echo on the response: the incoming one when it is printable ASCII of at most 64 characters. */
export function echoableTranId(headers: IncomingHttpHeaders): string | undefined {
  const v = incomingTranId(headers);
  return v !== undefined && ECHOABLE.test(v) ? v : undefined;
}
