import { type Cycle, cycleWindow, parseCycle } from '@hannun/provider';
import { answered, describeCall, firstPage, isInfoCall } from '../call-record.ts';
import type { Offence, OperatorRule } from './rule.ts';

const WEEKLY: Cycle = { unit: 'w', span: 1, times: 1 };

/**
 * Scheduled calls no more often than the consent's cycle: per consent, API and asset, the first pages answered
 * with data in one cycle window (fnd_cycle for 기본 APIs, add_cycle for the others) at most as many as the cycle
 * allows (a failed fetch may be retried until it succeeds); none at all without regular transmission; and no
 * call the provider had to refuse with 42901.
 */
export const scheduledCycleRule: OperatorRule = {
  id: 'scheduled-cycle',
  title: 'scheduled calls follow the consent’s cycle (fnd_cycle / add_cycle)',
  reference:
    '규격 §3.3 (정보주체 미개입(정기적 전송): x-api-type scheduled, 기본/추가 정보 주기, 제4장 API별 정기적 전송주기); ' +
    '§3.1 전송요구 항목 "정기적 전송을 요구하는지 여부 및 요구 시 그 주기"; notes §7 (42901 over the cycle)',
  judge({ records }) {
    const scheduled = records.filter((r) => isInfoCall(r) && r.apiType === 'scheduled' && firstPage(r));
    const offences: Offence[] = [];
    const used = new Map<string, number>();
    for (const r of scheduled) {
      if (r.rspCode === '42901') {
        offences.push({ call: r, reason: 'the provider refused it with 42901: the cycle was already used up' });
        continue;
      }
      if (!r.consent) continue;
      if (!r.consent.isScheduled) {
        offences.push({ call: r, reason: 'the consent asks for no regular transmission' });
        continue;
      }
      if (!answered(r)) continue;
      const text = r.cycleClass === '기본' ? r.consent.fndCycle : r.consent.addCycle;
      const cycle = parseCycle(text) ?? WEEKLY;
      const key = `${r.consent.id}|${r.apiId}|${r.asset ?? ''}|${cycleWindow(cycle, r.atMs)}`;
      const n = (used.get(key) ?? 0) + 1;
      used.set(key, n);
      if (n > cycle.times) {
        offences.push({
          call: r,
          reason: `scheduled fetch ${n} in one window of the cycle ${text} (${cycle.times} allowed): ${describeCall(r)}`,
        });
      }
    }
    return { considered: scheduled.length, offences };
  },
};
