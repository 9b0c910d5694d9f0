import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { type CheckFailure, fail, isFailure } from '../check-chain/check-failure.ts';
import type { NpWindows } from '../check-chain/np-time-windows.ts';
import {
  type ChainDeps,
  type ChainRoute,
  checkTransport,
  type Passed,
  runCheckChain,
} from '../check-chain/run-check-chain.ts';
import type { ProviderClock } from '../clock/provider-clock.ts';
import type { FaultInjector, FaultPlan } from '../hooks/fault-injection.ts';
import { malform } from '../hooks/malform.ts';
import type { Institution } from '../institutions/institution.ts';
import type { InstitutionBook } from '../ledger/ledger.ts';
import type { TokenVerifier } from '../tokens/token-verifier.ts';
import type { CallHook } from '../support/statistics/engine-call-hook.ts';
import type { CompiledApi } from './compile-api.ts';
import { dispatch } from './dispatch.ts';
import type { ApiListing } from './handle-api-list.ts';
import { institutionRoutes } from './institution-routes.ts';
import type { HandlerDeps } from './read-context.ts';
import { type Answer, envelopeAnswer, failureAnswer, httpStatus } from './respond.ts';

/** One institution as the engine serves it, compiled at start. */
export interface EngineInstitution {
  readonly institution: Institution;
  readonly book: InstitutionBook;
  readonly apis: readonly CompiledApi[];
  readonly verifier: TokenVerifier;
  readonly npWindows: NpWindows;
  readonly listing: ApiListing;
}

export interface EngineRuntime {
  readonly chain: ChainDeps;
  readonly handlers: HandlerDeps;
  readonly clock: ProviderClock;
  /** Present only when test hooks are enabled. */
  readonly faults: FaultInjector | undefined;
  readonly clientCertSerial: (request: FastifyRequest) => string | undefined;
  /** Counts every answered call for the weekly statistics (지원-005), when configured. */
  readonly calls?: CallHook | undefined;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function sendAnswer(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.code(httpStatus(answer.rspCode)).type(JSON_TYPE).send(answer.body);
}

/** 40401 and 40501 pass through the transport checks (certificate, IP) first, like everything else. */
export function routingFailure(runtime: EngineRuntime, request: FastifyRequest, failure: CheckFailure): Answer {
  const transport = checkTransport(runtime.chain, {
    ip: request.ip,
    clientCertSerial: runtime.clientCertSerial(request),
  });
  return failureAnswer(isFailure(transport) ? transport : failure);
}

/**
 * Every institution's information APIs on one fastify app, each under its base path
 * (`/{basePath}/{version}/{industry}{resource}`), plus 40501 for the other methods of each path. POST
 * bodies are taken as text and parsed in the chain (raw-input.ts), so even a broken body is judged in its
 * place; a body the HTTP layer refuses (too large) answers 40001.
 */
export function registerEngineRoutes(
  app: FastifyInstance,
  institutions: readonly EngineInstitution[],
  runtime: EngineRuntime,
): void {
  const hung = new Set<FastifyReply>();
  app.addHook('preClose', async () => {
    for (const reply of hung) reply.raw.destroy();
    hung.clear();
  });

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return sendAnswer(reply, envelopeAnswer('40001', '(body): 요청 본문을 읽을 수 없습니다'));
      }
      request.log.error({ err: error }, 'provider engine failed');
      return sendAnswer(reply, envelopeAnswer('50001'));
    });

    for (const entry of institutions) {
      for (const { url, served, refused } of institutionRoutes(entry.institution.basePath, entry.apis)) {
        for (const [method, api] of served) {
          const route: ChainRoute = {
            institution: entry.institution,
            npWindows: entry.npWindows,
            book: entry.book,
            verifier: entry.verifier,
            api,
          };
          scope.route({
            method,
            url,
            exposeHeadRoute: false,
            handler: (request, reply) => serve(route, api, entry.listing, runtime, hung, request, reply),
          });
        }
        scope.route({
          method: refused,
          url,
          exposeHeadRoute: false,
          handler: async (request, reply) =>
            sendAnswer(
              reply,
              routingFailure(runtime, request, fail('40501', `허용 메소드: ${[...served.keys()].join(', ')}`)),
            ),
        });
      }
    }
  });
}

async function serve(
  route: ChainRoute,
  api: CompiledApi,
  listing: ApiListing,
  runtime: EngineRuntime,
  hung: Set<FastifyReply>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const now = runtime.clock.nowMs();
  const started = performance.now();
  let plan: FaultPlan | undefined;
  if (runtime.faults) {
    plan = runtime.faults.plan(route.institution.orgCode, api.id, now);
    if (plan) {
      if (plan.latencyMs > 0) await sleep(plan.latencyMs);
      if (plan.hang) {
        hung.add(reply);
        reply.raw.once('close', () => hung.delete(reply));
        return new Promise<FastifyReply>(() => {});
      }
      if (plan.answer) return counted(runtime, request, reply, route, now, started, envelopeAnswer(plan.answer));
    }
  }

  const params = request.params as Record<string, string | undefined>;
  let result = runCheckChain(
    route,
    runtime.chain,
    {
      headers: request.headers,
      ip: request.ip,
      clientCertSerial: runtime.clientCertSerial(request),
      version: params['version'] ?? '',
      params,
      query: request.query,
      body: request.body,
      contentType: request.headers['content-type'],
    },
    now,
  );
  if (result instanceof Promise) result = await result;

  let answer: Answer;
  if (isFailure(result)) {
    answer = failureAnswer(result);
  } else {
    try {
      const out = dispatch(api, result, runtime.handlers, listing);
      if (isFailure(out)) {
        result.ticket?.release();
        answer = failureAnswer(out);
      } else answer = out;
    } catch (error) {
      result.ticket?.release();
      request.log.error({ err: error, api: api.id }, 'reading the book failed');
      answer = envelopeAnswer('50001');
    }
  }
  if (plan?.malformed)
    answer = { rspCode: answer.rspCode, body: Buffer.from(malform(answer.body.toString('utf8'), plan.malformed)) };
  return counted(runtime, request, reply, route, now, started, answer, isFailure(result) ? undefined : result);
}

/** Send the answer, counted for the weekly statistics (지원-005) when the engine keeps them. */
function counted(
  runtime: EngineRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
  route: ChainRoute,
  now: number,
  started: number,
  answer: Answer,
  passed?: Passed,
): FastifyReply {
  runtime.calls?.({
    request,
    orgCode: route.institution.orgCode,
    apiId: route.api.id,
    passed,
    rspCode: answer.rspCode,
    nowMs: now,
    elapsedMs: performance.now() - started,
  });
  return sendAnswer(reply, answer);
}
