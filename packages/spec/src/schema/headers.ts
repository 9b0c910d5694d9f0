import { type ApiType, isApiType } from '../api-type.ts';
import type { ApiSpec, HeaderName } from '../catalogue/api-spec.ts';
import { isValidTranId } from '../tran-id.ts';
import { decodeValue } from '../wire/codecs.ts';
import { WireError } from '../wire/wire-error.ts';
import { aNS, AN, B64 } from '../wire/wire-type.ts';

/** The standard's request headers, parsed. */
export interface RequestHeaders {
  /** The bearer token (without the `Bearer ` prefix). */
  readonly accessToken?: string;
  readonly tranId?: string;
  readonly apiType?: ApiType;
  readonly userCi?: string;
}

type HeaderBag = Record<string, string | string[] | undefined>;

function headerError(field: HeaderName, en: string, ko: string, rule: WireError['rule'] = 'format'): WireError {
  return new WireError({ field, rule, location: 'header', en, ko });
}

function single(headers: HeaderBag, name: HeaderName): string | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()];
  if (Array.isArray(v)) {
    if (v.length > 1) throw headerError(name, 'is sent more than once', '중복 전송되었습니다');
    return v[0];
  }
  return v;
}

function parseOne(name: HeaderName, raw: string): Partial<RequestHeaders> {
  const ctx = { field: name, location: 'header' as const };
  switch (name) {
    case 'authorization': {
      const m = /^Bearer ([^\s]+)$/.exec(raw);
      if (!m) throw headerError(name, "must be 'Bearer <access_token>'", "'Bearer <접근토큰>' 형식이어야 합니다");
      return { accessToken: decodeValue(aNS(1500), m[1]!, ctx) };
    }
    case 'x-api-tran-id': {
      decodeValue(AN(25), raw, ctx);
      if (!isValidTranId(raw)) {
        throw headerError(
          name,
          'must be 25 characters: org_code (10) + M/S/R/C/P + 14 upper-case letters or digits',
          '기관코드(10)+생성주체구분코드(1)+부여번호(14) 형식이어야 합니다',
        );
      }
      return { tranId: raw };
    }
    case 'x-api-type':
      if (!isApiType(raw))
        throw headerError(
          name,
          'must be scheduled, user-consent, user-refresh or user-search',
          'scheduled, user-consent, user-refresh, user-search 중 하나여야 합니다',
          'enum',
        );
      return { apiType: raw };
    case 'x-user-ci':
      return { userCi: decodeValue(B64(100), raw, ctx) };
  }
}

/**
 * Parse and check the headers an API requires or accepts. A missing required header or a malformed one
 * is a WireError with rsp_code 40002 naming the header. (Duplicate tran ids are the provider's check.)
 */
export function decodeHeaders(api: Pick<ApiSpec, 'headers'>, headers: HeaderBag): RequestHeaders {
  let out: RequestHeaders = {};
  for (const name of [...api.headers.required, ...api.headers.optional]) {
    const raw = single(headers, name);
    if (raw === undefined || raw === '') {
      if (api.headers.required.includes(name)) throw headerError(name, 'is required', '필수 헤더입니다', 'required');
      continue;
    }
    out = { ...out, ...parseOne(name, raw) };
  }
  return out;
}
