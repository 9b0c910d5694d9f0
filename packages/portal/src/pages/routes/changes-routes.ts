import type { FastifyInstance } from '@hannun/infra';
import { pageLang } from '../page-lang.ts';
import { type PagesContext, sessionOf } from '../pages-context.ts';
import { sendPage } from '../send-page.ts';
import { changesPage } from '../views/changes-page.ts';

const PAGE = 50;

/** GET /admin/changes[?before=seq]: the change log, newest first, 50 at a time. */
export function registerChangesRoutes(app: FastifyInstance, ctx: PagesContext): void {
  app.get<{ Querystring: { before?: string } }>('/admin/changes', async (request, reply) => {
    const lang = pageLang(request.query);
    const before = /^[0-9]{1,15}$/.test(request.query.before ?? '') ? Number(request.query.before) : undefined;
    const rows = await ctx.registry.recentChanges(PAGE + 1, before);
    const changes = rows.slice(0, PAGE);
    return sendPage(
      reply,
      200,
      changesPage({
        lang,
        csrf: sessionOf(request).csrf,
        changes,
        olderThan: rows.length > PAGE ? changes[changes.length - 1]!.seq : undefined,
        paged: before !== undefined,
      }),
    );
  });
}
