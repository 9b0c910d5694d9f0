/**
 * The CA's tables (migrations in ca-migrations.ts). Times are epoch milliseconds. `sealed_*` columns hold
 * AES-256-GCM text under the CA's storage key, bound to table, column and row (ColumnSealer of @hannun/pki).
 */
export interface CaDatabase {
  ca_person: {
    id: string;
    /** The CI, sealed (row: id). */
    sealed_ci: string;
    /** Blind index of the CI (HMAC-SHA256, unique): how a person is found by CI. Set on every row since 0002. */
    ci_index: string | null;
    /** The person's name, sealed (row: id). */
    sealed_name: string;
    /** The mobile number (domestic digits), sealed (row: id). */
    sealed_phone: string;
    /** Blind index of the normalised mobile number (not unique): how the identity check finds people. Set on every row since 0003. */
    phone_index: string | null;
    /** YYYYMMDD, sealed (row: id). */
    sealed_birth_date: string;
    pin_hash: string;
    failed_pin_attempts: number;
    locked_until: number | null;
    sealed_key: string;
    cert_pem: string;
    cert_serial: string;
    created_at: number;
  };
  ca_sign_tx: {
    cert_tx_id: string;
    sign_tx_id: string;
    operator_org_code: string;
    person_id: string;
    request_title: string;
    device_code: string;
    device_browser: string;
    return_app_scheme_url: string | null;
    consent_type: string;
    csrf_token: string;
    status: string;
    created_at: number;
    expires_at: number;
    decided_at: number | null;
  };
  ca_sign_consent: {
    cert_tx_id: string;
    position: number;
    tx_id: string;
    title: string;
    consent: string;
    provider_org_code: string;
  };
  ca_signature: {
    cert_tx_id: string;
    tx_id: string;
    /** The signed consent (compact JWS with the person's certificate), sealed (row: cert_tx_id, tx_id). */
    sealed_signed_consent: string;
    signed_at: number;
  };
  ca_verification: {
    cert_tx_id: string;
    tx_id: string;
    provider_org_code: string;
    verified_at: number;
  };
}
