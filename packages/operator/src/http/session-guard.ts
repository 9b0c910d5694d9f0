import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import type { ActiveSession } from '../people/sessions.ts';
import type { OperatorRuntime } from '../service/operator-runtime.ts';
import { sendProblem } from './app-error.ts';
import { readCookies, SESSION_COOKIE } from './cookies.ts';

const sessions = new WeakMap<FastifyRequest, ActiveSession>();

/** The session of a request that passed `requireSession`. */
export function sessionOf(request: FastifyRequest): ActiveSession {
  const s = sessions.get(request);
  if (!s) throw new Error('sessionOf: the route is not behind requireSession');
  return s;
}

/** The raw session id the browser sent, if any (to end it at logout or rotate it at login). */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  return readCookies(request.headers.cookie).get(SESSION_COOKIE);
}

/** The live session of the request's cookie, or undefined (unknown, expired). */
export async function resolveSession(rt: OperatorRuntime, request: FastifyRequest): Promise<ActiveSession | undefined> {
  const id = sessionIdOf(request);
  if (id === undefined) return undefined;
  const { domain } = rt;
  return domain.people.sessions.resolve(domain.store.db, id, domain.clock.nowMs());
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * preHandler: a live session (401 otherwise), and on every state-changing request its CSRF token in the
 * `x-csrf-token` header (403 otherwise: the synchroniser token of people/sessions.ts, compared in constant time).
 */
export function requireSession(rt: OperatorRuntime) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const session = await resolveSession(rt, request);
    if (!session) {
      return sendProblem(reply, request, 401, 'OP_NO_SESSION', 'log in first', { ko: '로그인이 필요합니다' });
    }
    if (!SAFE.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (!rt.domain.people.sessions.checkCsrf(session, typeof presented === 'string' ? presented : undefined)) {
        request.log.warn({ route: request.routeOptions.url }, 'state-changing request without the CSRF token refused');
        return sendProblem(reply, request, 403, 'OP_CSRF', 'the x-csrf-token header is missing or wrong', {
          ko: '요청을 확인할 수 없습니다. 화면을 새로고침한 뒤 다시 시도하세요.',
        });
      }
    }
    sessions.set(request, session);
  };
}

/**
 * onRequest for the whole API: a state-changing request must be JSON (a cross-site form cannot send it without
 * a preflight, which the app never allows) and, when the browser names its Origin, come from this app's own
 * origin. This guards the requests that have no session yet (sign-up, login) against cross-site forgery.
 */
export function sameOriginJson(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (SAFE.has(request.method)) {
    done();
    return;
  }
  const type = request.headers['content-type'];
  if (typeof type !== 'string' || !/^application\/json(\s*;.*)?$/i.test(type)) {
    void sendProblem(reply, request, 415, 'OP_JSON_ONLY', 'send application/json', { ko: 'JSON으로 보내야 합니다' });
    return;
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    let same = false;
    try {
      const o = new URL(origin);
      // Compared as URLs, so a default port written or not (localhost:80) is the same host.
      same = o.host === new URL(`${o.protocol}//${request.headers.host ?? ''}`).host;
    } catch {
      same = false;
    }
    if (!same) {
      void sendProblem(reply, request, 403, 'OP_CROSS_ORIGIN', 'cross-origin requests are refused', {
        ko: '다른 사이트에서 보낸 요청은 받지 않습니다',
      });
      return;
    }
  }
  done();
}
