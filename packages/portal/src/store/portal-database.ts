import type { Generated } from '@hannun/store';

/**
 * The portal's tables (migrations in portal-migrations.ts). Names start with `portal_` (SQLite has one
 * namespace for every service sharing the file). Times are epoch milliseconds; records are JSON text.
 */
export interface PortalDatabase {
  /** Current state of every registered organisation. */
  portal_org: {
    org_code: string;
    org_type: string;
    /** Unique: two organisations never present the same certificate identity. */
    serial_num: string | null;
    /** Unique among CAs. */
    ca_code: string | null;
    /** The organisation's own support-API credential (지원-001): client_id … */
    client_id: string;
    /** … and SHA-256 hex of its secret. */
    client_secret_hash: string;
    /** Generation of the portal credential it verifies at 지원-101 (derived, never stored; see credentials/). */
    portal_credential_gen: number;
    /** The PortalOrg as JSON. */
    record: string;
    created_ms: number;
    updated_ms: number;
  };
  /** Current state of every operator service. */
  portal_service: {
    client_id: string;
    org_code: string;
    /** The PortalService as JSON (with the secret's hash). */
    record: string;
    created_ms: number;
    updated_ms: number;
  };
  /**
   * The append-only change log: one row per registration, modification or removal, written in the same
   * transaction as the current-state row. Never updated or deleted. `record` is the state after the change
   * (for D, the last state before it).
   */
  portal_change: {
    seq: Generated<number>;
    at_ms: number;
    entity: 'org' | 'service';
    key: string;
    op: 'I' | 'M' | 'D';
    record: string;
  };
  /** Weekly statistics (지원-004 per service, 지원-005 per provider), the latest sending per week and type. */
  portal_statistics: {
    id: Generated<number>;
    kind: 'mydata' | 'provider';
    /** The organisation that sent it. */
    sender_org_code: string;
    /** What it is about: the service client_id (지원-004) or the provider org_code (지원-005). */
    subject: string;
    /** The Sunday of the week, YYYYMMDD. */
    inquiry_date: string;
    /** 1 regular, 2 irregular. */
    type: number;
    /** The body as received, in wire form (all strings), re-encoded after validation. */
    body: string;
    received_ms: number;
  };
  /** The last 지원-102 answer of each provider, as the portal polled it. */
  portal_provider_status: {
    org_code: string;
    /** 01 normal, 02 failure, 03 maintenance, 99 other. */
    availability: string;
    /** Why, when the portal could not ask (unreachable, refused token …); never a secret. */
    detail: string | null;
    checked_ms: number;
    /** Since when the availability has been what it is. */
    since_ms: number;
  };
  /** Administrators of the pages: login by password (the admin token stays for scripts). */
  portal_admin: {
    login: string;
    /** argon2id (PHC string). */
    password_hash: string;
    /** Failures in a row since the last success (compare-and-set). */
    failures: number;
    locked_until_ms: number | null;
    created_ms: number;
    last_login_ms: number | null;
  };
}
