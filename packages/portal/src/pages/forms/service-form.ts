import { serviceInputOf, servicePatchOf } from '../../admin/admin-json.ts';
import type { PortalService } from '../../registry/portal-org.ts';
import type { ServiceInput, ServicePatch } from '../../registry/registry-admin.ts';
import type { FormField } from './org-form.ts';
import { type FormValues, listOf } from './form-values.ts';

/** The service form (지원-003's record); its organisation is chosen among operators and recipients. */
export const SERVICE_FORM: readonly FormField[] = [
  { name: 'org_code', label: { ko: '기관', en: 'Organisation' }, kind: 'select', required: true, fixed: true },
  {
    name: 'service_name',
    label: { ko: '서비스명', en: 'Service name' },
    kind: 'text',
    required: true,
    hint: { ko: '한글 10자(30바이트) 이내', en: 'at most 30 UTF-8 bytes (10 Hangul syllables)' },
  },
  {
    name: 'redirect_uri_list',
    label: { ko: 'Callback URL', en: 'Callback URLs' },
    kind: 'list',
    hint: { ko: '한 줄에 하나씩, 최대 4개', en: 'one per line, at most 4' },
  },
  {
    name: 'app_scheme_list',
    label: { ko: '앱 URL 스킴', en: 'App schemes' },
    kind: 'list',
    hint: { ko: '예: hannun://mydata', en: 'e.g. hannun://mydata' },
  },
];

export const SERVICE_FIELD_NAMES = SERVICE_FORM.map((x) => x.name);

export function serviceFormValues(service: PortalService): Record<string, string> {
  return {
    org_code: service.orgCode,
    service_name: service.name,
    redirect_uri_list: service.redirectUris.join('\n'),
    app_scheme_list: service.appSchemes.join('\n'),
  };
}

export function serviceInputFromForm(values: FormValues): ServiceInput {
  const orgCode = (values.org_code ?? '').trim();
  const name = (values.service_name ?? '').trim();
  return serviceInputOf({
    ...(orgCode ? { org_code: orgCode } : {}),
    ...(name ? { service_name: name } : {}),
    redirect_uri_list: listOf(values.redirect_uri_list),
    app_scheme_list: listOf(values.app_scheme_list),
  });
}

export function servicePatchFromForm(values: FormValues): ServicePatch {
  return servicePatchOf({
    service_name: (values.service_name ?? '').trim(),
    redirect_uri_list: listOf(values.redirect_uri_list),
    app_scheme_list: listOf(values.app_scheme_list),
  });
}
