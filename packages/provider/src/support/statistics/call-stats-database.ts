/**
 * The weekly statistics' tables at the provider (migrations in call-stats-migrations.ts), namespace
 * `provider_stats`; names start with `provider_stat_` (SQLite has one namespace for every service sharing the file).
 */
export interface CallStatsDatabase {
  /** Call counts per institution, KST day, calling service, API code, type and time slot. */
  provider_stat_call: {
    org_code: string;
    /** YYYYMMDD (KST). */
    day: string;
    /** Empty for calls refused before the service was known. */
    recipient_org_code: string;
    client_id: string;
    api_code: string;
    type: string;
    slot: string;
    success: number;
    fail: number;
    ms_total: number;
    ms_squares: number;
  };
  /** Since when each institution's calls have been recorded: weeks before it are never caught up. */
  provider_stat_since: {
    org_code: string;
    since_ms: number;
  };
  /** The weeks the portal acknowledged (지원-005 answered 00000). */
  provider_stat_sent: {
    org_code: string;
    inquiry_date: string;
    type: string;
    sent_ms: number;
  };
}
