import type { FastifyInstance, FastifyReply } from '@hannun/infra';
import type { CaContext } from '../service/ca-context.ts';
import { approvalPage, messagePage } from './approval-page.ts';
import type { SafeHtml } from './html.ts';
import { type PageForm, type PageOutcome, showApproval, submitApproval } from './page-actions.ts';
import { type PageLang, pageLang } from './page-lang.ts';
import { TEXT } from './page-texts.ts';
import { STYLESHEET_PATH } from './layout.ts';
import { CA_PAGE_CSS } from './styles.ts';

/** Pages load nothing but their own stylesheet: no scripts, no frames, forms post only to this origin. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function sendHtml(reply: FastifyReply, status: number, body: SafeHtml): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', CSP)
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body.value);
}

const MESSAGES = {
  signed: { title: TEXT.signedTitle, body: TEXT.signedBody },
  refused: { title: TEXT.refusedTitle, body: TEXT.refusedBody },
  expired: { title: TEXT.expiredTitle, body: TEXT.expiredBody },
  'not-found': { title: TEXT.notFoundTitle, body: TEXT.notFoundBody },
  forbidden: { title: TEXT.forbiddenTitle, body: TEXT.forbiddenBody },
} as const;

function render(ctx: CaContext, reply: FastifyReply, outcome: PageOutcome, lang: PageLang, path: string) {
  if (outcome.kind === 'form') return sendHtml(reply, outcome.status, approvalPage(outcome.state));
  const m = MESSAGES[outcome.message];
  return sendHtml(
    reply,
    outcome.status,
    messagePage({ lang, caName: ctx.caName, path, title: m.title, body: m.body, returnUrl: outcome.returnUrl }),
  );
}

export function formOf(body: unknown): PageForm {
  if (!(body instanceof URLSearchParams)) return {};
  const one = (name: string) => body.get(name) ?? undefined;
  return { csrf: one('csrf'), action: one('action'), pin: one('pin') };
}

/**
 * The person-facing pages: GET /sign/:cert_tx_id shows the request, POST /sign/:cert_tx_id takes the
 * form (csrf, action approve|refuse, pin). Server-rendered, escaped, no scripts, no external assets.
 */
export function registerPageRoutes(app: FastifyInstance, ctx: CaContext): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_r, body, done) => {
      done(null, new URLSearchParams(body as string));
    },
  );
  app.get(STYLESHEET_PATH, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(CA_PAGE_CSS),
  );
  app.get<{ Params: { certTxId: string } }>('/sign/:certTxId', async (request, reply) => {
    const lang = pageLang(request.query);
    const outcome = await showApproval(ctx, request.params.certTxId, lang);
    return render(ctx, reply, outcome, lang, `/sign/${request.params.certTxId}`);
  });
  app.post<{ Params: { certTxId: string } }>('/sign/:certTxId', async (request, reply) => {
    const lang = pageLang(request.query);
    const outcome = await submitApproval(ctx, request.params.certTxId, formOf(request.body), lang);
    return render(ctx, reply, outcome, lang, `/sign/${request.params.certTxId}`);
  });
}

/** Unknown page addresses: the not-found page, in Korean. */
export function pageNotFound(ctx: CaContext) {
  return (_request: unknown, reply: FastifyReply) =>
    sendHtml(
      reply,
      404,
      messagePage({ lang: 'ko', caName: ctx.caName, path: '/', title: TEXT.notFoundTitle, body: TEXT.notFoundBody }),
    );
}
