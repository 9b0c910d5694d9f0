import { generateTranId } from '@hannun/spec';
import type { Response } from 'light-my-request';
import { KIM_CI, type FixtureOrg } from '../../testing/fixture-world.ts';
import { demoLoginOf } from '../login/demo-logins.ts';
import { APP_SCHEME, type AuthWorld, CLIENT_ID, OPERATOR, REDIRECT_URI } from './auth-world.ts';

/** The query and headers of a 개별인증-001 call; `omit` drops fields or headers by name. */
export interface AuthorizeParams {
  readonly ci?: string;
  readonly state?: string;
  readonly clientId?: string;
  readonly redirectUri?: string;
  readonly appScheme?: string;
  readonly orgCode?: string;
  readonly responseType?: string;
  readonly tranId?: string;
  readonly omit?: readonly string[];
}

export const STATE = 'state0123456789ABCDEF';

/** 개별인증-001 as the operator's server sends it. */
export function authorize(world: AuthWorld, org: FixtureOrg, p: AuthorizeParams = {}): Promise<Response> {
  const omit = new Set(p.omit ?? []);
  const query: Record<string, string> = {
    org_code: p.orgCode ?? org,
    response_type: p.responseType ?? 'code',
    client_id: p.clientId ?? CLIENT_ID,
    redirect_uri: p.redirectUri ?? REDIRECT_URI,
    app_scheme: p.appScheme ?? APP_SCHEME,
    state: p.state ?? STATE,
  };
  const headers: Record<string, string> = {
    'x-user-ci': p.ci ?? KIM_CI,
    'x-api-tran-id': p.tranId ?? generateTranId(OPERATOR, 'M'),
  };
  for (const name of omit) {
    delete query[name];
    delete headers[name];
  }
  const base = world.fixtures[org].institution.basePath;
  return world.engine.inject({
    method: 'GET',
    url: `${base}/oauth/2.0/authorize?${new URLSearchParams(query)}`,
    headers,
  });
}

/** A browser with a cookie jar, driving the provider's pages through inject. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly world: AuthWorld) {}

  private keep(response: Response): Response {
    const set = response.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return response;
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(url: string): Promise<Response> {
    const u = new URL(url, 'http://localhost');
    return this.keep(
      await this.world.engine.inject({ method: 'GET', url: `${u.pathname}${u.search}`, headers: this.cookieHeader() }),
    );
  }

  async post(url: string, form: URLSearchParams): Promise<Response> {
    const u = new URL(url, 'http://localhost');
    return this.keep(
      await this.world.engine.inject({
        method: 'POST',
        url: u.pathname,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
        payload: form.toString(),
      }),
    );
  }

  forget(): void {
    this.cookies.clear();
  }
}

/** The hidden fields (request, csrf, lang) of the form on a page. */
export function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1]!, m[2]!);
  return form;
}

/** The values of the checkboxes of one name that are checked on a page. */
export function checkedValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)" checked`, 'g'))].map((m) => m[1]!);
}

export function allValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1]!);
}

export interface WalkOptions extends AuthorizeParams {
  /** Who logs in (default: the customer whose CI is sent). */
  readonly loginCi?: string;
  /** Change the consent form before it is sent (default: everything as first shown). */
  readonly consent?: (form: URLSearchParams, html: string) => void;
}

export interface Walked {
  readonly browser: Browser;
  /** The last answer: a 302 to the operator's callback, or the consent page again (400) after a bad choice. */
  readonly final: Response;
  /** The final Location when it is the operator's callback. */
  readonly callback: URL;
}

/**
 * A person through 개별인증-001 end to end: the operator's call, the login page, ID and password, the
 * one-time code from the (simulated) SMS, the consent page, and the redirect to the operator's callback.
 */
export async function walkIndividualAuth(world: AuthWorld, org: FixtureOrg, opts: WalkOptions = {}): Promise<Walked> {
  const browser = new Browser(world);
  const first = await authorize(world, org, opts);
  if (first.statusCode !== 302) throw new Error(`authorize answered ${first.statusCode}: ${first.body}`);
  const loginUrl = first.headers.location as string;
  const loginPage = await browser.get(loginUrl);
  const login = demoLoginOf(opts.loginCi ?? opts.ci ?? KIM_CI);
  const form = hiddenFields(loginPage.body);
  form.set('login_id', login.loginId);
  form.set('password', login.password);
  form.set('action', 'login');
  const afterLogin = await browser.post(`${world.fixtures[org].institution.basePath}/auth/login`, form);
  if (afterLogin.statusCode !== 303) throw new Error(`login answered ${afterLogin.statusCode}`);
  const otpPage = await browser.get(afterLogin.headers.location as string);
  const requestId = form.get('request')!;
  const code = world.engine.provider.auth.sms.latest(requestId)!.code;
  const otpForm = hiddenFields(otpPage.body);
  otpForm.set('otp', code);
  otpForm.set('action', 'verify');
  const afterOtp = await browser.post(`${world.fixtures[org].institution.basePath}/auth/otp`, otpForm);
  if (afterOtp.statusCode === 302)
    return { browser, final: afterOtp, callback: new URL(afterOtp.headers.location as string) };
  if (afterOtp.statusCode !== 303) throw new Error(`otp answered ${afterOtp.statusCode}`);
  const consentPage = await browser.get(afterOtp.headers.location as string);
  const consentForm = hiddenFields(consentPage.body);
  for (const v of checkedValues(consentPage.body, 'scope')) consentForm.append('scope', v);
  for (const v of checkedValues(consentPage.body, 'asset')) consentForm.append('asset', v);
  consentForm.set('scheduled', 'true');
  consentForm.set('cycle', '1/w');
  const end = /name="end_date"[^>]*value="([^"]+)"/.exec(consentPage.body)![1]!;
  consentForm.set('end_date', end);
  consentForm.set('action', 'agree');
  opts.consent?.(consentForm, consentPage.body);
  const done = await browser.post(`${world.fixtures[org].institution.basePath}/auth/consent`, consentForm);
  const location = typeof done.headers.location === 'string' ? done.headers.location : 'about:blank';
  return { browser, final: done, callback: new URL(location) };
}
