import { isIP } from 'node:net';
import { isIndustry, ORG_TYPE_LIST, type OrgType, utf8Length } from '@hannun/spec';
import { validateNpTimes } from './np-time.ts';
import type { PortalOrg } from './portal-org.ts';
import { RegistryInputError } from './registry-input-error.ts';

/** org_code: aN(10); Hannun requires upper-case letters and digits, since it starts every x-api-tran-id. */
export const ORG_CODE = /^[A-Z0-9]{10}$/;

const PROVIDER_TYPES: readonly OrgType[] = ['01', '02'];
const CA_TYPES: readonly OrgType[] = ['05', '06'];
/** Types that connect directly with a certificate of their own, so must register its serialNumber. */
const SERIAL_REQUIRED: readonly OrgType[] = ['01', '03', '04', '06', '07'];
/** Printable characters (aNS): what a certificate serialNumber, a DN or a URI may hold. */
const PRINTABLE = /^[\x21-\x7e]+$/;
const PRINTABLE_WITH_SPACE = /^[\x20-\x7e]+$/;

const refuse = (field: string, en: string, ko: string) => new RegistryInputError(field, en, ko);

function checkOrgCode(value: string, field: string): void {
  if (!ORG_CODE.test(value)) {
    throw refuse(
      field,
      `'${value}' must be 10 upper-case letters or digits (e.g. BKNURI0001)`,
      `'${value}'은(는) 영문 대문자·숫자 10자리여야 합니다 (예: BKNURI0001)`,
    );
  }
}

function checkLength(value: string, field: string, max: number, kind: 'bytes' | 'chars'): void {
  const length = kind === 'bytes' ? utf8Length(value) : value.length;
  if (value.length === 0) throw refuse(field, 'must not be empty', '비어 있을 수 없습니다');
  if (length > max) {
    throw refuse(
      field,
      `is ${length} ${kind === 'bytes' ? 'UTF-8 bytes' : 'characters'}, at most ${max} allowed`,
      `최대 ${max}${kind === 'bytes' ? '바이트(한글 1자 = 3바이트)' : '자'}까지 허용됩니다`,
    );
  }
}

function checkDigits(value: string, field: string, digits: number): void {
  if (!new RegExp(`^[0-9]{${digits}}$`).test(value)) {
    throw refuse(field, `'${value}' must be ${digits} digits`, `숫자 ${digits}자리여야 합니다`);
  }
}

function checkPrintable(value: string, field: string, max: number, spaces = false): void {
  checkLength(value, field, max, 'chars');
  if (!(spaces ? PRINTABLE_WITH_SPACE : PRINTABLE).test(value)) {
    throw refuse(field, 'must be printable ASCII (letters, digits, symbols)', '영문·숫자·특수기호만 쓸 수 있습니다');
  }
}

/** An IP as ip_list holds it: IPv4 (or a short IPv6 such as ::1), at most 15 characters (aNS(15)). */
function checkIp(value: string, field: string): void {
  if (isIP(value) === 0 || value.length > 15) {
    throw refuse(
      field,
      `'${value}' is not an IP address of at most 15 characters`,
      `'${value}'은(는) 15자 이내의 IP 주소가 아닙니다`,
    );
  }
}

/** domain_ip: an IP, optionally with :port (aNS(21)). */
function checkDomainIp(value: string, field: string): void {
  const m = /^(.+?)(?::([0-9]{1,5}))?$/.exec(value);
  const ip = m?.[1] ?? '';
  const port = m?.[2] === undefined ? undefined : Number(m[2]);
  if (isIP(value) === 6 && value.length <= 21) return;
  if (isIP(ip) !== 4 || value.length > 21 || (port !== undefined && (port < 1 || port > 65535))) {
    throw refuse(
      field,
      `'${value}' must be an IPv4 address, optionally with :port`,
      'IP 또는 IP:PORT 형식이어야 합니다',
    );
  }
}

/** domain: a base URL (http/https) or a host name, at most 256 characters. */
function checkDomain(value: string, field: string): void {
  checkPrintable(value, field, 256);
  if (/^https?:\/\//.test(value)) {
    try {
      new URL(value);
      return;
    } catch {
      // falls through to the refusal
    }
  } else if (
    /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$/.test(value)
  ) {
    return;
  }
  throw refuse(field, `'${value}' is neither an http(s) URL nor a host name`, 'URL 또는 도메인명이어야 합니다');
}

function onlyFor(org: Partial<PortalOrg>, field: string, value: unknown, types: readonly OrgType[], ko: string): void {
  const present = Array.isArray(value) ? value.length > 0 : value !== undefined;
  if (present && org.orgType !== undefined && !types.includes(org.orgType)) {
    throw refuse(field, `is only registered for org_type ${types.join('/')}`, `${ko} 기관만 등록합니다`);
  }
}

/**
 * Check one organisation record on its own (format, lengths, which fields each org_type carries, np_time).
 * What depends on other registrations (duplicate serials, the relay exists) is the repository's check.
 * Throws a RegistryInputError naming the wire field at fault.
 */
