/** Cookies of the app: the session (HttpOnly, SameSite=Lax) and the sign-up ticket (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'hannun_session';
export const SIGNUP_COOKIE = 'hannun_signup';

/** The cookies of a request, by name (the first of a repeated name wins). */
export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === '' || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      // A value that is not valid percent-encoding is not one of ours.
    }
  }
  return out;
}

export interface CookieOptions {
  /** Only over https (set when the app is served over TLS, directly or behind a proxy). */
  readonly secure: boolean;
  readonly sameSite: 'Lax' | 'Strict';
  /** Seconds; 0 deletes the cookie. Absent: a session cookie (gone when the browser closes). */
  readonly maxAge?: number;
}

/** A Set-Cookie value: HttpOnly always, Path=/, SameSite, Secure over https. */
export function setCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', `SameSite=${o.sameSite}`];
  if (o.secure) parts.push('Secure');
  if (o.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(o.maxAge))}`);
  return parts.join('; ');
}

export function clearCookie(name: string, o: Omit<CookieOptions, 'maxAge'>): string {
  return setCookie(name, '', { ...o, maxAge: 0 });
}
