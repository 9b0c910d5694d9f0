import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import type { RegisteredService } from '@hannun/registry';
import type { OAuthErrorCode } from '@hannun/spec';
import { callbackUrl } from '../authorize/callback-url.ts';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { fitDescription } from '../oauth-failure.ts';
import { randomToken, sha256Hex } from '../secrets.ts';
import type { AuthRequest, AuthStage } from '../store/auth-store.ts';
import { sendPage } from './layout.ts';
import { messagePage, type PageFrame } from './login-pages.ts';
import { type PageLang, pageLang, TEXT } from './page-text.ts';

/** One request's pages, opened: the request, its service, and the frame every page is drawn in. */
export interface Session {
  readonly request: AuthRequest;
  readonly service: RegisteredService;
  readonly frame: PageFrame;
  readonly lang: PageLang;
}

export type Opened =
  | { readonly ok: true; readonly session: Session }
  | { readonly ok: false; readonly reply: FastifyReply };

const PAGE_OF: Record<AuthStage, string> = { login: 'login', otp: 'otp', consent: 'consent', done: 'login' };

function cookieName(requestId: string): string {
  return `hn_auth_${requestId.slice(0, 16).replace(/[^A-Za-z0-9_-]/g, '')}`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(sha256Hex(given), 'hex');
  const b = Buffer.from(sha256Hex(expected), 'hex');
  return timingSafeEqual(a, b);
}

export function pagesPath(inst: AuthInstitution): string {
  return `${inst.institution.basePath}/auth`;
}

function orgName(inst: AuthInstitution, lang: PageLang): string {
  return lang === 'ko' ? inst.institution.name : inst.institution.nameEn;
}

/** End the request and send the browser to the operator's callback with an error (규격 §5.1.1 ②). */
export async function finishWithError(
  deps: AuthDeps,
  reply: FastifyReply,
  request: AuthRequest,
  error: OAuthErrorCode,
  description: string,
): Promise<FastifyReply> {
  await deps.store.requests.delete(request.id);
  reply.log.info({ org: request.orgCode, error }, 'authorization ended with an error');
  return reply
    .code(302)
    .header('cache-control', 'no-store')
    .header(
      'location',
      callbackUrl(request.redirectUri, {
        error,
        error_description: fitDescription(description),
        state: request.state,
        api_tran_id: request.tranId,
      }),
    )
    .send();
}

/** Redirect within the pages (after a POST: 303, so the browser GETs). */
export function goTo(reply: FastifyReply, inst: AuthInstitution, page: string, requestId: string, lang: PageLang) {
  return reply
    .code(303)
    .header('cache-control', 'no-store')
    .header('location', `${pagesPath(inst)}/${page}?request=${encodeURIComponent(requestId)}&lang=${lang}`)
    .send();
}

/**
 * Open the request a page is about. Unknown: 404 page. Bound to another browser (its cookie): 403 page.
 * Expired: the person goes back to the operator with `access_denied`. On the first GET the request is
 * bound to this browser by a random HttpOnly cookie; every POST must carry that cookie and the form's
 * CSRF token. A GET for another stage's page is sent to the current stage's page.
 */
export async function openSession(
  deps: AuthDeps,
  inst: AuthInstitution,
  http: FastifyRequest,
  reply: FastifyReply,
  fields: { readonly request?: string; readonly lang?: string; readonly csrf?: string },
  page: 'login' | 'otp' | 'consent',
): Promise<Opened> {
  const lang = pageLang(fields.lang);
  const org = orgName(inst, lang);
  const isPost = http.method === 'POST';
  const home = `${pagesPath(inst)}/${page}`;
  const dead = (status: number, title: string, text: string) => ({
    ok: false as const,
    reply: sendPage(reply, status, messagePage(lang, org, title, text, `${home}?lang=${lang === 'ko' ? 'en' : 'ko'}`)),
  });

  const request = fields.request ? await deps.store.requests.get(fields.request) : undefined;
  if (!request || request.orgCode !== inst.institution.orgCode || request.stage === 'done') {
    return dead(404, TEXT.gone[lang], TEXT.goneText[lang]);
  }
  const name = cookieName(request.id);
  const cookie = readCookie(http.headers.cookie, name);
  let bound = request;
  if (request.bindingHash === undefined) {
    if (isPost) return dead(403, TEXT.otherBrowser[lang], TEXT.otherBrowserText[lang]);
    const binding = randomToken(24);
    bound = { ...request, bindingHash: sha256Hex(binding) };
    await deps.store.requests.put(bound);
    const secure = http.protocol === 'https' ? '; Secure' : '';
    const maxAge = Math.max(1, Math.ceil((request.expiresAt - deps.clock.nowMs()) / 1000));
    reply.header(
      'set-cookie',
      `${name}=${binding}; Path=${pagesPath(inst)}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`,
    );
  } else if (cookie === undefined || sha256Hex(cookie) !== request.bindingHash) {
    return dead(403, TEXT.otherBrowser[lang], TEXT.otherBrowserText[lang]);
  }
  if (request.expiresAt <= deps.clock.nowMs()) {
    return {
      ok: false,
      reply: await finishWithError(deps, reply, request, 'access_denied', '인증 요청 시간이 지났습니다'),
    };
  }
  if (isPost && !sameSecret(fields.csrf, request.csrf)) {
    return dead(403, TEXT.gone[lang], TEXT.staleForm[lang]);
  }
  if (PAGE_OF[bound.stage] !== page) {
    return { ok: false, reply: goTo(reply, inst, PAGE_OF[bound.stage], request.id, lang) };
  }
  const service = deps.registry?.service(request.clientId);
  if (!service) {
    return {
      ok: false,
      reply: await finishWithError(deps, reply, request, 'server_error', '서비스 정보를 찾을 수 없습니다'),
    };
  }
  const frame: PageFrame = { lang, org, base: pagesPath(inst), requestId: request.id, csrf: request.csrf };
  return { ok: true, session: { request: bound, service, frame, lang } };
}

/** The fields of a page's form post (urlencoded; repeated names such as `asset` kept in order). */
export function pageForm(body: unknown): URLSearchParams {
  return new URLSearchParams(typeof body === 'string' ? body : '');
}
