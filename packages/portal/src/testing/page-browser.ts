import type { Service } from '@hannun/infra';

export interface PageResponse {
  readonly status: number;
  readonly html: string;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly location: string | undefined;
}

/** The value of the first hidden field `name` in a page (the CSRF token of its first form). */
export function hiddenField(html: string, name = 'csrf'): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

/**
 * A person's browser for the pages, over inject: it keeps the cookies the pages set (and drops the ones they
 * clear), follows nothing by itself, and posts forms urlencoded.
 */
export function pageBrowser(pages: Service) {
  const jar = new Map<string, string>();
  const remember = (setCookie: unknown) => {
    const list = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie];
    for (const c of list as string[]) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (attrs.some((a) => a.trim() === 'Max-Age=0') || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<PageResponse> {
    const res = await pages.inject({
      method,
      url,
      headers: {
        ...(jar.size > 0 ? { cookie: cookieHeader() } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    remember(res.headers['set-cookie']);
    const location = res.headers.location;
    return {
      status: res.statusCode,
      html: res.body,
      headers: res.headers,
      location: typeof location === 'string' ? location : undefined,
    };
  }
  return {
    jar,
    get: (url: string) => request('GET', url),
    post: (url: string, form: Record<string, string>) => request('POST', url, form),
    /** Log in with `token` through the login form; the answer to the POST. */
    async login(token: string, next = '/admin'): Promise<PageResponse> {
      const form = await request('GET', `/login?next=${encodeURIComponent(next)}`);
      return request('POST', '/login', { csrf: hiddenField(form.html) ?? '', next, token });
    },
    /** The CSRF token of the session (from any admin page). */
    async csrf(): Promise<string> {
      const page = await request('GET', '/admin');
      const token = hiddenField(page.html);
      if (!token) throw new Error(`no CSRF token on /admin (status ${page.status})`);
      return token;
    },
  };
}
