import { randomBytes } from 'node:crypto';
import { findApi, isApiType, isValidTranId } from '@hannun/spec';
import type { Kysely } from '@hannun/store';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { invalid } from '../shared/operator-error.ts';

/** One API call the operator made (a transmission record): what, where, when, and what came of it. */
export interface TransmissionInput {
  readonly personRef?: string | null;
  readonly consentId?: string | null;
  readonly orgCode: string;
  /** The standard's API ID (은행-004, 개별인증-004, 지원-002). */
  readonly apiId: string;
  /** `x-api-type` for information APIs. */
  readonly apiType?: string | null;
  readonly tranId: string;
  readonly requestedAt: number;
  readonly durationMs: number;
  readonly httpStatus?: number | null;
  readonly rspCode?: string | null;
  readonly rowsReceived: number;
  readonly rowsStored: number;
  /** A short machine reason when it failed: `timeout`, `malformed`, `connection`, `circuit-open`. */
  readonly failure?: string | null;
}

const ORG_CODE = /^[A-Za-z0-9]{10}$/;
const FAILURE = /^[a-z][a-z0-9-]{0,39}$/;

function count(field: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw invalid(field, 'must be a whole number ≥ 0', '0 이상의 정수여야 합니다');
  return n;
}

/** Writes a transmission record; a clear error naming the field for anything malformed (nothing written). */
export async function recordTransmission(db: Kysely<OperatorDatabase>, t: TransmissionInput): Promise<string> {
  if (!ORG_CODE.test(t.orgCode)) throw invalid('orgCode', 'must be an org_code aN(10)', '기관코드 형식 오류');
  if (!findApi(t.apiId)) throw invalid('apiId', 'is not an API of the catalogue', '표준 API ID가 아닙니다');
  if (!isValidTranId(t.tranId)) throw invalid('tranId', 'is not an x-api-tran-id', '거래고유번호 형식 오류');
  if (t.apiType != null && !isApiType(t.apiType)) throw invalid('apiType', 'is not an x-api-type', 'x-api-type 오류');
  if (t.rspCode != null && !/^\d{5}$/.test(t.rspCode))
    throw invalid('rspCode', 'must be 5 digits', '응답코드 형식 오류');
  if (t.failure != null && !FAILURE.test(t.failure)) {
    throw invalid('failure', 'must be a short code (a-z, 0-9, -)', '실패 사유는 짧은 코드여야 합니다');
  }
  const id = randomBytes(12).toString('base64url');
  await db
    .insertInto('op_transmission')
    .values({
      id,
      person_ref: t.personRef ?? null,
      consent_id: t.consentId ?? null,
      org_code: t.orgCode,
      api_id: t.apiId,
      api_type: t.apiType ?? null,
      tran_id: t.tranId,
      requested_at: count('requestedAt', t.requestedAt),
      duration_ms: count('durationMs', t.durationMs),
      http_status: t.httpStatus ?? null,
      rsp_code: t.rspCode ?? null,
      rows_received: count('rowsReceived', t.rowsReceived),
      rows_stored: count('rowsStored', t.rowsStored),
      failure: t.failure ?? null,
    })
    .execute();
  return id;
}

export interface TransmissionRecord extends Required<Omit<TransmissionInput, 'personRef' | 'consentId'>> {
  readonly id: string;
  readonly personRef: string | null;
  readonly consentId: string | null;
}

/** Records in time order between two instants (inclusive from, exclusive to), optionally of one institution. */
export async function transmissions(
  db: Kysely<OperatorDatabase>,
  range: { from: number; to: number; orgCode?: string; personRef?: string },
): Promise<TransmissionRecord[]> {
  let q = db
    .selectFrom('op_transmission')
    .selectAll()
    .where('requested_at', '>=', range.from)
    .where('requested_at', '<', range.to)
    .orderBy('requested_at')
    .orderBy('id');
  if (range.orgCode !== undefined) q = q.where('org_code', '=', range.orgCode);
  if (range.personRef !== undefined) q = q.where('person_ref', '=', range.personRef);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    personRef: r.person_ref,
    consentId: r.consent_id,
    orgCode: r.org_code,
    apiId: r.api_id,
    apiType: r.api_type,
    tranId: r.tran_id,
    requestedAt: Number(r.requested_at),
    durationMs: Number(r.duration_ms),
    httpStatus: r.http_status === null ? null : Number(r.http_status),
    rspCode: r.rsp_code,
    rowsReceived: Number(r.rows_received),
    rowsStored: Number(r.rows_stored),
    failure: r.failure,
  }));
}
