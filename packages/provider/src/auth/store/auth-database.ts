/**
 * Authentication's tables at the provider (migrations in auth-migrations.ts). Times are epoch milliseconds;
 * lists and nested values are JSON text. Table names start with `provider_` (SQLite has one namespace).
 */
export interface AuthDatabase {
  provider_consent: {
    id: string;
    org_code: string;
    ci: string;
    recipient_org_code: string;
    client_id: string;
    /** JSON: string[] */
    scopes: string;
    /** JSON: { listApi, key }[] */
    assets: string;
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
    /** JSON: ConsentSignature */
    signature: string | null;
    created_at: number;
    revoked_at: number | null;
  };
  provider_token_pair: {
    id: string;
    org_code: string;
    client_id: string;
    ci: string;
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
    ci: string;
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
    ci: string;
    password_hash: string;
    phone: string;
    failures: number;
    locked_until: number | null;
  };
  provider_auth_request: {
    id: string;
    org_code: string;
    /** JSON: the whole AuthRequest (short-lived; read and written whole). */
    body: string;
    expires_at: number;
  };
  provider_revoked_jti: {
    org_code: string;
    jti: string;
    revoked_at: number;
  };
}
