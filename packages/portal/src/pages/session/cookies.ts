/** The session cookie of the admin pages (HttpOnly, SameSite=Strict, path /). */
export const SESSION_COOKIE = 'hannun_portal_session';
/** A cookie the login form is bound to (its CSRF token is derived from it). */
export const LOGIN_COOKIE = 'hannun_portal_login';

/** The cookies of a request, by name (the first of each name wins). */
export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !out.has(name)) out.set(name, value);
  }
  return out;
}

/**
 * A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/. Not Secure, because the pages are served over plain
 * HTTP on this machine (as the CA's approval page is); behind TLS add Secure.
 */
export function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export const clearCookie = (name: string) => cookie(name, '', 0);
