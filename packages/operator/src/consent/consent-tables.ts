/** Tables of consent/ (migration in consent-migration.ts). */
export interface ConsentTables {
  /** Every version of every consent (전송요구): nothing is updated but its status and end fields. */
  op_consent: {
    id: string;
    person_id: string;
    /** 1. the provider (전송요구를 받는 자). */
    org_code: string;
    industry: string;
    /** 1, 2, … per person and provider: a change or an extension is a new version. */
    version: number;
    status: string;
    /** integrated (통합인증) or individual (개별인증). */
    auth_path: string;
    /** 2. the recipient: the operator and its service. */
    rcv_org_code: string;
    client_id: string;
    /** 3. the data: scopes (space-separated) and the assets (sealed: account numbers). */
    scope: string;
    target: string;
    asset_count: number;
    assets_sealed: string;
    /** 4. regular transmission and its cycles. */
    is_scheduled: boolean;
    fnd_cycle: string;
    add_cycle: string;
    /** 5. the end (YYYYMMDD, KST). */
    end_date: string;
    /** 6. the purpose; 7. the retention period. */
    purpose: string;
    period: string;
    /** The v2 sensitive items. */
    is_consent_trans_memo: boolean;
    is_consent_merchant_name_regno: boolean;
    is_consent_trans_category: boolean;
    /** YYYYMMDDhhmmss (KST): when the person consented (the document's consent_date). */
    consent_date: string;
    /** The exact text the person signs (ConsentDocument, canonical JSON), sealed. */
    document_sealed: string;
    /** The CA's signed consent once signed (kept under the same rules as the consent), sealed. */
    signed_sealed: string | null;
    /** new, change or extension: how the version came to be (an extension ends the old one as `extended`). */
    proposal: string;
    /** The version this one replaces (change or extension). */
    supersedes_id: string | null;
    /** Consents proposed together ("connect a whole sector"). */
    batch_id: string | null;
    created_at: number;
    activated_at: number | null;
    ended_at: number | null;
    /** changed, extended, withdrawn, abandoned, expired, inactive. */
    ended_reason: string | null;
  };
  /** What the engine and the app must do after a consent ends (an outbox; survives the person leaving). */
  op_followup: {
    id: string;
    kind: string;
    /** The person it was for (opaque; the row outlives them only for revocations). */
    person_ref: string;
    consent_id: string;
    org_code: string;
    client_id: string;
    /** For revoke-tokens: the token pair, sealed with the operator's KEK (not the person's key). */
    payload_sealed: string | null;
    status: string;
    attempts: number;
    created_at: number;
    done_at: number | null;
  };
}
