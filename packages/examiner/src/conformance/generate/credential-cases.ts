import { apiById, apiPath, OAUTH_ERRORS } from '@hannun/spec';
import type { ConformanceCase, Exchange, FormValue, ProbeRequest, SetupStep } from '../case-types.ts';
import { type Discovery, usualProbe } from '../discovery.ts';
import type { ConformanceTarget, TokenSet } from '../target.ts';
import { bodyOf } from '../run/http-client.ts';

type Target = Pick<ConformanceTarget, 'orgCode' | 'industry' | 'operatorOrgCode' | 'label'> & {
  readonly tokens?: Pick<TokenSet, 'client' | 'refresh'>;
};

const REFRESH = apiById('개별인증-003');
const REVOKE = apiById('개별인증-004');
const TOKEN_PATH = apiPath(REFRESH, { version: 'v2' });
const REVOKE_PATH = apiPath(REVOKE, { version: 'v2' });
const UNKNOWN_CLIENT = 'examinerunknownclient0000000000000000000000000000';
/** Well-formed (aN(50)), but not the secret. */
const WRONG_SECRET = 'examinerwrongsecret0000000000000000000000000000000';
const NOT_A_REFRESH_TOKEN = 'examiner-not-a-refresh-token-0000000000';

const client = { client_id: { credential: 'client-id' }, client_secret: { credential: 'client-secret' } } as const;

function formProbe(path: string, form: Readonly<Record<string, FormValue>>): ProbeRequest {
  return { method: 'POST', path, fields: {}, form, token: { kind: 'none' }, tranId: { kind: 'fresh' } };
}

/** The access token a setup step's 개별인증-003 answer carries. */
function issuedBy(setup: readonly Exchange[], step: number): string {
  const exchange = setup[step];
  const token = exchange ? bodyOf(exchange)['access_token'] : undefined;
  return typeof token === 'string' ? token : '';
}

const refuse = (error: keyof typeof OAUTH_ERRORS) => ({
  rspCodes: [],
  oauth: { status: OAUTH_ERRORS[error].http, error },
});

/** A successful 개별인증-003 answer (규격 §5.1.3): Bearer, an access token, its lifetime in seconds. */
function grantProblems(answers: readonly Exchange[]): string[] {
  const body = bodyOf(answers[0]!);
  const problems: string[] = [];
  if (String(body['token_type'] ?? '').toLowerCase() !== 'bearer') problems.push('token_type is not Bearer');
  if (typeof body['access_token'] !== 'string' || body['access_token'] === '') problems.push('no access_token');
  if (typeof body['expires_in'] !== 'string' && typeof body['expires_in'] !== 'number') problems.push('no expires_in');
  else if (!/^[0-9]{1,9}$/.test(String(body['expires_in'])))
    problems.push(`expires_in is not N(9): ${String(body['expires_in'])}`);
  return problems;
}

/**
 * 개별인증-003 and 개별인증-004 with the operator's client credentials (`--client-id`, `--client-secret`) and a
 * refresh token of a pair the cases may use up (`--refresh-token`): a good refresh; a wrong secret, an unknown
 * client_id (invalid_client); a refresh token the provider never issued (invalid_grant); then a revocation,
 * the revoked access token replayed on an information API (40101), and the revoked refresh token replayed
 * (invalid_grant). They run last and in order (`serial`): each changes the pair. Without the credentials they
 * are reported as skipped.
 */
export function credentialCases(target: Target, discovery: Discovery): ConformanceCase[] {
  const name = target.label ? `${target.orgCode}/${target.label}` : target.orgCode;
  const skip = !target.tokens?.client
    ? 'no client credentials were given (--client-id, --client-secret)'
    : !target.tokens.refresh
      ? 'no refresh token was given (--refresh-token)'
      : undefined;
  const refreshForm = (over: Readonly<Record<string, FormValue>> = {}) =>
    formProbe(TOKEN_PATH, {
      org_code: target.orgCode,
      grant_type: 'refresh_token',
      refresh_token: { credential: 'refresh-token' },
      ...client,
      ...over,
    });
  const list =
    discovery.apis.find((a) => a.assetKeys.length === 0 && a.paginated) ??
    discovery.apis.find((a) => a.assetKeys.length === 0);
  const refreshStep: SetupStep = { request: refreshForm(), accept: [], acceptStatus: 200 };
  const make = (
    apiId: string,
    code: string,
    title: string,
    c: Omit<ConformanceCase, 'id' | 'orgCode' | 'industry' | 'apiId' | 'category' | 'title' | 'serial'>,
  ): ConformanceCase => ({
    id: `${name} ${apiId} ${code}`,
    orgCode: target.orgCode,
    industry: target.industry,
    apiId,
    category: 'credentials',
    title,
    serial: true,
    ...c,
    ...(skip && !c.skip ? { skip } : {}),
  });
  return [
    make(REFRESH.id, 'CRD-01', 'refresh with the operator’s credentials: a new access token (Bearer, expires_in)', {
      negative: false,
      expect: { rspCodes: [], oauth: { status: 200 } },
      probe: refreshForm(),
      check: grantProblems,
    }),
    make(REFRESH.id, 'CRD-02', 'refresh with a wrong client_secret answers invalid_client', {
      negative: true,
      expect: refuse('invalid_client'),
      probe: refreshForm({ client_secret: WRONG_SECRET }),
    }),
    make(REFRESH.id, 'CRD-03', 'refresh with a client_id no one registered answers invalid_client', {
      negative: true,
      expect: refuse('invalid_client'),
      probe: refreshForm({ client_id: UNKNOWN_CLIENT }),
    }),
    make(REFRESH.id, 'CRD-04', 'refresh with a refresh token the provider never issued answers invalid_grant', {
      negative: true,
      expect: refuse('invalid_grant'),
      probe: refreshForm({ refresh_token: NOT_A_REFRESH_TOKEN }),
    }),
    make(REVOKE.id, 'CRD-05', 'revoke with a client_id no one registered answers invalid_client', {
      negative: true,
      expect: refuse('invalid_client'),
      probe: formProbe(REVOKE_PATH, {
        org_code: target.orgCode,
        token: { credential: 'refresh-token' },
        token_type_hint: 'refresh_token',
        ...client,
        client_id: UNKNOWN_CLIENT,
      }),
    }),
    make(REVOKE.id, 'CRD-06', 'revoke an access token (00000), then replay it on an information API: 40101', {
      negative: true,
      expect: { rspCodes: ['40101'] },
      setup: [
        refreshStep,
        {
          request: (before) =>
            formProbe(REVOKE_PATH, {
              org_code: target.orgCode,
              token: { issued: issuedBy(before, 0) },
              token_type_hint: 'access_token',
              ...client,
            }),
          accept: ['00000'],
        },
      ],
      probe: (setup) => ({
        ...usualProbe(list!, target, discovery.today),
        token: { kind: 'issued', token: issuedBy(setup, 0) },
      }),
      ...(list ? {} : { skip: 'no information API without an asset to replay the token on' }),
    }),
    make(REFRESH.id, 'CRD-07', 'replay the refresh token after the revocation: invalid_grant (both tokens end)', {
      negative: true,
      expect: refuse('invalid_grant'),
      probe: refreshForm(),
    }),
  ];
}
