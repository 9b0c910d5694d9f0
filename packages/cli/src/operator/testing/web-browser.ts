import { type Dispatcher, fetch, type Response } from 'undici';

/**
 * A browser for tests over real HTTP: a cookie jar per origin-less name, redirects not followed, JSON bodies
 * for the app (with its CSRF token when it has one), forms for pages. `dispatcher` presents a client
 * certificate where a server demands one (the providers' pages sit behind mutual TLS in `hannun up`).
 */
export class WebBrowser {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(private readonly dispatcher?: Dispatcher) {}

  #keep(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1));
    }
    return res;
  }

  #headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...(this.cookies.size > 0 ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      ...extra,
    };
  }

  async get(url: string | URL, headers: Record<string, string> = {}): Promise<Response> {
    return this.#keep(
      await fetch(url, {
        headers: this.#headers(headers),
        redirect: 'manual',
        ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
      }),
    );
  }

  /** GET and read JSON (for the app's API). */
  async json(url: string | URL): Promise<{ status: number; body: Record<string, unknown> }> {
    const r = await this.get(url);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  }

  /** POST JSON to the app, with its CSRF token; keeps a new CSRF token from the answer. */
  async post(
    url: string | URL,
    body: unknown = {},
  ): Promise<{ status: number; body: Record<string, unknown>; res: Response }> {
    const res = this.#keep(
      await fetch(url, {
        method: 'POST',
        headers: this.#headers({
          'content-type': 'application/json',
          ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        }),
        body: JSON.stringify(body),
        redirect: 'manual',
        ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
      }),
    );
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, res };
  }

  /** POST a form (a page). */
  async form(url: string | URL, form: URLSearchParams): Promise<Response> {
    return this.#keep(
      await fetch(url, {
        method: 'POST',
        headers: this.#headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: form.toString(),
        redirect: 'manual',
        ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
      }),
    );
  }
}

/** The hidden fields of the form on a page. */
export function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1]!, m[2]!);
  return form;
}

/**
 * A person through the provider's own pages after 개별인증-001 (login ID and password, the one-time code shown
 * in the 데모 문자 box, the consent page as first shown): the last answer, a 302 to the operator's callback.
 */
export async function walkProviderPages(
  b: WebBrowser,
  loginPageUrl: string,
  login: { readonly loginId: string; readonly password: string },
): Promise<URL> {
  const base = loginPageUrl.slice(0, loginPageUrl.indexOf('/auth/login'));
  const page = await b.get(loginPageUrl);
  const form = hiddenFields(await page.text());
  form.set('login_id', login.loginId);
  form.set('password', login.password);
  form.set('action', 'login');
  const afterLogin = await b.form(`${base}/auth/login`, form);
  if (afterLogin.status !== 303) throw new Error(`login answered ${afterLogin.status}`);
  const otpPage = await (await b.get(new URL(afterLogin.headers.get('location')!, base))).text();
  const code = /class="demo-sms"[\s\S]*?(\d{6})/.exec(otpPage)?.[1];
  if (!code) throw new Error('no 데모 문자 on the code page');
  const otp = hiddenFields(otpPage);
  otp.set('otp', code);
  otp.set('action', 'verify');
  const afterOtp = await b.form(`${base}/auth/otp`, otp);
  if (afterOtp.status !== 303) throw new Error(`otp answered ${afterOtp.status}`);
  const consentPage = await (await b.get(new URL(afterOtp.headers.get('location')!, base))).text();
  const consent = hiddenFields(consentPage);
  for (const name of ['scope', 'asset']) {
    for (const m of consentPage.matchAll(new RegExp(`name="${name}" value="([^"]+)" checked`, 'g')))
      consent.append(name, m[1]!);
  }
  consent.set('scheduled', 'true');
  consent.set('cycle', '1/w');
  consent.set('end_date', /name="end_date"[^>]*value="([^"]+)"/.exec(consentPage)![1]!);
  consent.set('action', 'agree');
  const done = await b.form(`${base}/auth/consent`, consent);
  if (done.status !== 302) throw new Error(`consent answered ${done.status}`);
  return new URL(done.headers.get('location')!);
}

/** Reads a server-sent event stream in the background; `events` fills as frames arrive. */
export function readEvents(res: Response): {
  events: { event: string; data: Record<string, unknown> }[];
  stop(): void;
} {
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const frame = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event = /^event: (.+)$/m.exec(frame)?.[1];
        const data = /^data: (.+)$/m.exec(frame)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
      }
    }
  })();
  return {
    events,
    stop() {
      stopped = true;
      void reader.cancel().catch(() => undefined);
    },
  };
}

/** Poll until `check` answers something truthy (or fail after `ms`). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  ms = 20_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
