/** Tables of the operator's weekly statistics (migration in statistics-migration.ts). */
export interface StatisticsTables {
  /** Weeks the portal acknowledged (지원-004 answered 00000), per service and type: the schedule sends each once. */
  op_statistics_sent: {
    client_id: string;
    /** The Sunday the week ends before (YYYYMMDD). */
    inquiry_date: string;
    type: string;
    sent_at: number;
  };
}
