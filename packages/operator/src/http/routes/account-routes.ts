import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import type { NewSession } from '../../people/sessions.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid } from '../../shared/operator-error.ts';
import { sendProblem } from '../app-error.ts';
import { clearCookie, readCookies, SESSION_COOKIE, SIGNUP_COOKIE, setCookie } from '../cookies.ts';
import { requireSession, resolveSession, sessionIdOf, sessionOf } from '../session-guard.ts';
import { bodyOf, str } from './body.ts';

export interface AccountRouteOptions {
  /** Secure cookies (the app is served over https). */
  readonly secureCookies: boolean;
}

/** Sets the session cookie (lives until the session's absolute expiry) and answers who is logged in. */
async function startSession(
  rt: OperatorRuntime,
  reply: FastifyReply,
  personId: string,
  s: NewSession,
  secure: boolean,
) {
  const profile = await rt.domain.people.profile(personId);
  reply.header(
    'set-cookie',
    setCookie(SESSION_COOKIE, s.id.reveal(), {
      secure,
      sameSite: 'Lax',
      maxAge: Math.floor((s.absoluteExpiresAt - rt.domain.clock.nowMs()) / 1000),
    }),
  );
  return {
    authenticated: true,
    person: profile && { name: profile.name, loginName: profile.loginName, totpEnabled: profile.totpEnabled },
    csrfToken: s.csrfToken.reveal(),
  };
}

/**
 * People: the session (who is logged in and the CSRF token), sign-up through the CA's identity check, login
 * (argon2id, lockout, throttling, optional TOTP), logout, and the second factor.
 */
