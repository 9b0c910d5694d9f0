import type { FastifyInstance } from '@hannun/infra';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { sendProblem } from '../app-error.ts';
import { clearCookie, SESSION_COOKIE } from '../cookies.ts';
import { requireSession, sessionOf } from '../session-guard.ts';
import { bodyOf, str } from './body.ts';

/**
 * `POST /api/leave` (회원탈퇴): with the password (and the second factor when on, with the login's lockout), every
 * consent is withdrawn, every row of the person deleted and their data key destroyed (leave/), then the tokens
 * are revoked at each provider and the jobs stopped. The session cookie is cleared.
 */
export function registerLeaveRoutes(app: FastifyInstance, rt: OperatorRuntime, o: { secureCookies: boolean }): void {
  const { domain } = rt;
  app.post('/api/leave', { preHandler: requireSession(rt) }, async (request, reply) => {
    const { personId } = sessionOf(request);
    const body = bodyOf(request);
    const profile = await domain.people.profile(personId);
    if (!profile) return sendProblem(reply, request, 404, 'OP_NOT_FOUND', 'no such person', { ko: '회원이 없습니다' });
    const totpCode = body.totpCode === undefined ? undefined : str(body, 'totpCode', { max: 10 });
    const check = await domain.people.login({
      loginName: profile.loginName,
      password: str(body, 'password', { max: 1000 }),
      source: request.ip,
      ...(totpCode !== undefined ? { totpCode } : {}),
    });
    if (!check.ok) {
      const locked = check.reason === 'locked' || check.reason === 'throttled';
      return sendProblem(
        reply,
        request,
        locked ? 423 : 401,
        'OP_REAUTH_FAILED',
        'the password (or code) is not right',
        {
          ko: '비밀번호 또는 인증 코드가 맞지 않습니다',
          field: check.reason.startsWith('totp') ? 'totpCode' : 'password',
        },
      );
    }
    const report = await domain.leave.leave(personId);
    const outcomes = await rt.followUps.run(report.followUps);
    rt.logger.info({ person: personId, followUps: outcomes.length }, 'person left the service');
    reply.header('set-cookie', clearCookie(SESSION_COOKIE, { secure: o.secureCookies, sameSite: 'Lax' }));
    return {
      left: true,
      revoked: outcomes.filter((x) => x.kind === 'revoke-tokens' && x.result === 'done').length,
      pending: outcomes.filter((x) => x.result === 'failed').length,
    };
  });
}
