import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import type { RegisteredOrg } from '@hannun/registry';
import {
  type ApiSpec,
  apiById,
  type decodeMessage,
  encodeMessage,
  type OrgType,
  SIGN_REQUEST_BODY,
  SIGN_REQUEST_RESPONSE,
  SIGN_RESULT_BODY,
  SIGN_RESULT_RESPONSE,
  SIGN_VERIFICATION_BODY,
  SIGN_VERIFICATION_RESPONSE,
  type Shape,
} from '@hannun/spec';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, fail, isFailure } from '../service/ca-failure.ts';
import { sendFailure, sendOk } from './answer.ts';
import { authoriseCall, type TransportPolicy } from './authorise-call.ts';
import { handleTokenRequest } from './issue-token.ts';
import { readJsonBody } from './read-json-body.ts';
import { openSignRequest } from './sign-request.ts';
import { readSignResult } from './sign-result.ts';
import { verifySignature } from './sign-verification.ts';
import { decodeBody as decode } from './decode-body.ts';

const OPERATORS: readonly OrgType[] = ['03'];
const PROVIDERS: readonly OrgType[] = ['01', '02'];

/** One 통합인증-102…104 route: authorise, read and decode the body, run the step, answer. */
function route<S extends Shape, R>(
  app: FastifyInstance,
  ctx: CaContext,
  policy: TransportPolicy,
  api: ApiSpec,
  callers: readonly OrgType[],
  shape: S,
  step: (caller: RegisteredOrg, body: ReturnType<typeof decodeMessage<S>>) => Promise<R | CaFailure>,
  answer: (result: R) => Record<string, unknown>,
): void {
  app.post(api.resource, async (request: FastifyRequest, reply: FastifyReply) => {
    const refused = (failure: CaFailure) => {
      request.log.warn({ api: api.id, rspCode: failure.rspCode, reason: failure.reason }, 'CA call refused');
      return sendFailure(reply, failure);
    };
    const caller = await authoriseCall(ctx, policy, api, request, callers);
    if (isFailure(caller)) return refused(caller);
    const raw = readJsonBody(request);
    if (isFailure(raw)) return refused(raw);
    const body = decode(shape, raw);
    if (isFailure(body)) return refused(body);
    const result = await step(caller.org, body);
    if (isFailure(result)) return refused(result);
    return sendOk(reply, answer(result));
  });
}

/** 통합인증-101…104 on the API service. */
export function registerApiRoutes(app: FastifyInstance, ctx: CaContext, policy: TransportPolicy): void {
  // Bodies are taken as text and parsed by the route, so a malformed one is answered in its place (40001).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) =>
    done(null, body),
  );

  const token = apiById('통합인증-101');
  app.post(token.resource, (request, reply) => handleTokenRequest(ctx, policy, request, reply));

  route(
    app,
    ctx,
    policy,
    apiById('통합인증-102'),
    OPERATORS,
    SIGN_REQUEST_BODY,
    (operator, body) => openSignRequest(ctx, operator, body),
    (r) => encodeMessage(SIGN_REQUEST_RESPONSE, { cert_tx_id: r.certTxId }),
  );
  route(
    app,
    ctx,
    policy,
    apiById('통합인증-103'),
    OPERATORS,
    SIGN_RESULT_BODY,
    (operator, body) => readSignResult(ctx, operator, body),
    (r) => encodeMessage(SIGN_RESULT_RESPONSE, r),
  );
  route(
    app,
    ctx,
    policy,
    apiById('통합인증-104'),
    PROVIDERS,
    SIGN_VERIFICATION_BODY,
    (provider, body) => verifySignature(ctx, provider, body),
    (r) => encodeMessage(SIGN_VERIFICATION_RESPONSE, r),
  );
}

/** Unknown API paths: 40401 in the standard's envelope. */
export function apiNotFound(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendFailure(reply, fail('40401'));
}
