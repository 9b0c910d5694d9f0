import { INDUSTRIES, INDUSTRY_LIST, ORG_TYPE_LIST, ORG_TYPES } from '@hannun/spec';
import { orgInputOf, orgJsonOf, orgPatchOf } from '../../admin/admin-json.ts';
import type { PortalOrg } from '../../registry/portal-org.ts';
import type { OrgInput, OrgPatch } from '../../registry/registry-admin.ts';
import type { Bilingual } from '../page-lang.ts';
import { type FormValues, listOf } from './form-values.ts';

/** One control of a registration form. */
export interface FormField {
  /** The registry's wire name (지원-002), also the control's name. */
  readonly name: string;
  readonly label: Bilingual;
  readonly kind: 'text' | 'select' | 'list' | 'checkbox';
  readonly options?: readonly { readonly value: string; readonly label: Bilingual }[];
  readonly required?: boolean;
  readonly hint?: Bilingual;
  /** Set at registration only (org_code, org_type cannot change). */
  readonly fixed?: boolean;
}

const f = (
  name: string,
  ko: string,
  en: string,
  kind: FormField['kind'] = 'text',
  more: Partial<FormField> = {},
): FormField => ({ name, label: { ko, en }, kind, ...more });

const hint = (ko: string, en: string): Bilingual => ({ ko, en });

/** The organisation form, in the order of 지원-002's record. */
export const ORG_FORM: readonly FormField[] = [
  f('org_code', '기관코드', 'Organisation code (org_code)', 'text', {
    fixed: true,
    hint: hint(
      '영문 대문자·숫자 10자리. 비워 두면 종합포털이 발급합니다.',
      '10 upper-case letters or digits; leave it empty and the portal issues one.',
    ),
  }),
  f('org_type', '기관구분', 'Organisation type (org_type)', 'select', {
    fixed: true,
    required: true,
    options: ORG_TYPE_LIST.map((v) => ({
      value: v,
      label: { ko: `${v} ${ORG_TYPES[v].ko}`, en: `${v} ${ORG_TYPES[v].en}` },
    })),
  }),
  f('org_name', '기관명', 'Name (org_name)', 'text', { required: true }),
  f('industry', '업권 (정보제공자)', 'Industry (providers)', 'select', {
    options: INDUSTRY_LIST.map((v) => ({
      value: v,
      label: { ko: `${INDUSTRIES[v].ko} (${v})`, en: `${INDUSTRIES[v].en} (${v})` },
    })),
  }),
  f('org_regno', '사업자등록번호', 'Business registration number (org_regno)', 'text', {
    hint: hint('숫자 10자리', '10 digits'),
  }),
  f('corp_regno', '법인등록번호', 'Corporate registration number (corp_regno)', 'text', {
    hint: hint('숫자 13자리', '13 digits'),
  }),
  f('serial_num', '인증서 SERIALNUMBER', 'Certificate serialNumber (serial_num)', 'text', {
    hint: hint(
      '상호 TLS 인증서 주체의 serialNumber (보통 사업자등록번호)',
      'The subject serialNumber of its mutual-TLS certificate (usually the registration number)',
    ),
  }),
  f('is_rcv_org', '정보수신자', 'Information recipient (is_rcv_org)', 'checkbox'),
  f('address', '주소', 'Address', 'text'),
  f('domain', '도메인 (API 주소)', 'Domain (API base URL)', 'text'),
  f('domain_ip_list', 'API 서버 공인 IP', 'API server public IPs (domain_ip_list)', 'list', {
    hint: hint('한 줄에 하나씩, IP 또는 IP:PORT', 'one per line, IP or IP:PORT'),
  }),
  f('relay_org_code', '중계기관 기관코드', 'Relay org_code (relay_org_code)', 'text'),
  f('auth_type', '인증방식 (정보제공자)', 'Authentication (providers, auth_type)', 'select', {
    options: [
      { value: '01', label: { ko: '01 통합인증만', en: '01 integrated only' } },
      { value: '03', label: { ko: '03 개별인증과 통합인증', en: '03 individual and integrated' } },
    ],
  }),
  f('cert_issuer_dn', '인증서 발급자 DN (05)', 'Certificate issuer DN (05)', 'text'),
  f('cert_oid', '인증서 정책 OID (05)', 'Certificate policy OIDs (05)', 'text', {
    hint: hint("여러 개는 '_'로 잇습니다", "join several with '_'"),
  }),
  f('ca_code', '인증기관 코드 (05, 06)', 'CA code (05, 06)', 'text'),
  f('cp_code', '본인확인 이용기관 코드 (02)', 'Identity-check code (02, cp_code)', 'text'),
  f('server_cert_issuer_dn', '서버 인증서 발급자 DN', 'Server certificate issuer DN', 'text'),
  f('server_cert_subject_dn', '서버 인증서 주체 DN', 'Server certificate subject DN', 'text'),
  f('ip_list', '접속 IP 목록', 'Client IPs (ip_list)', 'list', {
    hint: hint('이 기관의 호출이 나오는 IP, 한 줄에 하나씩', 'where its calls come from, one per line'),
  }),
  f('np_time_list', '정기적 전송 가능 시간대 (정보제공자)', 'Non-peak windows (providers, np_time_list)', 'list', {
    hint: hint(
      'hhmm:hhmm, 30분 단위, 최대 3개, 합계 6시간 이상 (예: 0000:0700)',
      'hhmm:hhmm on the half hour, at most 3, together at least 6 hours (e.g. 0000:0700)',
    ),
  }),
];

export const ORG_FIELD_NAMES = ORG_FORM.map((x) => x.name);

/** An organisation's record as form text. */
export function orgFormValues(org: PortalOrg): Record<string, string> {
  const json = orgJsonOf(org);
  const out: Record<string, string> = {};
  for (const field of ORG_FORM) {
    const v = json[field.name];
    if (Array.isArray(v)) out[field.name] = v.join('\n');
    else if (typeof v === 'boolean') out[field.name] = v ? 'true' : '';
    else if (typeof v === 'string') out[field.name] = v;
  }
  return out;
}

/** The form as the admin API's JSON: text trimmed, lists split into lines, the checkbox a boolean. */
function formJson(values: FormValues, blank: 'omit' | 'null', skip: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ORG_FORM) {
    if (skip.has(field.name)) continue;
    const raw = values[field.name];
    if (field.kind === 'checkbox') out[field.name] = raw === 'true';
    else if (field.kind === 'list') out[field.name] = listOf(raw);
    else {
      const text = (raw ?? '').trim();
      if (text !== '') out[field.name] = text;
      else if (blank === 'null') out[field.name] = null;
    }
  }
  return out;
}

/**
 * A registration from the form, checked the way the admin API checks it (org_type and org_name required);
 * the registry's own rules apply when it is registered. Throws RegistryInputError naming the field.
 */
export function orgInputFromForm(values: FormValues): OrgInput {
  return orgInputOf(formJson(values, 'omit', new Set()));
}

/** A change from the edit form: every field but org_code and org_type; an emptied field is cleared. */
export function orgPatchFromForm(values: FormValues): OrgPatch {
  return orgPatchOf(formJson(values, 'null', new Set(['org_code', 'org_type'])));
}
