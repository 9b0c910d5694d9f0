import { createHash, timingSafeEqual } from 'node:crypto';
import { createService, type FastifyReply, type FastifyRequest, type Logger, type Service } from '@hannun/infra';
import {
  isRegistryInputError,
  RegistryConflictError,
  RegistryInputError,
  RegistryNotFoundError,
} from '../registry/registry-input-error.ts';
import type { RegistryAdmin } from '../registry/registry-admin.ts';
import type { AdminAccounts } from '../admins/admin-accounts.ts';
import type { ResendOutcome, ResendRequest } from '../statistics/ask-resend.ts';
import type { RegistryRepository } from '../store/registry-repository.ts';
import type { StatisticsKind, StatisticsRepository } from '../store/statistics-repository.ts';
import type { StatusRepository } from '../store/status-repository.ts';
import {
  credentialJson,
  orgInputOf,
  orgJsonOf,
  orgPatchOf,
  serviceInputOf,
  serviceJsonOf,
  servicePatchOf,
} from './admin-json.ts';

export interface AdminApiOptions {
  readonly admin: RegistryAdmin;
  readonly registry: RegistryRepository;
  readonly statuses: StatusRepository;
  readonly statistics: StatisticsRepository;
  /** Every call presents `Authorization: Bearer <token>` (kept in the data directory, 0600). */
  readonly adminToken: string;
  readonly logger: Logger;
  /** 지원-104 (POST /admin/statistics/resend); answers 404 without it. */
  readonly resend?: (request: ResendRequest) => Promise<ResendOutcome>;
  /** Called after every registry change (the portal service uses it to refresh what it serves). */
  readonly onChange?: () => void;
  readonly serviceName?: string;
  /** The pages' administrator accounts (GET/POST /admin/admins, DELETE /admin/admins/:login); 404 without. */
  readonly accounts?: AdminAccounts;
  readonly nowMs?: () => number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** 400 with the field at fault; 404 for an unknown org_code or client_id; 409 for what conflicts with others. */
function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (isRegistryInputError(error)) {
    const status = error instanceof RegistryConflictError ? 409 : error instanceof RegistryNotFoundError ? 404 : 400;
    return reply.code(status).send({
      error: status === 409 ? 'conflict' : status === 404 ? 'not_found' : 'invalid_input',
      field: error.field,
      message: error.message,
      message_ko: error.messageKo,
    });
  }
  throw error;
}

/**
 * The portal's administration API, for `hannun portal …`: plain HTTP meant for loopback only, every call
 * with the admin token. Onboarding (POST /admin/orgs, /admin/services) answers the issued credentials once;
 * they are never shown again (only hashes are kept).
 *
 * GET/POST /admin/orgs, GET/PATCH/DELETE /admin/orgs/:org_code, POST /admin/orgs/:org_code/credentials,
 * GET/POST /admin/services, PATCH/DELETE /admin/services/:client_id, POST /admin/services/:client_id/secret,
 * GET /admin/status (지원-102 as polled), GET /admin/statistics?kind=mydata|provider, POST /admin/statistics/resend
 * ({ org_code, inquiry_date, type }: 지원-104 at that organisation; 200 accepted, 502 with why it was not).
 */
