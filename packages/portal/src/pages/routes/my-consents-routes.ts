import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import type { CaIdentityError, PersonIdentity } from '../../consent-view/ca-identity.ts';
import type { OperatorAnswer } from '../../consent-view/operator-consents.ts';
import type { ViewTickets } from '../../consent-view/view-tickets.ts';
import { pageLang, withLang } from '../page-lang.ts';
import { sendPage } from '../send-page.ts';
import { clearCookie, cookie, readCookies } from '../session/cookies.ts';
import {
  MY_CONSENTS_PATH,
  MY_CONSENTS_RESULT_PATH,
  myConsentsEndedPage,
  myConsentsFormPage,
  myConsentsResultPage,
  myConsentsWaitPage,
} from '../views/my-consents-page.ts';

/** The cookie holding a visit's ticket, and the one the form's CSRF token is compared with. */
const VIEW_COOKIE = 'hannun_portal_view';
const FORM_COOKIE = 'hannun_portal_view_form';

export interface MyConsentsContext {
  readonly identity: PersonIdentity;
  readonly tickets: ViewTickets;
  readonly gather: (ci: string) => Promise<OperatorAnswer[]>;
  readonly orgName: (orgCode: string) => Promise<string | undefined>;
  readonly serviceName: (clientId: string) => Promise<string | undefined>;
}

const sameToken = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function lax(name: string, value: string, maxAge: number): string {
  // Lax, not Strict: the person comes back from the CA's page (another site) by a link.
  return cookie(name, value, maxAge).replace('SameSite=Strict', 'SameSite=Lax');
}

/**
 * The consolidated consent view for people (종합포털 전송요구 내역 조회): a form (name, birth date, mobile) →
 * the CA's identity check (the person confirms with their PIN on the CA's page) → every operator's 지원-103 with
 * the CI the CA vouched for → one page. No scripts; the form carries a CSRF token bound to a cookie; the
 * visit lives in memory for 10 minutes.
 */
export function registerMyConsentsRoutes(app: FastifyInstance, ctx: MyConsentsContext): void {
  const showForm = (
    reply: FastifyReply,
    request: FastifyRequest,
    status: number,
    extra: Omit<Parameters<typeof myConsentsFormPage>[0], 'lang' | 'csrf'>,
  ) => {
    const csrf = randomBytes(24).toString('base64url');
    reply.header('set-cookie', lax(FORM_COOKIE, csrf, 30 * 60));
    return sendPage(reply, status, myConsentsFormPage({ lang: pageLang(request.query), csrf, ...extra }));
  };

  app.get(MY_CONSENTS_PATH, async (request, reply) => showForm(reply, request, 200, {}));

  app.post(MY_CONSENTS_PATH, async (request, reply) => {
    const lang = pageLang(request.query);
    const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
    if (!sameToken(form.get('csrf') ?? undefined, readCookies(request.headers.cookie).get(FORM_COOKIE))) {
      return showForm(reply, request, 403, {
        error:
          lang === 'ko' ? '화면이 오래되었습니다. 다시 입력하세요.' : 'This form has expired. Please fill it in again.',
      });
    }
    const name = (form.get('name') ?? '').trim();
    const birthDate = (form.get('birth_date') ?? '').trim();
    const phone = (form.get('phone') ?? '').replace(/[\s-]/g, '');
    const values = { name, birthDate, phone: form.get('phone') ?? '' };
    const problem =
      name === '' || Buffer.byteLength(name) > 30
        ? { ko: '이름을 확인하세요.', en: 'Check your name.' }
        : !/^\d{8}$/.test(birthDate)
          ? {
              ko: '생년월일은 19900101처럼 8자리 숫자로 쓰세요.',
              en: 'Write the date of birth as 8 digits, like 19900101.',
            }
          : !/^01[016789]\d{7,8}$/.test(phone)
            ? {
                ko: '휴대폰 번호를 확인하세요 (예: 010-1234-5678).',
                en: 'Check the mobile number (e.g. 010-1234-5678).',
              }
            : undefined;
    if (problem) return showForm(reply, request, 400, { values, error: problem[lang] });
    let opened: Awaited<ReturnType<PersonIdentity['begin']>>;
    try {
      opened = await ctx.identity.begin({ name, birthDate, phone });
    } catch (error) {
      request.log.warn({ err: (error as CaIdentityError).message }, 'consent view: the CA could not open a check');
      return showForm(reply, request, 502, {
        values,
        error:
          lang === 'ko'
            ? '인증기관에 연결할 수 없습니다. 잠시 후 다시 시도하세요.'
            : 'The CA cannot be reached. Try again shortly.',
      });
    }
    if (!opened) {
      return showForm(reply, request, 400, {
        values,
        error:
          lang === 'ko'
            ? '인증기관에 등록된 정보와 일치하지 않습니다.'
            : 'The certificate authority knows nobody with these details.',
      });
    }
    const { id, ticket } = ctx.tickets.open(opened.certTxId, opened.pageUrl);
    reply.header('set-cookie', [lax(VIEW_COOKIE, id, ctx.tickets.ttlSeconds), clearCookie(FORM_COOKIE)]);
    return sendPage(reply, 200, myConsentsWaitPage({ lang, pageUrl: ticket.pageUrl, waiting: false }));
  });

  app.get(MY_CONSENTS_RESULT_PATH, async (request, reply) => {
    const lang = pageLang(request.query);
    const id = readCookies(request.headers.cookie).get(VIEW_COOKIE);
    const ticket = ctx.tickets.get(id);
    if (!ticket || id === undefined) return reply.redirect(withLang(MY_CONSENTS_PATH, lang), 303);
    if (ticket.ci === undefined) {
      let outcome: Awaited<ReturnType<PersonIdentity['result']>>;
      try {
        outcome = await ctx.identity.result(ticket.certTxId);
      } catch (error) {
        request.log.warn({ err: (error as CaIdentityError).message }, 'consent view: the CA result is unusable');
        ctx.tickets.close(id);
        reply.header('set-cookie', clearCookie(VIEW_COOKIE));
        return sendPage(reply, 502, myConsentsEndedPage(lang));
      }
      if (outcome.status === 'pending') {
        reply.header('refresh', '3');
        return sendPage(reply, 200, myConsentsWaitPage({ lang, pageUrl: ticket.pageUrl, waiting: true }));
      }
      if (outcome.status !== 'confirmed') {
        ctx.tickets.close(id);
        reply.header('set-cookie', clearCookie(VIEW_COOKIE));
        return sendPage(reply, 403, myConsentsEndedPage(lang));
      }
      ticket.ci = outcome.ci;
      ticket.name = outcome.name;
    }
    const answers = await ctx.gather(ticket.ci);
    const orgCodes = new Set(
      answers.flatMap((a) => (a.ok ? a.services.flatMap((s) => s.consents.map((c) => c.orgCode)) : [])),
    );
    const clientIds = new Set(answers.flatMap((a) => (a.ok ? a.services.map((s) => s.clientId) : [])));
    const orgNames = new Map(await Promise.all([...orgCodes].map(async (c) => [c, await ctx.orgName(c)] as const)));
    const serviceNames = new Map(
      await Promise.all([...clientIds].map(async (c) => [c, await ctx.serviceName(c)] as const)),
    );
    request.log.info({ operators: answers.length }, 'consent view shown');
    return sendPage(
      reply,
      200,
      myConsentsResultPage({
        lang,
        answers,
        orgName: (c) => orgNames.get(c),
        serviceName: (c) => serviceNames.get(c),
      }),
    );
  });
}
