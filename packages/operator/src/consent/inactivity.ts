import { addKstMonths } from '../time/kst.ts';

/**
 * MyData 2.0's inactivity rules (notes §4.4 Deletion): 6 months without a login stops regular
 * (scheduled) transmission; 1 year without a login deletes the person's data. Months are calendar months in
 * KST from the last login (sign-up counts as one). Pure functions of the last login and a clock.
 */
export const STOP_SCHEDULED_AFTER_MONTHS = 6;
export const DELETE_AFTER_MONTHS = 12;

export type InactivityStage = 'active' | 'stop-scheduled' | 'delete';

export interface InactivityDeadlines {
  /** From this instant scheduled collection stops. */
  readonly stopScheduledAt: number;
  /** From this instant the person's data is deleted. */
  readonly deleteAt: number;
}

export function inactivityDeadlines(lastLoginAt: number): InactivityDeadlines {
  return {
    stopScheduledAt: addKstMonths(lastLoginAt, STOP_SCHEDULED_AFTER_MONTHS),
    deleteAt: addKstMonths(lastLoginAt, DELETE_AFTER_MONTHS),
  };
}

export function inactivityStage(lastLoginAt: number, nowMs: number): InactivityStage {
  const d = inactivityDeadlines(lastLoginAt);
  if (nowMs >= d.deleteAt) return 'delete';
  if (nowMs >= d.stopScheduledAt) return 'stop-scheduled';
  return 'active';
}

/** Whether scheduled (x-api-type: scheduled) collection may run for a person last seen at `lastLoginAt`. */
export function scheduledCollectionAllowed(lastLoginAt: number, nowMs: number): boolean {
  return inactivityStage(lastLoginAt, nowMs) === 'active';
}

/**
 * A last-login instant such that everyone past `stage` at `now` logged in before it (for the sweeps'
 * queries). Calendar months do not invert exactly (31 August + 6 months = 28 February), so it is a few days
 * generous: confirm each candidate with {@link inactivityStage}.
 */
export function inactivityCutoff(stage: Exclude<InactivityStage, 'active'>, nowMs: number): number {
  const months = stage === 'delete' ? DELETE_AFTER_MONTHS : STOP_SCHEDULED_AFTER_MONTHS;
  return addKstMonths(nowMs, -months) + 4 * 24 * 60 * 60_000;
}
