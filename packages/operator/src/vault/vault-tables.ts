/** Tables of vault/ (migration in vault-migration.ts). */
export interface VaultTables {
  /** One token pair per person × operator service × provider (a unique key), replaced on every change. */
  op_token: {
    /** Random, stable across replacements: the AAD row id of the sealed tokens. */
    id: string;
    person_id: string;
    client_id: string;
    org_code: string;
    consent_id: string | null;
    access_sealed: string;
    refresh_sealed: string | null;
    /** Blind indexes of the token strings and their `jti`s: the duplicate check compares these. */
    access_bidx: string;
    refresh_bidx: string | null;
    access_jti_bidx: string | null;
    refresh_jti_bidx: string | null;
    scope: string;
    /** In clear, for scheduling refresh. */
    access_expires_at: number;
    refresh_expires_at: number | null;
    /** active, or duplicate (found twice: never used again until replaced). */
    status: string;
    issued_at: number;
    updated_at: number;
  };
}
