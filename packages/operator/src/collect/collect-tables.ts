/** Tables of collect/ (migration in collect-migration.ts, `0007_collect`). */
export interface CollectTables {
  /**
   * One collection job per (person, institution, x-api-type) — and asset for user-search — with its lease:
   * a worker claims a runnable job (compare-and-set), renews the lease while it works and loses the job to
   * another worker when the lease runs out (a crash, kill -9). At most one queued-or-running job per key.
   */
  op_collect_job: {
    id: string;
    person_id: string;
    org_code: string;
    consent_id: string;
    /** scheduled | user-consent | user-refresh | user-search */
    api_type: string;
    /** user-search: the op_asset id; '' otherwise (part of the one-live-job key). */
    asset_id: string;
    /** JSON: the job's fixed parameters (user-search from/to). */
    params: string;
    /** queued | running | done | failed | cancelled */
    status: string;
    /** Not to be started before (np_time, backoff after an unavailable provider). */
    not_before: number;
    lease_owner: string | null;
    lease_until: number | null;
    attempts: number;
    requested_at: number;
    started_at: number | null;
    finished_at: number | null;
    /** A short machine reason when it failed or was put off, with the person's wording. */
    failure: string | null;
    failure_ko: string | null;
    failure_en: string | null;
    /** When the "more than 5 minutes late" notice was written (once per job). */
    late_noticed_at: number | null;
  };
  /**
   * The units of a job already finished: one API for one asset (and period chunk, bill, month, insured
   * person …). Written in the same transaction as the search_timestamp and coverage they advance, after the
   * unit's pages were stored, so a job resumed after a crash skips them and redoes only what was not done.
   */
  op_collect_step: {
    job_id: string;
    step_key: string;
    person_id: string;
    /** done | skipped | failed */
    status: string;
    rsp_code: string | null;
    rows: number;
    finished_at: number;
  };
  /**
   * Per person, institution, API and asset: the last search_timestamp the provider gave (sent back next
   * time, valid for the consent it was given under) and the dates collected so far (coverage), which
   * decide the next period of each x-api-type.
   */
  op_collect_state: {
    person_id: string;
    org_code: string;
    api_id: string;
    /** The op_asset id, or '' for APIs about the person (카드-003, 통신-002 …). */
    asset_key: string;
    consent_id: string;
    search_timestamp: string | null;
    /** YYYYMMDD: the first and last day collected without a gap. */
    covered_from: string | null;
    covered_to: string | null;
    collected_at: number;
  };
  /** What the person should be told: data more than 5 minutes late, an institution that failed. */
  op_collect_notice: {
    id: string;
    person_id: string;
    org_code: string;
    job_id: string;
    /** late | failed */
    kind: string;
    code: string;
    ko: string;
    en: string;
    created_at: number;
    seen_at: number | null;
  };
}
