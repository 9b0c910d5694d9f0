const RSP_CODE = /"rsp_code"\s*:\s*"([0-9A-Za-z]{1,8})"/;
const SCAN = 1024;

/**
 * The `rsp_code` of a JSON response body, for the metrics label. Looks at the start of the body only:
 * the envelope puts rsp_code first. Returns undefined for bodies without one (HTML, streams, OAuth errors).
 */
export function extractRspCode(payload: unknown): string | undefined {
  let head: string;
  if (typeof payload === 'string') head = payload.slice(0, SCAN);
  else if (Buffer.isBuffer(payload)) head = payload.subarray(0, SCAN).toString('utf8');
  else return undefined;
  return RSP_CODE.exec(head)?.[1];
}
