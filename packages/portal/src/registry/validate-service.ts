import { utf8Length } from '@hannun/spec';
import type { PortalService } from './portal-org.ts';
import { RegistryInputError } from './registry-input-error.ts';

/** At most this many callback URLs per service (지원-003 redirect_uri_cnt). */
export const MAX_REDIRECT_URIS = 4;

const refuse = (field: string, en: string, ko: string) => new RegistryInputError(field, en, ko);

/**
 * Check one service record on its own: a name of at most AH(30), at most 4 absolute http(s) callback URLs of
 * at most 100 characters, app schemes `scheme://…` of at most 100. Throws naming the wire field at fault.
 */
export function validateService(service: Pick<PortalService, 'name' | 'redirectUris' | 'appSchemes'>): void {
  if (service.name.length === 0) throw refuse('service_name', 'must not be empty', '비어 있을 수 없습니다');
  if (utf8Length(service.name) > 30) {
    throw refuse(
      'service_name',
      `is ${utf8Length(service.name)} UTF-8 bytes, at most 30 allowed (10 Hangul syllables)`,
      '최대 30바이트(한글 10자)까지 허용됩니다',
    );
  }
  if (service.redirectUris.length > MAX_REDIRECT_URIS) {
    throw refuse(
      'redirect_uri_list',
      `has ${service.redirectUris.length} callback URLs, at most ${MAX_REDIRECT_URIS} allowed`,
      `Callback URL은 최대 ${MAX_REDIRECT_URIS}개까지 등록할 수 있습니다`,
    );
  }
  service.redirectUris.forEach((uri, i) => {
    const field = `redirect_uri_list[${i}].redirect_uri`;
    let ok = uri.length <= 100 && /^https?:\/\/[\x21-\x7e]+$/.test(uri);
    if (ok) {
      try {
        ok = new URL(uri).hash === '';
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      throw refuse(
        field,
        `'${uri}' must be an absolute http(s) URL without a fragment, at most 100 characters`,
        '100자 이내의 절대 URL(http, https)이어야 합니다',
      );
    }
  });
  if (new Set(service.redirectUris).size !== service.redirectUris.length) {
    throw refuse('redirect_uri_list', 'lists a callback URL twice', '같은 Callback URL이 두 번 있습니다');
  }
  service.appSchemes.forEach((scheme, i) => {
    if (scheme.length > 100 || !/^[a-z][a-z0-9+.-]*:\/\/[\x21-\x7e]*$/.test(scheme)) {
      throw refuse(
        `app_scheme_list[${i}].app_scheme`,
        `'${scheme}' must be an app URL scheme such as hannun://mydata, at most 100 characters`,
        '100자 이내의 앱 스킴(예: hannun://mydata)이어야 합니다',
      );
    }
  });
}
