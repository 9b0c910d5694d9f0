/**
 * The operator's callback with the outcome of 개별인증-001 in its query (규격 §5.1.1): `code`, `state`,
 * `api_tran_id` on success; `error`, `error_description`, `state`, `api_tran_id` otherwise. The tran id
 * travels in the query because headers do not survive a redirect. `state` is echoed exactly as received:
 * comparing it with the one it sent is the operator's check (CSRF, RFC 6749 §10.12).
 */
export function callbackUrl(redirectUri: string, params: Readonly<Record<string, string | undefined>>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