export function createAdminApi(opts: AdminApiOptions): Service {
  const api = createService({
    name: opts.serviceName ?? 'portal-admin',
    version: '0.1.0',
    logger: opts.logger,
    metrics: false,
  });
  const expected = digest(`Bearer ${opts.adminToken}`);
  api.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/admin')) return undefined;
    const given = request.headers.authorization;
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      return reply
        .code(401)
        .send({ error: 'unauthorized', message: 'the admin token is required (Authorization: Bearer …)' });
    }
    return undefined;
  });
  const changed = () => opts.onChange?.();
  const handle =
    <P>(fn: (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
      try {
        return await fn(request, reply);
      } catch (error) {
        return sendError(reply, error);
      }
    };
  type Org = { org_code: string };
  type Svc = { client_id: string };

  api.get('/admin/orgs', async () => ({ org_list: (await opts.registry.orgs()).map((o) => orgJsonOf(o.org)) }));
  api.get<{ Params: Org }>('/admin/orgs/:org_code', async (request, reply) => {
    const found = await opts.registry.org(request.params.org_code);
    if (!found) return reply.code(404).send({ error: 'not_found', field: 'org_code', message: 'no such organisation' });
    return orgJsonOf(found.org);
  });
  api.post(
    '/admin/orgs',
    handle(async (request, reply) => {
      const onboarded = await opts.admin.onboardOrg(orgInputOf(request.body));
      changed();
      request.log.info({ org: onboarded.org.orgCode, type: onboarded.org.orgType }, 'organisation onboarded');
      return reply.code(201).send({
        org: orgJsonOf(onboarded.org),
        credentials: credentialJson(onboarded.credential),
        portal_credentials: credentialJson(onboarded.portalCredential),
      });
    }),
  );
  api.patch<{ Params: Org }>(
    '/admin/orgs/:org_code',
    handle<Org>(async (request) => {
      const { org, change } = await opts.admin.updateOrg(request.params.org_code, orgPatchOf(request.body));
      if (change) changed();
      return { org: orgJsonOf(org), changed: change !== undefined };
    }),
  );
  api.delete<{ Params: Org }>(
    '/admin/orgs/:org_code',
    handle<Org>(async (request) => {
      await opts.admin.removeOrg(request.params.org_code);
      changed();
      request.log.info({ org: request.params.org_code }, 'organisation removed');
      return { removed: request.params.org_code };
    }),
  );
  api.post<{ Params: Org }>(
    '/admin/orgs/:org_code/credentials',
    handle<Org>(async (request) => ({
      credentials: credentialJson(await opts.admin.reissueOrgCredential(request.params.org_code)),
    })),
  );

  api.get('/admin/services', async () => ({ service_list: (await opts.registry.services()).map(serviceJsonOf) }));
  api.post(
    '/admin/services',
    handle(async (request, reply) => {
      const added = await opts.admin.addService(serviceInputOf(request.body));
      changed();
      return reply
        .code(201)
        .send({ service: serviceJsonOf(added.service), credentials: credentialJson(added.credential) });
    }),
  );
  api.patch<{ Params: Svc }>(
    '/admin/services/:client_id',
    handle<Svc>(async (request) => {
      const { service, change } = await opts.admin.updateService(
        request.params.client_id,
        servicePatchOf(request.body),
      );
      if (change) changed();
      return { service: serviceJsonOf(service), changed: change !== undefined };
    }),
  );
  api.delete<{ Params: Svc }>(
    '/admin/services/:client_id',
    handle<Svc>(async (request) => {
      await opts.admin.removeService(request.params.client_id);
      changed();
      return { removed: request.params.client_id };
    }),
  );
  api.post<{ Params: Svc }>(
    '/admin/services/:client_id/secret',
    handle<Svc>(async (request) => {
      const credential = await opts.admin.reissueServiceSecret(request.params.client_id);
      changed();
      return { credentials: credentialJson(credential) };
    }),
  );

  // The pages' administrators: made here with the token (the first one, and by scripts); passwords never shown.
  const accounts = opts.accounts;
  if (accounts) {
    api.get('/admin/admins', async () => ({
      admin_list: (await accounts.list()).map((a) => ({
        login: a.login,
        created_at: new Date(a.createdMs).toISOString(),
        ...(a.lastLoginMs !== null ? { last_login_at: new Date(a.lastLoginMs).toISOString() } : {}),
        ...(a.lockedUntilMs !== null ? { locked_until: new Date(a.lockedUntilMs).toISOString() } : {}),
      })),
    }));
    api.post(
      '/admin/admins',
      handle(async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const a = await accounts.add(body.login, body.password, (opts.nowMs ?? Date.now)());
        request.log.info({ admin: a.login }, 'administrator account created');
        return reply.code(201).send({ login: a.login, created_at: new Date(a.createdMs).toISOString() });
      }),
    );
    api.delete<{ Params: { login: string } }>('/admin/admins/:login', async (request, reply) => {
      if (!(await accounts.remove(request.params.login))) {
        return reply.code(404).send({ error: 'not_found', field: 'login', message: 'login: no such administrator' });
      }
      request.log.info({ admin: request.params.login }, 'administrator account removed');
      return { removed: true };
    });
  }

  api.get('/admin/status', async () => ({
    status_list: (await opts.statuses.all()).map((s) => ({
      org_code: s.orgCode,
      availability: s.availability,
      ...(s.detail !== undefined ? { detail: s.detail } : {}),
      checked_at: new Date(s.checkedMs).toISOString(),
      since: new Date(s.sinceMs).toISOString(),
    })),
  }));
  api.get<{ Querystring: { kind?: string } }>('/admin/statistics', async (request, reply) => {
    const kind = request.query.kind ?? 'mydata';
    if (kind !== 'mydata' && kind !== 'provider') {
      return reply
        .code(400)
        .send({ error: 'invalid_input', field: 'kind', message: 'kind: must be mydata or provider' });
    }
    return {
      statistics_list: (await opts.statistics.list(kind as StatisticsKind)).map((s) => ({
        sender_org_code: s.senderOrgCode,
        subject: s.subject,
        inquiry_date: s.inquiryDate,
        type: s.type,
        received_at: new Date(s.receivedMs).toISOString(),
      })),
    };
  });
  api.post(
    '/admin/statistics/resend',
    handle(async (request, reply) => {
      if (!opts.resend) return reply.code(404).send({ error: 'not_found', message: 'no 지원-104 client' });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const field = (name: string) => {
        const v = body[name];
        if (typeof v !== 'string') throw new RegistryInputError(name, 'is required (a string)', '필수 항목입니다');
        return v;
      };
      const type = body.type === undefined ? '0' : field('type');
      if (type !== '0' && type !== '1' && type !== '2') {
        throw new RegistryInputError('type', 'must be 0, 1 or 2', '0, 1, 2 중 하나여야 합니다');
      }
      const outcome = await opts.resend({ orgCode: field('org_code'), inquiryDate: field('inquiry_date'), type });
      request.log.info({ api: '지원-104', org: body.org_code, accepted: outcome.ok }, 'statistics resend asked');
      return outcome.ok ? { accepted: true } : reply.code(502).send({ error: 'not_accepted', message: outcome.reason });
    }),
  );
  return api;
}