export function registerAccountRoutes(app: FastifyInstance, rt: OperatorRuntime, o: AccountRouteOptions): void {
  const { domain } = rt;
  const guard = requireSession(rt);
  const cookie = (sameSite: 'Lax' | 'Strict') => ({ secure: o.secureCookies, sameSite });

  app.get('/api/session', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const s = await resolveSession(rt, request);
    if (!s) return { authenticated: false };
    const p = await domain.people.profile(s.personId);
    return {
      authenticated: true,
      person: p && { name: p.name, loginName: p.loginName, totpEnabled: p.totpEnabled },
      csrfToken: s.csrfToken.reveal(),
    };
  });

  // Sign-up, step 1: who the person says they are → the CA's page where they confirm with their PIN.
  app.post('/api/signup/identity', async (request, reply) => {
    const body = bodyOf(request);
    const started = await rt.signUp.begin({ name: body.name, birthDate: body.birthDate, phone: body.phone });
    reply.header('set-cookie', setCookie(SIGNUP_COOKIE, started.ticket, { ...cookie('Strict'), maxAge: 15 * 60 }));
    return reply.code(201).send({ caPageUrl: started.caPageUrl, expiresAt: started.expiresAt });
  });

  // Sign-up, step 2 (polled): has the person confirmed at the CA?
  app.get('/api/signup/identity', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const s = await rt.signUp.status(readCookies(request.headers.cookie).get(SIGNUP_COOKIE));
    if (!s)
      return sendProblem(reply, request, 404, 'OP_NO_IDENTITY_CHECK', 'start the identity check first', {
        ko: '본인확인을 먼저 시작하세요',
      });
    return s;
  });

  // Sign-up, step 3: the login name and password; the CI, name and birth date come from the CA.
  app.post('/api/signup', async (request, reply) => {
    const body = bodyOf(request);
    const ticket = readCookies(request.headers.cookie).get(SIGNUP_COOKIE);
    const identity = await rt.signUp.confirmed(ticket);
    if (!identity || ticket === undefined) {
      return sendProblem(reply, request, 409, 'OP_IDENTITY_NOT_CONFIRMED', 'confirm your identity at the CA first', {
        ko: '인증기관에서 본인확인을 먼저 마치세요',
      });
    }
    const loginName = str(body, 'loginName', { max: 100 });
    const password = str(body, 'password', { max: 1000 });
    const { personId } = await domain.people.signUp({ ...identity, loginName, password });
    await rt.signUp.consume(ticket);
    // Signed up is logged in (sign-up counts as a login): a new session, ending any the browser had.
    const session = await domain.people.sessions.create(
      domain.store.db,
      personId,
      domain.clock.nowMs(),
      sessionIdOf(request),
    );
    rt.logger.info({ person: personId }, 'person signed up');
    const answer = await startSession(rt, reply, personId, session, o.secureCookies);
    reply.header('set-cookie', [reply.getHeader('set-cookie') as string, clearCookie(SIGNUP_COOKIE, cookie('Strict'))]);
    return reply.code(201).send(answer);
  });

  app.post('/api/login', async (request, reply) => {
    const body = bodyOf(request);
    const totpCode = body.totpCode === undefined ? undefined : str(body, 'totpCode', { max: 10 });
    const r = await domain.people.login({
      loginName: str(body, 'loginName', { max: 100 }),
      password: str(body, 'password', { max: 1000 }),
      source: request.ip,
      ...(totpCode !== undefined ? { totpCode } : {}),
      ...prev(request),
    });
    if (r.ok) return startSession(rt, reply, r.personId, r.session, o.secureCookies);
    switch (r.reason) {
      case 'locked':
        return sendProblem(reply, request, 423, 'OP_LOCKED', 'too many failed logins: locked for a while', {
          ko: '로그인 실패가 많아 잠시 잠겼습니다',
          until: r.until,
        });
      case 'throttled':
        reply.header('retry-after', '900');
        return sendProblem(reply, request, 429, 'OP_THROTTLED', 'too many failed logins from here', {
          ko: '이 곳에서 로그인 실패가 너무 많습니다. 잠시 후 다시 시도하세요',
        });
      case 'totp-required':
        return sendProblem(reply, request, 401, 'OP_TOTP_REQUIRED', 'enter the code of your authenticator app', {
          ko: '인증 앱의 코드를 입력하세요',
          field: 'totpCode',
        });
      case 'totp-invalid':
        return sendProblem(reply, request, 401, 'OP_TOTP_INVALID', 'that code is not right', {
          ko: '코드가 맞지 않습니다',
          field: 'totpCode',
        });
      case 'invalid':
        return sendProblem(reply, request, 401, 'OP_LOGIN_INVALID', 'wrong login name or password', {
          ko: '아이디 또는 비밀번호가 맞지 않습니다',
        });
    }
  });

  app.post('/api/logout', { preHandler: guard }, async (request, reply) => {
    const id = sessionIdOf(request);
    if (id !== undefined) await domain.people.sessions.end(domain.store.db, id);
    reply.header('set-cookie', clearCookie(SESSION_COOKIE, cookie('Lax')));
    return { authenticated: false };
  });

  // The optional second factor: begin (secret + otpauth URI for a QR code), confirm with a first code, disable.
  app.post('/api/totp/begin', { preHandler: guard }, async (request) => {
    const { secret, uri } = await domain.people.beginTotp(sessionOf(request).personId);
    return { secret: secret.reveal(), otpauthUri: uri.reveal() };
  });
  app.post('/api/totp/confirm', { preHandler: guard }, async (request, reply) => {
    const ok = await domain.people.confirmTotp(sessionOf(request).personId, str(bodyOf(request), 'code', { max: 10 }));
    if (!ok) throw invalid('code', 'is not right', '코드가 맞지 않습니다');
    // Every session ended (the person logs in again, now with the code).
    reply.header('set-cookie', clearCookie(SESSION_COOKIE, cookie('Lax')));
    return { totpEnabled: true };
  });
  app.post('/api/totp/disable', { preHandler: guard }, async (request, reply) => {
    const ok = await domain.people.disableTotp(sessionOf(request).personId, str(bodyOf(request), 'code', { max: 10 }));
    if (!ok) throw invalid('code', 'is not right', '코드가 맞지 않습니다');
    reply.header('set-cookie', clearCookie(SESSION_COOKIE, cookie('Lax')));
    return { totpEnabled: false };
  });
}

/** The session id the browser had before logging in: ended by the new login (rotation). */
function prev(request: FastifyRequest): { previousSessionId?: string } {
  const id = sessionIdOf(request);
  return id === undefined ? {} : { previousSessionId: id };
}
