import type { FastifyInstance } from '@hannun/infra';
import { findApi } from '@hannun/spec';
import { transmissions } from '../../records/transmission-records.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid } from '../../shared/operator-error.ts';
import { requireSession, sessionOf } from '../session-guard.ts';

const DAY_MS = 86_400_000;
/** Transmission records are kept 3 years: the furthest back a person can look. */
const MAX_DAYS = 3 * 365;
const MAX_ROWS = 500;

/**
 * `GET /api/journey?days=30`: my data's journey (issue #8 item 11), newest first — every transmission made for
 * the person (institution, API and its items, time, purpose of the consent, x-api-type, result) and every use
 * recorded in the audit log about them (sign-up, logins, consents, deletions, downloads). At most 500 of each.
 */
export function registerJourneyRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const { domain } = rt;
  app.get('/api/journey', { preHandler: requireSession(rt) }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const { personId } = sessionOf(request);
    const q = request.query as Record<string, unknown>;
    const days = q.days === undefined ? 30 : Number(q.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      throw invalid('days', `must be a whole number of days 1–${MAX_DAYS}`, `1~${MAX_DAYS}일 사이여야 합니다`);
    }
    const now = domain.clock.nowMs();
    const [records, consents, audit] = await Promise.all([
      transmissions(domain.store.db, { from: now - days * DAY_MS, to: now + 1, personRef: personId }),
      domain.consents.history(personId),
      domain.audit.entries(domain.store.db, { subject: personId, limit: 100_000 }),
    ]);
    const purposeOf = new Map(consents.map((c) => [c.id, c.purpose]));
    return {
      transmissions: records
        .slice(-MAX_ROWS)
        .reverse()
        .map((r) => {
          const api = findApi(r.apiId);
          return {
            id: r.id,
            at: r.requestedAt,
            orgCode: r.orgCode,
            institution: rt.providers.name(r.orgCode),
            apiId: r.apiId,
            items: api ? api.name : { ko: r.apiId, en: r.apiId },
            purpose: r.consentId ? (purposeOf.get(r.consentId) ?? null) : null,
            apiType: r.apiType,
            result: r.failure ?? r.rspCode ?? (r.httpStatus === null ? null : String(r.httpStatus)),
            ok: r.failure === null && (r.rspCode === null || r.rspCode === '00000'),
            rows: r.rowsReceived,
            durationMs: r.durationMs,
          };
        }),
      uses: audit
        .slice(-MAX_ROWS)
        .reverse()
        .map((e) => ({
          seq: e.seq,
          at: e.at,
          action: e.action,
          by: e.actor.startsWith('person:') ? 'person' : e.actor,
          orgCode: typeof e.details.org_code === 'string' ? e.details.org_code : null,
        })),
    };
  });
}
