/**
 * A value that may be unknown. Missing or partial data (an institution failed, a field absent) is shown as
 * unknown with its reason, never as zero.
 */
export type Known<T> = { readonly known: true; readonly value: T } | { readonly known: false; readonly reason: Reason };

/** Why a value is unknown, for the person (ko) and for logs and developers (en). */
export interface Reason {
  readonly code: string;
  readonly ko: string;
  readonly en: string;
}

export const known = <T>(value: T): Known<T> => ({ known: true, value });
export const unknown = <T = never>(code: string, ko: string, en: string): Known<T> => ({
  known: false,
  reason: { code, ko, en },
});

/** The sum of parts, unknown (with the first reason) when any part is unknown. */
export function sumKnown(parts: readonly Known<number>[]): Known<number> {
  let total = 0;
  for (const p of parts) {
    if (!p.known) return p;
    total += p.value;
  }
  return known(total);
}

export function valueOr<T>(k: Known<T>, fallback: T): T {
  return k.known ? k.value : fallback;
}
