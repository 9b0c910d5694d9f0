/** A target from an issue: the value must be at least (`≥`) or at most (`≤`) the limit. */
export interface Target {
  readonly op: '≥' | '≤';
  readonly limit: number;
  /** Printed after the limit ('s', ' MB'). */
  readonly unit?: string;
}

export function meetsTarget(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  return target.op === '≥' ? value >= target.limit : value <= target.limit;
}

/** "target ≤ 60 s: met" or "target ≤ 60 s: NOT met", for a measurement's note. */
export function targetNote(value: number, target: Target): string {
  return `target ${target.op} ${target.limit}${target.unit ?? ''}: ${meetsTarget(value, target) ? 'met' : 'NOT met'}`;
}
