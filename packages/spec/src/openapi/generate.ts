import type { ApiSpec, HeaderName, ServiceRole } from '../catalogue/api-spec.ts';
import { apiPath, apisProvidedBy } from '../catalogue/index.ts';
import { API_TYPE_LIST } from '../api-type.ts';
import { INDUSTRIES, type Industry } from '../industries.ts';
import { RSP_CODES } from '../rsp-codes.ts';
import { OAUTH_ERRORS } from '../oauth-errors.ts';
import type { ApiVersion } from '../version.ts';
import { aNS, AN, B64 } from '../wire/wire-type.ts';
import { type JsonSchema, shapeSchema, wireTypeSchema } from './json-schema.ts';

/** An OpenAPI 3.1 document as plain JSON. */
export type OpenApiDocument = { openapi: '3.1.0' } & Record<string, unknown>;

/** The services that get an OpenAPI document. */
export const OPENAPI_ROLES: readonly ServiceRole[] = ['provider', 'ca', 'portal', 'operator'];

const ROLE_TITLES: Record<ServiceRole, { ko: string; en: string }> = {
  provider: { ko: '정보제공자', en: 'Information provider' },
  ca: { ko: '통합인증기관', en: 'Integrated-authentication CA' },
  portal: { ko: '마이데이터 종합포털', en: 'MyData portal' },
  operator: { ko: '마이데이터사업자', en: 'MyData operator' },
};

const HEADER_SCHEMAS: Record<HeaderName, { schema: JsonSchema; description: string }> = {
  authorization: { schema: wireTypeSchema(aNS(1500)), description: '접근토큰 (Bearer <access_token>)' },
  'x-api-tran-id': {
    schema: { ...wireTypeSchema(AN(25)), minLength: 25 },
    description: '거래고유번호: org_code(10) + 생성주체구분코드(M/S/R/C/P) + 부여번호(14); echoed on the response',
  },
  'x-api-type': {
    schema: { type: 'string', enum: [...API_TYPE_LIST] },
    description: 'API 유형: scheduled (정기적 전송), user-consent, user-refresh, user-search',
  },
  'x-user-ci': { schema: wireTypeSchema(B64(100)), description: '정보주체 CI (연계정보), 개별인증-001 only' },
};

const ENVELOPE: JsonSchema = {
  type: 'object',
  properties: {
    rsp_code: { type: 'string', enum: Object.keys(RSP_CODES), description: '세부 응답코드' },
    rsp_msg: { type: 'string', maxLength: 450, 'x-max-bytes': 450, description: '세부 응답메시지' },
  },
  required: ['rsp_code', 'rsp_msg'],
};

const OAUTH_ERROR: JsonSchema = {
  type: 'object',
  properties: {
    error: { type: 'string', enum: Object.keys(OAUTH_ERRORS) },
    error_description: { type: 'string' },
    state: { type: 'string' },
    api_tran_id: { type: 'string' },
  },
  required: ['error'],
};

function withEnvelope(body: JsonSchema): JsonSchema {
  return { allOf: [{ $ref: '#/components/schemas/RspEnvelope' }, body] };
}

function operationFor(api: ApiSpec, industry: Industry | undefined): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [];
  for (const h of api.headers.required)
    parameters.push({ name: h, in: 'header', required: true, ...HEADER_SCHEMAS[h] });
  for (const h of api.headers.optional)
    parameters.push({ name: h, in: 'header', required: false, ...HEADER_SCHEMAS[h] });
  for (const node of api.request.path ?? []) {
    const props = shapeSchema([node])['properties'] as Record<string, JsonSchema>;
    parameters.push({ name: node.name, in: 'path', required: true, schema: props[node.name] });
  }
  const requestSchema = shapeSchema(api.request.shape);
  if (api.request.location === 'query') {
    const props = requestSchema['properties'] as Record<string, JsonSchema>;
    const required = new Set((requestSchema['required'] as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props))
      parameters.push({ name, in: 'query', required: required.has(name), schema });
  }
  const success = api.errorStyle === 'rsp_code' ? withEnvelope(shapeSchema(api.response)) : shapeSchema(api.response);
  const errorRef =
    api.errorStyle === 'rsp_code' ? '#/components/schemas/RspEnvelope' : '#/components/schemas/OAuthError';
  const op: Record<string, unknown> = {
    operationId: `${api.code}${industry ? `_${industry}` : ''}`,
    summary: `${api.id} ${api.name.ko}`,
    description: `${api.name.en}.${api.provisional ? ' Field list provisional: the standard’s own table is not public.' : ''}${api.notes ? `\n\n${api.notes}` : ''}`,
    tags: [industry ? `${industry} (${INDUSTRIES[industry].ko})` : api.group],
    parameters,
    responses: {
      '200': { description: '정상처리 (success)', content: { 'application/json': { schema: success } } },
      default: { description: '오류 (error)', content: { 'application/json': { schema: { $ref: errorRef } } } },
    },
    'x-mydata-id': api.id,
    'x-mydata-api-code': api.code,
    'x-mydata-scope': industry && api.scope && typeof api.scope === 'object' ? api.scope[industry] : api.scope,
    'x-mydata-cycle': api.cycle,
    'x-mydata-date-rule': api.dateRule,
    'x-mydata-paginated': api.paginated,
    'x-mydata-timestamp': api.timestamp,
    'x-mydata-provisional': api.provisional,
  };
  if (api.headers.required.includes('authorization')) op['security'] = [{ bearer: [] }];
  if (api.request.location !== 'query') {
    const mediaType = api.request.location === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
    op['requestBody'] = { required: true, content: { [mediaType]: { schema: requestSchema } } };
  }
  return op;
}

