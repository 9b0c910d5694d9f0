import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { formValues } from '../forms/form-values.ts';
import { type PageLang, pageLang, withLang } from '../page-lang.ts';
import { attachSession, type PagesContext } from '../pages-context.ts';
import { sendPage } from '../send-page.ts';
import { newLoginId, sameSecret } from '../session/admin-sessions.ts';
import { clearCookie, cookie, LOGIN_COOKIE, readCookies, SESSION_COOKIE } from '../session/cookies.ts';
import { loginPage, type LoginPageState } from '../views/login-page.ts';
import { messagePage } from '../views/message-page.ts';
import { TEXT } from '../page-text.ts';

/** A path of the admin pages to return to after login; anything else is /admin. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/[A-Za-z0-9_\-/]*)?(\?[A-Za-z0-9=&_-]*)?$/.test(next) ? next : '/admin';
}

const LOGIN_COOKIE_SECONDS = 30 * 60;

/** Show the login form, bound to a fresh login cookie (its CSRF token is derived from it). */
async function showLogin(
  ctx: PagesContext,
  reply: FastifyReply,
  status: number,
  state: Omit<LoginPageState, 'csrf'>,
): Promise<FastifyReply> {
  const loginId = newLoginId();
  reply.header('set-cookie', cookie(LOGIN_COOKIE, loginId, LOGIN_COOKIE_SECONDS));
  const passwords = ctx.accounts === undefined ? false : await ctx.accounts.any();
  return sendPage(reply, status, loginPage({ ...state, passwords, csrf: ctx.sessions.loginCsrf(loginId) }));
}

/**
 * Where a page without a session goes: 302 to the login form, which brings the person back. Also what the
 * guard answers for a POST without a session (nothing is done).
 */
export function toLogin(reply: FastifyReply, request: FastifyRequest, lang: PageLang): FastifyReply {
  const next = safeNext(request.url.split('?')[0]);
  return reply
    .code(302)
    .header('location', withLang(`/login?next=${encodeURIComponent(next)}`, lang))
    .send();
}

/**
 * Every /admin page needs a live session; every POST also the session's CSRF token (403, nothing done).
 * Registered as a preHandler, so the form body is parsed when it runs.
 */
export function adminGuard(ctx: PagesContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = pageLang(request.query);
    const id = readCookies(request.headers.cookie).get(SESSION_COOKIE);
    const session = ctx.sessions.get(id, ctx.clock.nowMs());
    if (!session) return toLogin(reply, request, lang);
    if (request.method === 'POST' && !sameSecret(formValues(request.body).csrf, session.csrf)) {
      request.log.warn({ page: request.routeOptions.url }, 'admin form without a valid CSRF token refused');
      return sendPage(
        reply,
        403,
        messagePage({
          lang,
          title: TEXT.forbiddenTitle,
          body: TEXT.forbiddenBody,
          path: '/admin',
          session: { csrf: session.csrf },
        }),
      );
    }
    attachSession(request, session);
    return undefined;
  };
}

/**
 * GET/POST /login, POST /logout; GET / goes to /admin. Login by an administrator account (name and password,
 * argon2id, locked 15 minutes after 5 failures in a row: 423) or the admin token; 5 failures from one address in
 * 5 minutes (either way) throttle it (429). Every login makes a new session (id rotated, fresh CSRF token).
 */
export function registerAuthRoutes(app: FastifyInstance, ctx: PagesContext): void {
  app.get('/', async (request, reply) =>
    reply
      .code(302)
      .header('location', withLang('/admin', pageLang(request.query)))
      .send(),
  );

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    const lang = pageLang(request.query);
    const next = safeNext(request.query.next);
    return showLogin(ctx, reply, 200, {
      lang,
      next,
      ...(request.query.next ? { notice: 'login-needed' as const } : {}),
    });
  });

  app.post('/login', async (request, reply) => {
    const lang = pageLang(request.query);
    const form = formValues(request.body);
    const next = safeNext(form.next);
    const loginId = readCookies(request.headers.cookie).get(LOGIN_COOKIE);
    if (loginId === undefined || !sameSecret(form.csrf, ctx.sessions.loginCsrf(loginId))) {
      request.log.warn({ page: 'login' }, 'login form without a valid CSRF token refused');
      return sendPage(
        reply,
        403,
        messagePage({ lang, title: TEXT.forbiddenTitle, body: TEXT.forbiddenBody, path: '/login' }),
      );
    }
    const now = ctx.clock.nowMs();
    if (ctx.throttle.blocked(request.ip, now)) {
      request.log.warn({ page: 'login' }, 'login refused: too many failures from this address');
      return showLogin(ctx, reply, 429, { lang, next, error: 'throttled' });
    }
    // A login name and password (an administrator account), or the admin token (scripts, first set-up).
    let who: string;
    if (form.token === undefined || form.token === '') {
      const result = ctx.accounts
        ? await ctx.accounts.login(form.login, form.password, now)
        : ({ ok: false, reason: 'invalid' } as const);
      if (!result.ok) {
        ctx.throttle.failed(request.ip, now);
        request.log.warn({ page: 'login', reason: result.reason }, 'administrator login refused');
        return showLogin(ctx, reply, result.reason === 'locked' ? 423 : 401, {
          lang,
          next,
          error: result.reason === 'locked' ? 'locked' : 'wrong-password',
        });
      }
      who = result.login;
    } else if (sameSecret(form.token, ctx.adminToken)) {
      who = 'admin-token';
    } else {
      ctx.throttle.failed(request.ip, now);
      request.log.warn({ page: 'login' }, 'wrong admin token');
      return showLogin(ctx, reply, 401, { lang, next, error: 'wrong-token' });
    }
    ctx.throttle.succeeded(request.ip);
    const { id, session } = ctx.sessions.create(now);
    attachSession(request, session);
    request.log.info({ page: 'login', admin: who }, 'administrator logged in');
    return reply
      .code(303)
      .header('set-cookie', [
        cookie(SESSION_COOKIE, id, Math.floor(ctx.sessions.policy.absoluteMs / 1000)),
        clearCookie(LOGIN_COOKIE),
      ])
      .header('location', withLang(next, lang))
      .send();
  });

  app.post('/logout', async (request, reply) => {
    const lang = pageLang(request.query);
    const id = readCookies(request.headers.cookie).get(SESSION_COOKIE);
    const session = ctx.sessions.get(id, ctx.clock.nowMs());
    if (session && !sameSecret(formValues(request.body).csrf, session.csrf)) {
      return sendPage(
        reply,
        403,
        messagePage({ lang, title: TEXT.forbiddenTitle, body: TEXT.forbiddenBody, path: '/admin' }),
      );
    }
    ctx.sessions.destroy(id);
    return showLogin(ctx, reply.header('set-cookie', clearCookie(SESSION_COOKIE)), 200, {
      lang,
      next: '/admin',
      notice: 'logged-out',
    });
  });
}
