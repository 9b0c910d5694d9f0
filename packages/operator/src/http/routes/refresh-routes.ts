import type { FastifyInstance } from '@hannun/infra';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid } from '../../shared/operator-error.ts';
import { requireSession, sessionOf } from '../session-guard.ts';
import { bodyOf } from './body.ts';

/**
 * `POST /api/refresh` `{ orgCodes? }`: fetch again now (x-api-type user-refresh) at the person's institutions
 * with an active consent — all of them, or those named (the app's "retry" after a failure). Progress follows on
 * `/api/progress`. 409 `OP_CONSENT_STATE` naming `orgCodes` when a named one has no active consent.
 */
export function registerRefreshRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  app.post('/api/refresh', { preHandler: requireSession(rt) }, async (request, reply) => {
    const { personId } = sessionOf(request);
    const body = bodyOf(request);
    const active = new Set((await rt.domain.consents.active(personId)).map((c) => c.orgCode));
    let orgCodes: string[];
    if (body.orgCodes === undefined) orgCodes = [...active];
    else {
      const v = body.orgCodes;
      if (!Array.isArray(v) || v.length === 0 || v.length > 100 || !v.every((s) => typeof s === 'string')) {
        throw invalid('orgCodes', 'must list 1–100 org_codes', '기관코드를 1~100개 보내세요');
      }
      const missing = v.filter((o) => !active.has(o));
      if (missing.length > 0) {
        return reply.code(409).send({
          statusCode: 409,
          error: 'Conflict',
          code: 'OP_CONSENT_STATE',
          field: 'orgCodes',
          message: `no active consent at ${missing.join(', ')}: connect it first`,
          ko: '유효한 전송요구가 없는 기관입니다. 먼저 연결하세요',
          requestId: request.id,
        });
      }
      orgCodes = [...new Set(v as string[])];
    }
    if (orgCodes.length > 0) await rt.collector.start(personId, orgCodes, 'user-refresh');
    return reply.code(202).send({ started: orgCodes });
  });
}