export function validateOrg(org: PortalOrg): void {
  checkOrgCode(org.orgCode, 'org_code');
  if (!ORG_TYPE_LIST.includes(org.orgType)) {
    throw refuse(
      'org_type',
      `'${String(org.orgType)}' is not one of ${ORG_TYPE_LIST.join(', ')}`,
      '기관구분 코드가 아닙니다',
    );
  }
  checkLength(org.name, 'org_name', 150, 'bytes');
  if (org.orgRegno !== undefined) checkDigits(org.orgRegno, 'org_regno', 10);
  if (org.corpRegno !== undefined) checkDigits(org.corpRegno, 'corp_regno', 13);
  if (org.serialNum !== undefined) checkPrintable(org.serialNum, 'serial_num', 64);
  else if (SERIAL_REQUIRED.includes(org.orgType)) {
    throw refuse(
      'serial_num',
      `is required for org_type ${org.orgType}: the subject serialNumber of its TLS certificate`,
      'TLS 인증서의 SERIALNUMBER를 등록해야 합니다',
    );
  }
  if (org.address !== undefined) checkLength(org.address, 'address', 300, 'bytes');
  if (org.domain !== undefined) checkDomain(org.domain, 'domain');
  for (const [i, ip] of org.domainIps.entries()) checkDomainIp(ip, `domain_ip_list[${i}].domain_ip`);
  for (const [i, ip] of org.ips.entries()) checkIp(ip, `ip_list[${i}].ip`);
  if (new Set(org.ips).size !== org.ips.length)
    throw refuse('ip_list', 'lists an IP twice', '같은 IP가 두 번 있습니다');
  if (org.relayOrgCode !== undefined) {
    checkOrgCode(org.relayOrgCode, 'relay_org_code');
    if (org.relayOrgCode === org.orgCode) {
      throw refuse('relay_org_code', 'names the organisation itself', '자기 자신을 중계기관으로 등록할 수 없습니다');
    }
  }
  if (org.orgType === '02' && org.relayOrgCode === undefined) {
    throw refuse('relay_org_code', 'is required for a provider using a relay (02)', '중계기관 이용기관은 필수입니다');
  }

  const providers = '정보제공자(01, 02)';
  onlyFor(org, 'industry', org.industry, PROVIDER_TYPES, providers);
  if (PROVIDER_TYPES.includes(org.orgType)) {
    if (org.industry === undefined || !isIndustry(org.industry)) {
      throw refuse('industry', `a provider needs its industry (bank, card, …)`, '정보제공자는 업권이 필요합니다');
    }
    validateNpTimes(org.npTimes);
  }
  onlyFor(org, 'np_time_list', org.npTimes, PROVIDER_TYPES, providers);
  onlyFor(org, 'auth_type', org.authType, PROVIDER_TYPES, providers);
  if (org.authType !== undefined && org.authType !== '01' && org.authType !== '03') {
    throw refuse('auth_type', `'${String(org.authType)}' must be 01 or 03`, '01 또는 03이어야 합니다');
  }
  onlyFor(org, 'cert_issuer_dn', org.certIssuerDn, ['05'], '인증서 본인확인기관(05)');
  onlyFor(org, 'cert_oid', org.certOid, ['05'], '인증서 본인확인기관(05)');
  if (org.certIssuerDn !== undefined) checkPrintable(org.certIssuerDn, 'cert_issuer_dn', 256, true);
  if (org.certOid !== undefined && !/^[0-9]+(\.[0-9]+)*(_[0-9]+(\.[0-9]+)*)*$/.test(org.certOid)) {
    throw refuse('cert_oid', 'must be OIDs joined with _ (1.2.410.200005.1.1.1_…)', "OID를 '_'로 이어야 합니다");
  }
  onlyFor(org, 'ca_code', org.caCode, CA_TYPES, '통합인증기관(05, 06)');
  if (org.caCode !== undefined && !/^[A-Za-z0-9]{1,20}$/.test(org.caCode)) {
    throw refuse('ca_code', 'must be 1 to 20 letters or digits', '영문·숫자 20자 이내여야 합니다');
  }
  onlyFor(org, 'cp_code', org.cpCode, ['02'], '중계기관 이용 정보제공자(02)');
  if (org.cpCode !== undefined) checkPrintable(org.cpCode, 'cp_code', 20);
  onlyFor(org, 'server_cert_issuer_dn', org.serverCertIssuerDn, ['01', '04'], '정보제공자(01)와 중계기관(04)');
  onlyFor(org, 'server_cert_subject_dn', org.serverCertSubjectDn, ['01', '04'], '정보제공자(01)와 중계기관(04)');
  if (org.serverCertIssuerDn !== undefined) checkPrintable(org.serverCertIssuerDn, 'server_cert_issuer_dn', 256, true);
  if (org.serverCertSubjectDn !== undefined) {
    checkPrintable(org.serverCertSubjectDn, 'server_cert_subject_dn', 256, true);
  }
}
