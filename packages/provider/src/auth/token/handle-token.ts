import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import type { WireObject } from '@hannun/spec';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { endpointPrelude, type Prelude } from '../endpoint-prelude.ts';
import { isOAuthFailure, noStore, type OAuthFailure, oauthFail, sendOAuthFailure } from '../oauth-failure.ts';
import { codeGrant } from './code-grant.ts';
import { passwordGrant } from './password-grant.ts';
import { refreshGrant } from './refresh-grant.ts';

type Grant = (deps: AuthDeps, inst: AuthInstitution, pre: Prelude) => Promise<WireObject | OAuthFailure>;

/** The grant types of `POST <base>/oauth/2.0/token` and the API each is (the catalogue's discriminators). */
const GRANTS: Readonly<Record<string, Grant>> = {
  authorization_code: codeGrant, // 개별인증-002
  refresh_token: refreshGrant, // 개별인증-003
  password: passwordGrant, // 통합인증-002
};

/** One token endpoint for three APIs, chosen by grant_type; any other is `unsupported_grant_type`. */
export async function handleToken(
  deps: AuthDeps,
  inst: AuthInstitution,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const pre = endpointPrelude(deps, request);
  const answer = isOAuthFailure(pre) ? pre : await grantOf(pre)(deps, inst, pre);
  if (isOAuthFailure(answer)) {
    request.log.info(
      {
        org: inst.institution.orgCode,
        grantType: isOAuthFailure(pre) ? undefined : pre.fields['grant_type'],
        error: answer.error,
        reason: answer.reason,
      },
      'token request refused',
    );
    return sendOAuthFailure(reply, answer);
  }
  return noStore(reply).code(200).type('application/json; charset=utf-8').send(answer);
}

function grantOf(pre: Prelude): Grant {
  const type = pre.fields['grant_type'];
  if (type === undefined || type === '') {
    return async () => oauthFail('invalid_request', 'grant_type: 필수 항목입니다', 'grant_type is missing');
  }
  return (
    (Object.hasOwn(GRANTS, type) ? GRANTS[type] : undefined) ??
    (async () =>
      oauthFail('unsupported_grant_type', 'grant_type: 지원하지 않는 권한부여 방식', 'unsupported grant_type'))
  );
}
