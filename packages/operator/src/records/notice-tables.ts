/** Tables of the yearly notice (migration in notice-migration.ts). */
export interface NoticeTables {
  /**
   * The yearly notice of what was received (연 1회 이상 통지, 시행령 제18조의6⑩), one per person and calendar year:
   * when it was made due, and when the person opened it in the app. Its content is built from the consents and
   * the transmission records (kept 3 years) when read.
   */
  op_yearly_notice: {
    person_id: string;
    /** The calendar year (KST) it covers. */
    year: number;
    consents: number;
    calls: number;
    created_at: number;
    read_at: number | null;
  };
}
