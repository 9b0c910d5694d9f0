/** Tables of records/ (migration in records-migration.ts). Nothing here is personal: see redact-for-audit.ts. */
export interface RecordsTables {
  /** One row per API call the operator made (transmission record, notes §4.4 Records). */
  op_transmission: {
    id: string;
    /** The person the call was for (an opaque id; meaningless once they left), or null for support APIs. */
    person_ref: string | null;
    consent_id: string | null;
    org_code: string;
    api_id: string;
    api_type: string | null;
    tran_id: string;
    requested_at: number;
    duration_ms: number;
    http_status: number | null;
    rsp_code: string | null;
    rows_received: number;
    rows_stored: number;
    /** A short machine reason when the call failed (`timeout`, `malformed`), never a message with data. */
    failure: string | null;
  };
  /** The append-only, hash-chained audit log. */
  op_audit: {
    seq: number;
    at: number;
    actor: string;
    action: string;
    subject: string | null;
    /** JSON, redacted before it is written. */
    details: string;
    prev_hash: string;
    hash: string;
  };
  /** `head`: the last entry (seq, hash); `base`: where the chain starts after retention pruning. */
  op_audit_anchor: {
    name: string;
    seq: number;
    hash: string;
  };
}
