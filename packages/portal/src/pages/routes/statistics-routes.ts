import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { isRegistryInputError } from '../../registry/registry-input-error.ts';
import { resendOrgType } from '../../statistics/ask-resend.ts';
import { statisticsIndex, weekSummary } from '../../statistics/week-summary.ts';
import { formValues } from '../forms/form-values.ts';
import { type PageLang, pageLang, pick } from '../page-lang.ts';
import { fill, TEXT } from '../page-text.ts';
import { type PagesContext, sessionOf } from '../pages-context.ts';
import { sendPage } from '../send-page.ts';
import { messagePage } from '../views/message-page.ts';
import { orgStatisticsPage, statisticsIndexPage } from '../views/statistics-pages.ts';

type Org = { Params: { org_code: string }; Querystring: { week?: string } };

/**
 * GET /admin/statistics (who has statistics), GET /admin/statistics/:org_code[?week=YYYYMMDD] (charts and
 * tables of one week), POST /admin/statistics/:org_code/resend (지원-104).
 */
export function registerStatisticsRoutes(app: FastifyInstance, ctx: PagesContext): void {
  const received = async () => [...(await ctx.statistics.list('provider')), ...(await ctx.statistics.list('mydata'))];

  app.get('/admin/statistics', async (request, reply) => {
    const lang = pageLang(request.query);
    const index = statisticsIndex(await received());
    const rows = (await ctx.registry.orgs())
      .map((o) => ({ org: o.org, weeks: index.get(o.org.orgCode) ?? [] }))
      .filter((r) => r.weeks.length > 0);
    return sendPage(reply, 200, statisticsIndexPage({ lang, csrf: sessionOf(request).csrf, rows }));
  });

  async function orgPage(
    request: FastifyRequest<Org>,
    reply: FastifyReply,
    lang: PageLang,
    week: string | undefined,
    resend?: { readonly ok: boolean; readonly text: string },
  ): Promise<FastifyReply> {
    const stored = await ctx.registry.org(request.params.org_code);
    if (!stored) {
      return sendPage(
        reply,
        404,
        messagePage({
          lang,
          title: TEXT.notFoundTitle,
          body: TEXT.notFoundBody,
          path: '/admin/statistics',
          session: { csrf: sessionOf(request).csrf, section: 'statistics' },
        }),
      );
    }
    const all = await received();
    const services = await ctx.registry.services();
    const weeks = statisticsIndex(all).get(stored.org.orgCode) ?? [];
    const chosen = week !== undefined && weeks.includes(week) ? week : weeks[0];
    const summary = chosen ? weekSummary(stored.org, chosen, all, services) : undefined;
    return sendPage(
      reply,
      200,
      orgStatisticsPage({
        lang,
        csrf: sessionOf(request).csrf,
        org: stored.org,
        weeks,
        summary,
        canResend: ctx.resend !== undefined && resendOrgType(stored.org) !== undefined,
        ...(resend ? { resend } : {}),
      }),
    );
  }

  app.get<Org>('/admin/statistics/:org_code', async (request, reply) =>
    orgPage(request, reply, pageLang(request.query), request.query.week),
  );

  app.post<Org>('/admin/statistics/:org_code/resend', async (request, reply) => {
    const lang = pageLang(request.query);
    const form = formValues(request.body);
    const inquiryDate = (form.inquiry_date ?? '').trim();
    const type = form.type === '1' || form.type === '2' ? form.type : '0';
    if (!ctx.resend) return orgPage(request, reply, lang, inquiryDate);
    let outcome: { ok: boolean; text: string };
    try {
      const answer = await ctx.resend({ orgCode: request.params.org_code, inquiryDate, type });
      outcome = answer.ok
        ? { ok: true, text: fill(pick(lang, TEXT.resendAccepted), { code: request.params.org_code }) }
        : { ok: false, text: fill(pick(lang, TEXT.resendRefused), { why: answer.reason }) };
      request.log.info(
        { api: '지원-104', org: request.params.org_code, inquiryDate, type, accepted: answer.ok },
        'statistics resend asked',
      );
    } catch (error) {
      if (!isRegistryInputError(error)) throw error;
      outcome = {
        ok: false,
        text: fill(pick(lang, TEXT.resendRefused), { why: lang === 'ko' ? error.messageKo : error.message }),
      };
    }
    return orgPage(request, reply, lang, inquiryDate, outcome);
  });
}
