import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { decodeValue, isRspCode, WireError } from '@hannun/spec';
import type { Temporal } from 'temporal-polyfill';
import { epochMsOfKst, kstTimestamp } from '../clock/kst.ts';
import { isManualClock } from '../clock/manual-clock.ts';
import type { ProviderClock } from '../clock/provider-clock.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import type { Institution } from '../institutions/institution.ts';
import type { InstitutionBook } from '../ledger/ledger.ts';
import { customerView } from './customer-view.ts';
import type { FaultInjector, InstitutionFaults } from './fault-injection.ts';

export interface AdminInstitution {
  readonly institution: Institution;
  readonly book: InstitutionBook;
  readonly apis: readonly CompiledApi[];
}

export interface AdminOptions {
  /** Where the admin routes live, apart from every institution's base path, e.g. `/_test`. */
  readonly prefix: string;
  /** The bearer token every admin call must present. */
  readonly token: string;
  readonly faults: FaultInjector;
  readonly clock: ProviderClock;
  readonly institutions: ReadonlyMap<string, AdminInstitution>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The test hooks' admin routes, only registered when the config enables them, each call presenting the
 * configured token: set and clear an institution's faults, set or advance a manual clock, and the
 * read-only view of a customer's data (POST, so the CI never sits in a URL or an access log).
 */
export function registerAdminRoutes(app: FastifyInstance, opts: AdminOptions): void {
  const expected = digest(`Bearer ${opts.token}`);
  const authorised = (request: FastifyRequest) => {
    const given = request.headers.authorization;
    return typeof given === 'string' && timingSafeEqual(digest(given), expected);
  };
  const refuse = (reply: FastifyReply, status: number, message: string) =>
    reply.code(status).type('application/json; charset=utf-8').send({ error: message });

  void app.register(
    async (admin) => {
      admin.addHook('onRequest', async (request, reply) => {
        if (!authorised(request)) return refuse(reply, 401, 'admin token required');
        return undefined;
      });

      admin.get('/faults', async () => opts.faults.all());

      admin.put<{ Params: { org: string }; Body: InstitutionFaults }>('/faults/:org', async (request, reply) => {
        if (!opts.institutions.has(request.params.org)) return refuse(reply, 404, 'no such institution');
        const body = request.body as InstitutionFaults | undefined;
        if (!body || typeof body !== 'object') return refuse(reply, 400, 'a JSON object of faults is required');
        if (body.rspCode !== undefined && !isRspCode(body.rspCode))
          return refuse(reply, 400, 'rspCode is not an rsp_code');
        try {
          opts.faults.set(request.params.org, body);
        } catch (error) {
          return refuse(reply, 400, (error as Error).message);
        }
        return opts.faults.get(request.params.org);
      });

      admin.delete<{ Params: { org: string } }>('/faults/:org', async (request) => {
        opts.faults.clear(request.params.org);
        return { cleared: request.params.org };
      });

      admin.post<{ Body: { set?: string; advance_ms?: number } }>('/clock', async (request, reply) => {
        const { clock } = opts;
        if (!isManualClock(clock)) return refuse(reply, 409, 'the engine runs on the real clock');
        const body = request.body ?? {};
        try {
          if (body.set !== undefined) {
            const at = decodeValue({ kind: 'DTIME' }, body.set, { field: 'set', location: 'body' });
            clock.set(epochMsOfKst(at as Temporal.PlainDateTime));
          }
          if (body.advance_ms !== undefined) clock.advance(Number(body.advance_ms));
        } catch (error) {
          return refuse(reply, 400, error instanceof WireError ? error.message : (error as Error).message);
        }
        return { now: String(kstTimestamp(clock.nowMs())) };
      });

      admin.post<{
        Body: { org_code?: string; ci?: string; from_date?: string; to_date?: string; charge_month?: string };
      }>('/view', async (request, reply) => {
        const body = request.body ?? {};
        const entry = typeof body.org_code === 'string' ? opts.institutions.get(body.org_code) : undefined;
        if (!entry) return refuse(reply, 404, 'no such institution');
        if (typeof body.ci !== 'string' || body.ci === '') return refuse(reply, 400, 'ci is required');
        let range: { from?: Temporal.PlainDate; to?: Temporal.PlainDate; chargeMonth?: Temporal.PlainYearMonth } = {};
        try {
          const at = (field: string, v: string | undefined) =>
            v === undefined
              ? undefined
              : (decodeValue({ kind: 'DATE' }, v, { field, location: 'body' }) as Temporal.PlainDate);
          range = {
            from: at('from_date', body.from_date),
            to: at('to_date', body.to_date),
            chargeMonth:
              body.charge_month === undefined
                ? undefined
                : (decodeValue({ kind: 'MONTH' }, body.charge_month, {
                    field: 'charge_month',
                    location: 'body',
                  }) as Temporal.PlainYearMonth),
          };
        } catch (error) {
          return refuse(reply, 400, (error as Error).message);
        }
        const view = customerView({
          ...entry,
          ci: body.ci,
          now: opts.clock.nowMs(),
          range: Object.fromEntries(Object.entries(range).filter(([, v]) => v !== undefined)),
        });
        if (!view) return refuse(reply, 404, 'no such customer at this institution');
        return view;
      });
    },
    { prefix: opts.prefix },
  );
}
