import { firstPage, isInfoCall } from '../call-record.ts';
import { inNpTime, kstMinuteOfDay } from './kst.ts';
import type { Offence, OperatorRule } from './rule.ts';

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Scheduled calls only inside the provider's np_time windows (지원-002), Korean time, every page. */
export const npTimeRule: OperatorRule = {
  id: 'np-time',
  title: 'scheduled calls only inside the provider’s np_time windows',
  reference:
    '규격 §3.3.3 정기적 전송 가능 시간대 (정보제공자별, 종합포털 등록, 최소 일 6시간; 지원-002 np_time_list를 준용하여 요청); ' +
    'notes §7 (50009 outside them)',
  judge({ records, npTimes }) {
    const scheduled = records.filter((r) => isInfoCall(r) && r.apiType === 'scheduled' && r.orgCode);
    const offences: Offence[] = [];
    for (const r of scheduled) {
      const windows = npTimes.get(r.orgCode!) ?? [];
      const minute = kstMinuteOfDay(r.atMs);
      if (!inNpTime(windows, minute)) {
        offences.push({
          call: r,
          reason: `scheduled ${firstPage(r) ? 'call' : 'page'} at ${hhmm(minute)} KST, outside ${r.orgCode}'s np_time ${windows.join(', ') || '(none)'}`,
        });
      }
    }
    return { considered: scheduled.length, offences };
  },
};
