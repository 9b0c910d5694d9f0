import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { maskPhone } from '../login/demo-logins.ts';
import { checkOtp, newOtp, otpSendsLeft, otpTriesLeft } from '../login/one-time-code.ts';
import type { AuthRequest } from '../store/auth-store.ts';
import { sendPage } from './layout.ts';
import { type DemoSms, loginPage, otpPage } from './login-pages.ts';
import { finishWithError, goTo, openSession, pageForm, type Session } from './page-session.ts';
import { TEXT } from './page-text.ts';
import { LOGIN_MAX_FAILURES } from '../login/login-service.ts';

type Query = Record<string, string | undefined>;

const CANCELLED = '정보주체가 인증을 취소했습니다';

/** GET <base>/auth/login: the login form. */
export async function showLogin(deps: AuthDeps, inst: AuthInstitution, http: FastifyRequest, reply: FastifyReply) {
  const opened = await openSession(deps, inst, http, reply, http.query as Query, 'login');
  if (!opened.ok) return opened.reply;
  const { session } = opened;
  return sendPage(reply, 200, loginPage(session.frame, session.service.name));
}

/** "Send" a new one-time code to the login's phone and store its hash. */
async function sendCode(deps: AuthDeps, inst: AuthInstitution, request: AuthRequest, phone: string, session: Session) {
  const now = deps.clock.nowMs();
  const { code, state } = newOtp(now, request.otp?.sends ?? 0);
  const next: AuthRequest = { ...request, stage: 'otp', otp: state };
  await deps.store.requests.put(next);
  deps.sms.send({
    orgCode: inst.institution.orgCode,
    requestId: request.id,
    phone,
    text: TEXT.smsText[session.lang](session.frame.org, code),
    code,
    sentAt: now,
  });
  return next;
}

/** POST <base>/auth/login: check ID and password; on success send the code and go to the code page. */
export async function submitLogin(deps: AuthDeps, inst: AuthInstitution, http: FastifyRequest, reply: FastifyReply) {
  const form = pageForm(http.body);
  const fields = {
    request: form.get('request') ?? undefined,
    lang: form.get('lang') ?? undefined,
    csrf: form.get('csrf') ?? undefined,
  };
  return deps.lock.run(`request\u0001${fields.request ?? ''}`, async () => {
    const opened = await openSession(deps, inst, http, reply, fields, 'login');
    if (!opened.ok) return opened.reply;
    const { session } = opened;
    if (form.get('action') === 'cancel')
      return finishWithError(deps, reply, session.request, 'access_denied', CANCELLED);
    const loginId = (form.get('login_id') ?? '').trim().slice(0, 40);
    const password = (form.get('password') ?? '').slice(0, 100);
    const check = await deps.logins.check(inst.institution.orgCode, inst.book, loginId, password, deps.clock.nowMs());
    if (!check.ok) {
      const lang = session.lang;
      const error =
        check.why === 'locked'
          ? TEXT.locked[lang]
          : `${TEXT.wrongLogin[lang]}${check.failures ? ` ${TEXT.triesLeft[lang](LOGIN_MAX_FAILURES - check.failures)}` : ''}`;
      http.log.info({ org: inst.institution.orgCode, why: check.why }, 'provider login refused');
      return sendPage(reply, 401, loginPage(session.frame, session.service.name, error, loginId));
    }
    await sendCode(
      deps,
      inst,
      { ...session.request, loginId: check.login.loginId, otp: undefined },
      check.login.phone,
      session,
    );
    return goTo(reply, inst, 'otp', session.request.id, session.lang);
  });
}

function demoSms(deps: AuthDeps, requestId: string): DemoSms | undefined {
  if (!deps.showDemoSms) return undefined;
  const sms = deps.sms.latest(requestId);
  return sms ? { phone: sms.phone, text: sms.text } : undefined;
}

