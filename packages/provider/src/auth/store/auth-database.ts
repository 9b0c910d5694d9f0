/**
 * Authentication's tables at the provider (migrations in auth-migrations.ts). Times are epoch milliseconds;
 * lists and nested values are JSON text. Table names start with `provider_` (SQLite has one namespace).
 * `sealed_*` columns hold AES-256-GCM text under the provider's storage key, bound to table, column and row
 * key (ColumnSealer of @hannun/pki; row keys in auth-sealed-migration.ts); `ci_index` is the CI's blind index
 * (set on every row since 0002).
 */
export interface AuthDatabase {
  provider_consent: {
    id: string;
    org_code: string;
    sealed_ci: string;
    ci_index: string | null;
    recipient_org_code: string;
    client_id: string;
    /** JSON: string[] */
    scopes: string;
    /** Sealed JSON: { listApi, key }[] (account numbers) */
    sealed_assets: string;
    is_scheduled: boolean;
    fnd_cycle: string;
    add_cycle: string;
    /** YYYY-MM-DD */
    end_date: string;
    purpose: string;
    period: string;
    /** JSON: { transMemo, merchantNameRegno, transCategory } */
    flags: string;
    auth: string | null;
    /** Sealed JSON: ConsentSignature (the signed consent) */
    sealed_signature: string | null;
    created_at: number;
    revoked_at: number | null;
  };
  provider_token_pair: {
    id: string;
    org_code: string;
    client_id: string;
    sealed_ci: string;
    ci_index: string | null;
    consent_id: string;
    auth: string;
    grant_ref: string;
    access_jti: string;
    refresh_jti: string;
    issued_at: number;
    access_expires_at: number;
    refresh_expires_at: number;
    revoked_at: number | null;
    revoked_why: string | null;
  };
  provider_auth_code: {
    code_hash: string;
    org_code: string;
    client_id: string;
    redirect_uri: string;
    sealed_ci: string;
    consent_id: string;
    issued_at: number;
    expires_at: number;
    used_at: number | null;
  };
  provider_cert_tx: {
    org_code: string;
    /** 'cert' (a cert_tx_id) or 'tx' (a tx_id). */
    kind: string;
    value: string;
    claimed_at: number;
  };
  provider_login: {
    org_code: string;
    login_id: string;
    sealed_ci: string;
    password_hash: string;
    /** The mobile number the one-time code goes to, sealed (row: org_code, login_id). Since 0003. */
    sealed_phone: string;
    failures: number;
    locked_until: number | null;
  };
  provider_auth_request: {
    id: string;
    org_code: string;
    /** Sealed JSON: the whole AuthRequest, which holds the CI (short-lived; read and written whole). */
    sealed_body: string;
    expires_at: number;
  };
  provider_revoked_jti: {
    org_code: string;
    jti: string;
    revoked_at: number;
  };
}
