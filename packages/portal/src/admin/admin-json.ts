import type { PortalOrg, PortalService } from '../registry/portal-org.ts';
import type { OrgInput, OrgPatch, ServiceInput, ServicePatch } from '../registry/registry-admin.ts';
import { RegistryInputError } from '../registry/registry-input-error.ts';

/**
 * The admin API speaks the registry's wire names (지원-002/003), with plain JSON values: lists are arrays of
 * strings (`ip_list: ["127.0.0.1"]`), is_rcv_org a boolean. This table maps them to the portal's record.
 */
const ORG_FIELDS = {
  org_code: 'orgCode',
  org_type: 'orgType',
  industry: 'industry',
  org_name: 'name',
  org_regno: 'orgRegno',
  corp_regno: 'corpRegno',
  serial_num: 'serialNum',
  is_rcv_org: 'isRcvOrg',
  address: 'address',
  domain: 'domain',
  domain_ip_list: 'domainIps',
  relay_org_code: 'relayOrgCode',
  auth_type: 'authType',
  cert_issuer_dn: 'certIssuerDn',
  cert_oid: 'certOid',
  ca_code: 'caCode',
  cp_code: 'cpCode',
  server_cert_issuer_dn: 'serverCertIssuerDn',
  server_cert_subject_dn: 'serverCertSubjectDn',
  ip_list: 'ips',
  np_time_list: 'npTimes',
} as const satisfies Record<string, keyof PortalOrg>;

type WireName = keyof typeof ORG_FIELDS;
const LISTS = new Set<WireName>(['domain_ip_list', 'ip_list', 'np_time_list']);

const refuse = (field: string, en: string, ko: string) => new RegistryInputError(field, en, ko);

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw refuse('(body)', 'must be a JSON object', 'JSON 객체여야 합니다');
  }
  return body as Record<string, unknown>;
}

/** One value of an org field: a string, a list of strings, a boolean; null clears it (patches only). */
function orgValue(name: WireName, value: unknown, allowNull: boolean): unknown {
  if (value === null && allowNull) return null;
  if (LISTS.has(name)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw refuse(name, 'must be a list of strings', '문자열 목록이어야 합니다');
    }
    return value;
  }
  if (name === 'is_rcv_org') {
    if (typeof value !== 'boolean') throw refuse(name, 'must be true or false', 'true 또는 false여야 합니다');
    return value;
  }
  if (typeof value !== 'string') throw refuse(name, 'must be a string', '문자열이어야 합니다');
  return value;
}

function orgFields(body: unknown, allowNull: boolean, fixed: readonly WireName[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(asObject(body))) {
    if (!Object.hasOwn(ORG_FIELDS, key)) {
      throw refuse(key, `is not a registry field (${Object.keys(ORG_FIELDS).join(', ')})`, '등록 항목이 아닙니다');
    }
    const name = key as WireName;
    if (fixed.includes(name)) throw refuse(name, 'cannot be changed', '바꿀 수 없습니다');
    if (value === undefined) continue;
    out[ORG_FIELDS[name]] = orgValue(name, value, allowNull);
  }
  return out;
}

/** A registration from the admin API (org_type and org_name required; org_code issued when absent). */
export function orgInputOf(body: unknown): OrgInput {
  const fields = orgFields(body, false, []);
  if (fields.orgType === undefined) throw refuse('org_type', 'is required', '필수 항목입니다');
  if (fields.name === undefined) throw refuse('org_name', 'is required', '필수 항목입니다');
  return fields as unknown as OrgInput;
}

/** A change from the admin API: any field but org_code and org_type; null clears an optional field. */
export function orgPatchOf(body: unknown): OrgPatch {
  return orgFields(body, true, ['org_code', 'org_type']) as OrgPatch;
}

/** An organisation in the admin API's form. */
export function orgJsonOf(org: PortalOrg): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [wire, field] of Object.entries(ORG_FIELDS)) {
    const value = org[field];
    if (value !== undefined) out[wire] = value;
  }
  return out;
}

function strings(body: Record<string, unknown>, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) {
    throw refuse(name, 'must be a list of strings', '문자열 목록이어야 합니다');
  }
  return v as string[];
}

function text(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw refuse(name, 'must be a string', '문자열이어야 합니다');
  return v;
}

const SERVICE_KEYS = new Set(['org_code', 'service_name', 'redirect_uri_list', 'app_scheme_list']);

function serviceFields(body: unknown, allowed: ReadonlySet<string>): Record<string, unknown> {
  const o = asObject(body);
  for (const key of Object.keys(o)) {
    if (!allowed.has(key))
      throw refuse(key, `is not a service field (${[...allowed].join(', ')})`, '서비스 항목이 아닙니다');
  }
  return o;
}

export function serviceInputOf(body: unknown): ServiceInput {
  const o = serviceFields(body, SERVICE_KEYS);
  const orgCode = text(o, 'org_code');
  const name = text(o, 'service_name');
  if (orgCode === undefined) throw refuse('org_code', 'is required', '필수 항목입니다');
  if (name === undefined) throw refuse('service_name', 'is required', '필수 항목입니다');
  const redirectUris = strings(o, 'redirect_uri_list');
  const appSchemes = strings(o, 'app_scheme_list');
  return {
    orgCode,
    name,
    ...(redirectUris ? { redirectUris } : {}),
    ...(appSchemes ? { appSchemes } : {}),
  };
}

export function servicePatchOf(body: unknown): ServicePatch {
  const o = serviceFields(body, new Set(['service_name', 'redirect_uri_list', 'app_scheme_list']));
  const name = text(o, 'service_name');
  const redirectUris = strings(o, 'redirect_uri_list');
  const appSchemes = strings(o, 'app_scheme_list');
  return {
    ...(name !== undefined ? { name } : {}),
    ...(redirectUris ? { redirectUris } : {}),
    ...(appSchemes ? { appSchemes } : {}),
  };
}

/** A service in the admin API's form: never the secret or its hash. */
export function serviceJsonOf(s: PortalService): Record<string, unknown> {
  return {
    client_id: s.clientId,
    org_code: s.orgCode,
    service_name: s.name,
    redirect_uri_list: s.redirectUris,
    app_scheme_list: s.appSchemes,
  };
}

/** A credential handed out once: client_id and client_secret. */
export const credentialJson = (c: { clientId: string; clientSecret: string }) => ({
  client_id: c.clientId,
  client_secret: c.clientSecret,
});