async function phoneOf(deps: AuthDeps, inst: AuthInstitution, request: AuthRequest): Promise<string | undefined> {
  if (request.loginId === undefined) return undefined;
  return (await deps.store.logins.find(inst.institution.orgCode, request.loginId))?.phone;
}

/** GET <base>/auth/otp: the code form (and, in the demo, the "SMS"). */
export async function showOtp(deps: AuthDeps, inst: AuthInstitution, http: FastifyRequest, reply: FastifyReply) {
  const opened = await openSession(deps, inst, http, reply, http.query as Query, 'otp');
  if (!opened.ok) return opened.reply;
  const { session } = opened;
  const phone = (await phoneOf(deps, inst, session.request)) ?? '';
  return sendPage(reply, 200, otpPage(session.frame, maskPhone(phone), demoSms(deps, session.request.id)));
}

/**
 * POST <base>/auth/otp: check the code (3 minutes, 5 tries, 3 codes per request) or send a new one. A
 * right code ends authentication: the logged-in customer's CI must equal x-user-ci, else the person goes
 * back to the operator with `unauthorized_user` (규격 §5.1.1; notes §4.1 step 3).
 */
export async function submitOtp(deps: AuthDeps, inst: AuthInstitution, http: FastifyRequest, reply: FastifyReply) {
  const form = pageForm(http.body);
  const fields = {
    request: form.get('request') ?? undefined,
    lang: form.get('lang') ?? undefined,
    csrf: form.get('csrf') ?? undefined,
  };
  return deps.lock.run(`request\u0001${fields.request ?? ''}`, async () => {
    const opened = await openSession(deps, inst, http, reply, fields, 'otp');
    if (!opened.ok) return opened.reply;
    const { session } = opened;
    const { request } = session;
    const lang = session.lang;
    const login =
      request.loginId === undefined
        ? undefined
        : await deps.store.logins.find(inst.institution.orgCode, request.loginId);
    if (!login || !request.otp)
      return finishWithError(deps, reply, request, 'server_error', '로그인 정보를 찾을 수 없습니다');
    const page = (status: number, message?: string, error?: string) =>
      sendPage(
        reply,
        status,
        otpPage(session.frame, maskPhone(login.phone), demoSms(deps, request.id), message, error),
      );

    switch (form.get('action')) {
      case 'cancel':
        return finishWithError(deps, reply, request, 'access_denied', CANCELLED);
      case 'resend':
        if (otpSendsLeft(request.otp) <= 0) return page(429, undefined, TEXT.noMoreSends[lang]);
        await sendCode(deps, inst, request, login.phone, session);
        return page(200, TEXT.sent[lang]);
      default:
        break;
    }
    const { result, next } = checkOtp(request.otp, (form.get('otp') ?? '').trim(), deps.clock.nowMs());
    if (result !== 'ok') {
      await deps.store.requests.put({ ...request, otp: next });
      http.log.info({ org: inst.institution.orgCode, result }, 'one-time code refused');
      if (result === 'exhausted' && otpSendsLeft(next) <= 0) {
        return finishWithError(deps, reply, request, 'access_denied', '본인인증 실패 (인증번호 입력 횟수 초과)');
      }
      const error =
        result === 'wrong'
          ? TEXT.wrongOtp[lang](otpTriesLeft(next))
          : result === 'expired'
            ? TEXT.expiredOtp[lang]
            : TEXT.exhaustedOtp[lang];
      return page(401, undefined, error);
    }
    if (login.ci !== request.userCi) {
      http.log.info({ org: inst.institution.orgCode }, 'CI of the logged-in customer differs from x-user-ci');
      return finishWithError(deps, reply, request, 'unauthorized_user', 'x-user-ci: 로그인한 고객의 CI와 다릅니다');
    }
    await deps.store.requests.put({ ...request, stage: 'consent', otp: undefined });
    return goTo(reply, inst, 'consent', request.id, lang);
  });
}
