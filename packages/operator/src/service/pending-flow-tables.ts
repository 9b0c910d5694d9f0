/** Tables of the pending authentication flows (migration in pending-flow-migration.ts). */
export interface PendingFlowTables {
  /**
   * Identity checks, 통합인증 flows and 개별인증 states between their start and their end, so a restart or
   * another app process can carry them on. Minutes long; swept after they end.
   */
  op_pending_flow: {
    /** `<kind>:` + SHA-256 (base64url) of the flow's secret (the state, the ticket) or id: never the value. */
    id: string;
    /** identity, integrated or individual. */
    kind: string;
    /** The person (null for a sign-up's identity check: nobody yet). */
    person_id: string | null;
    /** 개별인증: the session that started it (a reference, never the session id). */
    session_ref: string | null;
    status: string;
    /** The flow's details as JSON, sealed with the operator's KEK, AAD bound to the row id. */
    payload_sealed: string;
    /** Compare-and-set: every write checks and bumps it. */
    version: number;
    expires_at: number;
    /** The process polling it (통합인증) and until when (wall clock); another takes over after. */
    lease_owner: string | null;
    lease_until: number | null;
    finished_at: number | null;
    created_at: number;
  };
}
