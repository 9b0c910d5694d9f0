/** Tables of people/ (migration in people-migration.ts). `*_sealed` columns are sealed with the person's data key. */
export interface PeopleTables {
  op_person: {
    id: string;
    /** Blind index of the normalised login name (unique): how login finds the person. */
    login_bidx: string;
    login_sealed: string;
    /** Blind index of the CI (unique): one membership per person. */
    ci_bidx: string;
    ci_sealed: string;
    name_sealed: string;
    birth_date_sealed: string;
    /** The mobile number (digits), sealed; null when unknown (migration 0008). */
    phone_sealed: string | null;
    /** argon2id PHC string over the password, with the operator's pepper as argon2's secret. */
    password_hash: string;
    failed_logins: number;
    locked_until: number | null;
    /** TOTP secret (base32), sealed; enabled once a first code was confirmed. */
    totp_sealed: string | null;
    totp_enabled: boolean;
    /** The last accepted TOTP time step: a code is never accepted twice. */
    totp_last_step: number | null;
    created_at: number;
    /** Sign-up counts as a login: the inactivity rules run from here. */
    last_login_at: number;
  };
  op_login_attempt: {
    id: string;
    /** Blind index of the source (IP address): per-source throttling without keeping addresses. */
    source_bidx: string;
    login_bidx: string;
    /** The person whose login name it was, when one matched (deleted with them). */
    person_id: string | null;
    at: number;
    ok: boolean;
  };
  op_session: {
    /** SHA-256 (base64url) of the opaque session id: a database copy cannot be used as a cookie. */
    id_hash: string;
    person_id: string;
    created_at: number;
    last_seen_at: number;
    idle_expires_at: number;
    absolute_expires_at: number;
    /** Random; the CSRF token is HMAC(csrf key, id_hash|csrf_nonce), so it is never stored. */
    csrf_nonce: string;
  };
}
