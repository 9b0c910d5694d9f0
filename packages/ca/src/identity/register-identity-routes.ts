import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import type { RegisteredOrg } from '@hannun/registry';
import { type decodeMessage, encodeMessage, type OrgType, type Shape } from '@hannun/spec';
import { sendFailure, sendOk } from '../api/answer.ts';
import { authoriseCall, type TransportPolicy } from '../api/authorise-call.ts';
import { readJsonBody } from '../api/read-json-body.ts';
import { messagePage } from '../pages/approval-page.ts';
import { type PageLang, pageLang } from '../pages/page-lang.ts';
import { formOf, sendHtml } from '../pages/register-page-routes.ts';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, isFailure } from '../service/ca-failure.ts';
import { identityPage } from './identity-page.ts';
import { type IdentityOutcome, showIdentity, submitIdentity } from './identity-page-actions.ts';
import { openIdentityRequest } from './identity-request.ts';
import { readIdentityResult } from './identity-result.ts';
import {
  IDENTITY_API,
  IDENTITY_PAGE_PREFIX,
  IDENTITY_REQUEST_BODY,
  IDENTITY_REQUEST_PATH,
  IDENTITY_REQUEST_RESPONSE,
  IDENTITY_RESULT_BODY,
  IDENTITY_RESULT_PATH,
  IDENTITY_RESULT_RESPONSE,
} from './identity-shapes.ts';
import type { IdentityStore } from './identity-store.ts';
import { IDENTITY_TEXT } from './identity-texts.ts';
import { decodeBody as decode } from '../api/decode-body.ts';

/** Who may ask for an identity check: operators (sign-up) and the portal (its consolidated consent view). */
const IDENTITY_CALLERS: readonly OrgType[] = ['03', '07'];

/** One identity API route: the same checks as 통합인증-102…104 (certificate, address, tran id, CA token). */
function apiRoute<S extends Shape, R>(
  app: FastifyInstance,
  ctx: CaContext,
  policy: TransportPolicy,
  path: string,
  api: (typeof IDENTITY_API)[keyof typeof IDENTITY_API],
  shape: S,
  step: (operator: RegisteredOrg, body: ReturnType<typeof decodeMessage<S>>) => Promise<R | CaFailure>,
  answer: (result: R) => Record<string, unknown>,
): void {
  app.post(path, async (request: FastifyRequest, reply: FastifyReply) => {
    const refused = (failure: CaFailure) => {
      request.log.warn({ api: api.id, rspCode: failure.rspCode, reason: failure.reason }, 'CA call refused');
      return sendFailure(reply, failure);
    };
    const caller = await authoriseCall(ctx, policy, api, request, IDENTITY_CALLERS);
    if (isFailure(caller)) return refused(caller);
    const raw = readJsonBody(request);
    if (isFailure(raw)) return refused(raw);
    const body = decode(shape, raw);
    if (isFailure(body)) return refused(body);
    const result = await step(caller.org, body);
    if (isFailure(result)) return refused(result);
    return sendOk(reply, answer(result));
  });
}

const MESSAGES = {
  confirmed: { title: IDENTITY_TEXT.confirmedTitle, body: IDENTITY_TEXT.confirmedBody },
  refused: { title: IDENTITY_TEXT.refusedTitle, body: IDENTITY_TEXT.refusedBody },
  expired: { title: IDENTITY_TEXT.expiredTitle, body: IDENTITY_TEXT.expiredBody },
  'not-found': { title: IDENTITY_TEXT.notFoundTitle, body: IDENTITY_TEXT.notFoundBody },
  forbidden: {
    title: { ko: '요청을 확인할 수 없음', en: 'Request not accepted' },
    body: {
      ko: '이 화면에서 보낸 요청이 아닙니다. 본인확인 화면을 다시 열어 시도하세요.',
      en: 'This did not come from the identity page. Open it again and retry.',
    },
  },
} as const;

function render(ctx: CaContext, reply: FastifyReply, outcome: IdentityOutcome, lang: PageLang, path: string) {
  if (outcome.kind === 'form') return sendHtml(reply, outcome.status, identityPage(outcome.state));
  const m = MESSAGES[outcome.message];
  return sendHtml(
    reply,
    outcome.status,
    messagePage({ lang, caName: ctx.caName, path, title: m.title, body: m.body, returnUrl: outcome.returnUrl }),
  );
}

/**
 * The PROVISIONAL identity check (본인확인) of the CA: `POST /ca/identity_request` and `/ca/identity_result` on
 * the API service (operators, mutual TLS, a CA token), and `GET/POST /identity/:cert_tx_id` on the pages
 * service, where the person confirms with their PIN. Call after registerApiRoutes and registerPageRoutes (it
 * uses the body parsers they set).
 */
export function registerIdentityRoutes(
  api: FastifyInstance,
  pages: FastifyInstance,
  ctx: CaContext,
  policy: TransportPolicy,
  identities: IdentityStore,
): void {
  apiRoute(
    api,
    ctx,
    policy,
    IDENTITY_REQUEST_PATH,
    IDENTITY_API.request,
    IDENTITY_REQUEST_BODY,
    (operator, body) => openIdentityRequest(ctx, identities, operator, body),
    (r) => encodeMessage(IDENTITY_REQUEST_RESPONSE, { cert_tx_id: r.certTxId }),
  );
  apiRoute(
    api,
    ctx,
    policy,
    IDENTITY_RESULT_PATH,
    IDENTITY_API.result,
    IDENTITY_RESULT_BODY,
    (operator, body) => readIdentityResult(ctx, identities, operator, body),
    (r) => encodeMessage(IDENTITY_RESULT_RESPONSE, r),
  );
  pages.get<{ Params: { certTxId: string } }>(`${IDENTITY_PAGE_PREFIX}/:certTxId`, async (request, reply) => {
    const lang = pageLang(request.query);
    const outcome = await showIdentity(ctx, identities, request.params.certTxId, lang);
    return render(ctx, reply, outcome, lang, `${IDENTITY_PAGE_PREFIX}/${request.params.certTxId}`);
  });
  pages.post<{ Params: { certTxId: string } }>(`${IDENTITY_PAGE_PREFIX}/:certTxId`, async (request, reply) => {
    const lang = pageLang(request.query);
    const outcome = await submitIdentity(ctx, identities, request.params.certTxId, formOf(request.body), lang);
    return render(ctx, reply, outcome, lang, `${IDENTITY_PAGE_PREFIX}/${request.params.certTxId}`);
  });
}
