import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from '@hannun/infra';
import type { SmsOutbox } from './sms-outbox.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Test hook (only with test hooks enabled, behind their admin token): the latest simulated SMS of an
 * institution, newest first, so an end-to-end test can read the one-time code as a person would from
 * their phone. `GET <prefix>/auth/sms/:org[?request=<id>]`.
 */
export function registerSmsHook(app: FastifyInstance, opts: { prefix: string; token: string; sms: SmsOutbox }): void {
  const expected = digest(`Bearer ${opts.token}`);
  app.get<{ Params: { org: string }; Querystring: { request?: string } }>(
    `${opts.prefix}/auth/sms/:org`,
    async (request, reply) => {
      const given = request.headers.authorization;
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        return reply.code(401).send({ error: 'admin token required' });
      }
      const messages = opts.sms
        .list(request.params.org, 50)
        .filter((m) => request.query.request === undefined || m.requestId === request.query.request);
      return {
        messages: messages.map((m) => ({
          request: m.requestId,
          phone: m.phone,
          text: m.text,
          code: m.code,
          sent_at: m.sentAt,
        })),
      };
    },
  );
}
