import { type ApiSpec, type ApiType, decodeHeaders, isApiType, WireError } from '@hannun/spec';
import { type CheckFailure, fail } from './check-failure.ts';
import type { TranIdLedger } from './tran-id-ledger.ts';

export interface CheckedHeaders {
  readonly tranId: string;
  /** Absent x-api-type reads as an irregular call by the person (see `apiTypeOf`). */
  readonly apiType: ApiType | undefined;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/** The standard's form of x-api-tran-id (tran-id.ts in the spec): org_code, generator, 14 characters. */
const TRAN_ID = /^[A-Z0-9]{10}[MSRCPA][A-Z0-9]{14}$/;

/**
 * The headers this step owns: all of the API's headers but `authorization`, which the token step checks
 * (a request without a token answers 40101, as RFC 6750 has it, not 40002).
 */
export function headersOwnedHere(api: Pick<ApiSpec, 'headers'>): Pick<ApiSpec, 'headers'> {
  return {
    headers: {
      required: api.headers.required.filter((h) => h !== 'authorization'),
      optional: api.headers.optional.filter((h) => h !== 'authorization'),
    },
  };
}

/**
 * Step 3, 40002: x-api-tran-id present and of the standard's form, x-api-type one of the four values, and
 * the tran id not seen before today at this institution.
 */
export function checkHeaders(
  spec: Pick<ApiSpec, 'headers'>,
  headers: HeaderBag,
  orgCode: string,
  tranIds: TranIdLedger,
  now: number,
): CheckedHeaders | CheckFailure {
  let tranId: string | undefined;
  let apiType: ApiType | undefined;
  const givenTranId = headers['x-api-tran-id'];
  const givenApiType = headers['x-api-type'];
  if (
    typeof givenTranId === 'string' &&
    TRAN_ID.test(givenTranId) &&
    (givenApiType === undefined || (typeof givenApiType === 'string' && isApiType(givenApiType)))
  ) {
    // The common case, decided without decodeHeaders' allocations: exactly what it would accept.
    tranId = givenTranId;
    apiType = givenApiType;
  } else {
    try {
      ({ tranId, apiType } = decodeHeaders(spec, headers));
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      return fail('40002', error.messageKo, error.message);
    }
  }
  if (tranId === undefined) return fail('40002', 'x-api-tran-id: 필수 헤더입니다', 'x-api-tran-id missing');
  if (!tranIds.record(orgCode, tranId, now)) {
    return fail('40002', 'x-api-tran-id: 오늘 이미 사용된 거래고유번호입니다', 'duplicate x-api-tran-id today');
  }
  return { tranId, apiType };
}
