// Test support: 통합인증-101…104 and the approval page through fastify's inject (no sockets, loopback ip).
import type { CaHarness } from './ca-fixture.ts';
import { tranId } from './ca-fixture.ts';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function requestToken(
  h: CaHarness,
  orgCode: string,
  change: Record<string, string> = {},
): Promise<Answer> {
  const org = h.world.orgs[orgCode]!;
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: org.clientId,
    client_secret: org.clientSecret,
    scope: 'ca',
    ...change,
  });
  const res = await h.ca.api.inject({
    method: 'POST',
    url: '/oauth/2.0/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId(orgCode) },
    payload: form.toString(),
  });
  return { status: res.statusCode, body: res.json() };
}

export async function tokenOf(h: CaHarness, orgCode: string): Promise<string> {
  const { status, body } = await requestToken(h, orgCode);
  if (status !== 200) throw new Error(`token for ${orgCode}: ${status} ${JSON.stringify(body)}`);
  return body.access_token as string;
}

export async function callApi(
  h: CaHarness,
  path: '/ca/sign_request' | '/ca/sign_result' | '/ca/sign_verification',
  token: string | null,
  body: Record<string, unknown>,
  callerOrg: string,
): Promise<Answer> {
  const res = await h.ca.api.inject({
    method: 'POST',
    url: path,
    headers: {
      'content-type': 'application/json',
      'x-api-tran-id': tranId(callerOrg),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    payload: JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.json() };
}

export interface PageAnswer {
  readonly status: number;
  readonly html: string;
  readonly headers: Record<string, unknown>;
}

export async function getPage(h: CaHarness, certTxId: string, lang?: 'en'): Promise<PageAnswer> {
  const res = await h.ca.pages.inject({ method: 'GET', url: `/sign/${certTxId}${lang ? '?lang=en' : ''}` });
  return { status: res.statusCode, html: res.body, headers: res.headers };
}

export async function postPage(
  h: CaHarness,
  certTxId: string,
  form: { readonly csrf?: string; readonly action?: string; readonly pin?: string },
): Promise<PageAnswer> {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (v !== undefined) fields[k] = v;
  const res = await h.ca.pages.inject({
    method: 'POST',
    url: `/sign/${certTxId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
  return { status: res.statusCode, html: res.body, headers: res.headers };
}

/** The CSRF token the page embeds in its form. */
export function csrfOf(page: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

/** The person approves on the page with their PIN; throws unless it signed. */
export async function approveOnPage(h: CaHarness, certTxId: string, pin: string): Promise<void> {
  const page = await getPage(h, certTxId);
  const done = await postPage(h, certTxId, { csrf: csrfOf(page.html), action: 'approve', pin });
  if (done.status !== 200) throw new Error(`approval answered ${done.status}`);
}
