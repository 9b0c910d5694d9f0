import { seededRandom } from '@hannun/infra';
/**
 * The faults a provider (정보제공자) shows an operator in the wild, as the fault front injects them:
 *
 * - `status-500`: 500 with the standard's envelope, rsp_code 50001 (시스템 장애);
 * - `status-502`: 502 with an HTML page, as a load balancer answers when the institution behind it is down;
 * - `status-503`: 503 with `Retry-After` (seconds), an HTML page;
 * - `hang`: the request is read and never answered (the caller's timeout decides);
 * - `drip`: the provider's real answer, sent a few bytes at a time over `dripMs`;
 * - `drop`: the connection reset (TCP RST) before any answer; the provider never sees the call;
 * - `cut-mid-body`: the provider answered; its headers and half its body are sent, then the connection reset;
 * - `malformed-json`: the provider's answer, 200, its JSON broken;
 * - `wrong-types`: the provider's 00000 answer, valid JSON, but a number where the standard says string, or a
 *   field the standard requires missing;
 * - `timestamp-future`: the answer's search_timestamp a day ahead of the provider's own;
 * - `timestamp-backwards`: the answer's search_timestamp a day before the one the caller sent;
 * - `out-of-period`: one transaction dated after the requested to_date (to_month), or before from_date.
 *
 * The last six change a real answer of the provider (the call happened there); the first five never reach it.
 */
export const FAULTS = [
  'status-500',
  'status-502',
  'status-503',
  'hang',
  'drip',
  'drop',
  'cut-mid-body',
  'malformed-json',
  'wrong-types',
  'timestamp-future',
  'timestamp-backwards',
  'out-of-period',
] as const;

export type Fault = (typeof FAULTS)[number];

/** Faults that need the provider's answer to make (the call is forwarded first). */
export const ANSWER_FAULTS: ReadonlySet<Fault> = new Set<Fault>([
  'drip',
  'cut-mid-body',
  'malformed-json',
  'wrong-types',
  'timestamp-future',
  'timestamp-backwards',
  'out-of-period',
]);

/**
 * Picks the fault of the next call: one draw of `random`, the faults' rates laid end to end on [0, 1) in the
 * order of FAULTS; past their sum, none (the call passes). Rates must sum to at most 1.
 */
export function faultPicker(
  rates: Readonly<Partial<Record<Fault, number>>>,
  random: () => number,
): () => Fault | undefined {
  let sum = 0;
  for (const f of FAULTS) {
    const r = rates[f] ?? 0;
    if (!(r >= 0 && r <= 1)) throw new RangeError(`rate of ${f} must be between 0 and 1, not ${r}`);
    sum += r;
  }
  if (sum > 1 + 1e-9) throw new RangeError(`the fault rates add up to ${sum}, more than 1`);
  return () => {
    let x = random();
    for (const f of FAULTS) {
      const r = rates[f] ?? 0;
      if (x < r) return f;
      x -= r;
    }
    return undefined;
  };
}

export { seededRandom };
