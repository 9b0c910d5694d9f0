import type { FastifyInstance } from '@hannun/infra';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { invalid, OperatorError } from '../../shared/operator-error.ts';
import { sendProblem } from '../app-error.ts';
import { resolveSession, requireSession, sessionOf } from '../session-guard.ts';
import { bodyOf, str } from './body.ts';

export interface ConnectRouteOptions {
  /** Where `/callback` sends the browser afterwards (the app's page); `?connected=<org>` or `?connect_error=<code>`. */
  readonly returnPath: string;
}

const DEVICES = new Set(['PC', 'TB', 'MO']);

/**
 * Connecting institutions: 통합인증 over pending consents (the CA's page URL back, then the flow's progress)
 * and 개별인증 for one (the provider's login page URL back, then the provider redirects to `/callback`).
 */
export function registerConnectRoutes(app: FastifyInstance, rt: OperatorRuntime, o: ConnectRouteOptions): void {
  const guard = { preHandler: requireSession(rt) };

  app.post('/api/connect/integrated', guard, async (request, reply) => {
    const body = bodyOf(request);
    if (!Array.isArray(body.consentIds))
      throw invalid('consentIds', 'must be a list of consent ids', '전송요구 목록이어야 합니다');
    const device = body.device === undefined ? 'PC' : str(body, 'device', { max: 2 });
    if (!DEVICES.has(device)) throw invalid('device', 'must be PC, TB or MO', 'PC, TB, MO 중 하나여야 합니다');
    const flow = await rt.integrated.start(sessionOf(request).personId, body.consentIds as string[], {
      code: device as 'PC' | 'TB' | 'MO',
      browser: 'WB',
    });
    return reply.code(201).send(flow);
  });

  app.get<{ Params: { id: string } }>('/api/connect/integrated/:id', guard, async (request) => {
    const flow = await rt.integrated.view(sessionOf(request).personId, request.params.id);
    if (!flow)
      throw new OperatorError('OP_NOT_FOUND', 'no such connection of this person', '연결 요청이 없습니다', 'id');
    return flow;
  });

  app.post('/api/connect/individual', guard, async (request, reply) => {
    const session = sessionOf(request);
    const consentId = str(bodyOf(request), 'consentId', { max: 100 });
    const started = await rt.individual.start(session.personId, consentId, session.ref);
    return reply.code(201).send(started);
  });

  // The provider's redirect after 개별인증 (a top-level navigation: the Lax session cookie comes along).
  app.get('/callback', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const session = await resolveSession(rt, request);
    const outcome = await rt.individual.callback({
      state: q.state,
      code: q.code,
      error: q.error,
      sessionRef: session?.ref,
    });
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!outcome.ok && outcome.reason.code === 'state_mismatch') {
      // Not an answer to anything this browser started: no redirect, nothing exchanged.
      return sendProblem(reply, request, 400, 'OP_STATE_MISMATCH', outcome.reason.en, { ko: outcome.reason.ko });
    }
    const sep = o.returnPath.includes('?') ? '&' : '?';
    const to = outcome.ok
      ? `${o.returnPath}${sep}connected=${encodeURIComponent(outcome.orgCode)}`
      : `${o.returnPath}${sep}connect_error=${encodeURIComponent(outcome.reason.code)}`;
    return reply.code(302).header('location', to).send();
  });
}