/**
 * Several APIs share one endpoint (개별인증-002/003 and 통합인증-002 on /oauth/2.0/token): OpenAPI allows one
 * operation per method and path, so they merge into one whose body is a oneOf keyed by the discriminator.
 */
function mergeOperations(ops: { api: ApiSpec; op: Record<string, unknown> }[]): Record<string, unknown> {
  if (ops.length === 1) return ops[0]!.op;
  const first = ops[0]!;
  const bodies = ops.map(
    ({ op }) => (op['requestBody'] as { content: Record<string, { schema: JsonSchema }> } | undefined)?.content,
  );
  const mediaType = Object.keys(bodies[0] ?? { 'application/x-www-form-urlencoded': {} })[0]!;
  const field = first.api.discriminator?.field;
  return {
    ...first.op,
    operationId: ops.map(({ op }) => op['operationId']).join('_'),
    summary: ops.map(({ api }) => `${api.id} ${api.name.ko}`).join(' / '),
    description: ops
      .map(
        ({ api }) =>
          `${api.id}: ${api.name.en}${api.discriminator ? ` (${api.discriminator.field}=${api.discriminator.value})` : ''}`,
      )
      .join('\n'),
    requestBody: {
      required: true,
      content: {
        [mediaType]: {
          schema: {
            oneOf: bodies.map((b) => b?.[mediaType]?.schema ?? {}),
            ...(field ? { discriminator: { propertyName: field } } : {}),
          },
        },
      },
    },
    responses: {
      '200': {
        description: '정상처리 (success)',
        content: {
          'application/json': {
            schema: {
              oneOf: ops.map(
                ({ op }) =>
                  (op['responses'] as Record<string, { content: Record<string, { schema: JsonSchema }> }>)['200']!
                    .content['application/json']!.schema,
              ),
            },
          },
        },
      },
      default: (first.op['responses'] as Record<string, unknown>)['default'],
    },
    'x-mydata-id': ops.map(({ api }) => api.id),
    'x-mydata-api-code': ops.map(({ api }) => api.code),
  };
}

/** Generate the OpenAPI 3.1 document of every API a service of this role serves. */
export function generateOpenApi(role: ServiceRole, opts: { version?: ApiVersion } = {}): OpenApiDocument {
  const version = opts.version ?? 'v2';
  const byPath = new Map<string, Map<string, { api: ApiSpec; op: Record<string, unknown> }[]>>();
  for (const api of apisProvidedBy(role)) {
    const industries: (Industry | undefined)[] = api.group === 'info' ? [...api.industries] : [undefined];
    for (const industry of industries) {
      const path = apiPath(api, industry ? { version, industry } : { version });
      const method = api.method.toLowerCase();
      const methods = byPath.get(path) ?? new Map();
      const list = methods.get(method) ?? [];
      list.push({ api, op: operationFor(api, industry) });
      methods.set(method, list);
      byPath.set(path, methods);
    }
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const path of [...byPath.keys()].sort()) {
    const methods = byPath.get(path)!;
    paths[path] = Object.fromEntries([...methods].map(([m, ops]) => [m, mergeOperations(ops)]));
  }
  const title = ROLE_TITLES[role];
  return {
    openapi: '3.1.0',
    info: {
      title: `Hannun ${title.en} (${title.ko}) — 금융분야 마이데이터 표준API`,
      version,
      description:
        `The APIs a ${title.en.toLowerCase()} serves under the Korean financial MyData standard, generated from the ` +
        '@hannun/spec catalogue. Every JSON value travels as a string; `x-mydata-type` gives the standard’s data type ' +
        '(AH counts UTF-8 bytes: see `x-max-bytes`). Entries marked `x-mydata-provisional` follow public notes where ' +
        'the standard’s own field tables are not public.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      {
        url: '{base}',
        variables: {
          base: {
            default: 'https://localhost',
            description: 'The institution’s registered base path (지원-002 domain)',
          },
        },
      },
    ],
    paths,
    components: {
      schemas: { RspEnvelope: ENVELOPE, OAuthError: OAUTH_ERROR },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWS' } },
    },
  };
}
