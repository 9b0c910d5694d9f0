import { type CallRecord, isInfoCall } from '../call-record.ts';
import type { Offence, OperatorRule } from './rule.ts';

const overlap = (a: CallRecord, b: CallRecord) => a.startedAt < b.endedAt && b.startedAt < a.endedAt;
const periodOf = (r: CallRecord) => `${r.period!.from}~${r.period!.to}`;

/**
 * No period split into concurrent calls: two calls of the same person, API and asset in flight at the same time
 * with different periods are one period fetched in pieces at once.
 */
export const noSplitRule: OperatorRule = {
  id: 'no-concurrent-split',
  title: 'no period split into concurrent calls (same person × API × asset)',
  reference:
    '규격 §3.3 조회기준: "조회기간을 분리하여 동시에 여러 API를 호출함으로써 정보제공자에게 부하를 주는 행위 금지 ' +
    '(예: 12개월을 1개월 단위로 From/To를 나누어 동시에 12번의 API를 호출)"; notes §7',
  judge({ records }) {
    const calls = records.filter((r) => isInfoCall(r) && r.period && r.person);
    const groups = new Map<string, CallRecord[]>();
    for (const r of calls) {
      const key = `${r.person}|${r.orgCode}|${r.apiId}|${r.asset ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const offences: Offence[] = [];
    for (const group of groups.values()) {
      for (const [i, b] of group.entries()) {
        const other = group.slice(0, i).find((a) => overlap(a, b) && periodOf(a) !== periodOf(b));
        if (other) {
          offences.push({
            call: b,
            reason: `${periodOf(b)} fetched while #${other.seq} (${periodOf(other)}) of the same person, API and asset was in flight`,
          });
        }
      }
    }
    return { considered: calls.length, offences };
  },
};
