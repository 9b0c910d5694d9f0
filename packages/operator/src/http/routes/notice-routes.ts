import type { FastifyInstance } from '@hannun/infra';
import { buildYearlyNotice, checkNoticeYear } from '../../records/yearly-notice.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { requireSession, sessionOf } from '../session-guard.ts';

/**
 * The yearly notice of what was received (records/yearly-notice.ts): `GET /api/notices/yearly` lists the person's
 * notices made due (one per past year), `?year=YYYY` gives one year's notice (the current year: so far) and marks
 * a due one read.
 */
export function registerNoticeRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const { domain } = rt;
  const guard = { preHandler: requireSession(rt) };

  app.get('/api/notices/yearly', guard, async (request, reply) => {
    const { personId } = sessionOf(request);
    reply.header('cache-control', 'no-store');
    const q = request.query as Record<string, unknown>;
    const now = domain.clock.nowMs();
    if (q.year === undefined) {
      const due = await domain.store.db
        .selectFrom('op_yearly_notice')
        .select(['year', 'consents', 'calls', 'created_at', 'read_at'])
        .where('person_id', '=', personId)
        .orderBy('year', 'desc')
        .execute();
      return {
        notices: due.map((n) => ({
          year: Number(n.year),
          consents: Number(n.consents),
          calls: Number(n.calls),
          dueAt: Number(n.created_at),
          readAt: n.read_at === null ? null : Number(n.read_at),
        })),
      };
    }
    const year = checkNoticeYear(q.year, now);
    const notice = await buildYearlyNotice(domain.store, domain.consents, personId, year, now);
    await domain.store.db
      .updateTable('op_yearly_notice')
      .set({ read_at: now })
      .where('person_id', '=', personId)
      .where('year', '=', year)
      .where('read_at', 'is', null)
      .execute();
    return {
      ...notice,
      consents: notice.consents.map((c) => ({ ...c, institution: rt.providers.name(c.orgCode) })),
    };
  });
}
