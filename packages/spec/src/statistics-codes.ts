import type { ApiType } from './api-type.ts';

/**
 * The time slots (시간대역, `tm_slot`, 첨부11) of the weekly statistics 지원-004/005: always two per API code.
 * PROVISIONAL: 첨부11 is not public; Hannun follows one 2023 implementation: 01 the daytime hours
 * 06:00–18:00 KST, 02 the rest of the day.
 */
export const TM_SLOTS = {
  '01': { ko: '주간 (06–18시)', en: 'Daytime (06:00–18:00 KST)' },
  '02': { ko: '야간 (18–06시)', en: 'Night (18:00–06:00 KST)' },
} as const;

export type TmSlot = keyof typeof TM_SLOTS;
export const TM_SLOT_LIST: readonly TmSlot[] = ['01', '02'];

/** The slot of a KST minute of the day (0…1439). */
export function tmSlotOfKstMinute(minuteOfDay: number): TmSlot {
  return minuteOfDay >= 6 * 60 && minuteOfDay < 18 * 60 ? '01' : '02';
}

/** The statistics `type` (지원-004/005): 1 정기적 전송, 2 비정기적 전송 (정보주체 개입). */
export type StatisticsType = '1' | '2';

/** Which statistics a call counts in: `scheduled` calls are regular (1), every other x-api-type irregular (2). */
export function statisticsTypeOf(apiType: ApiType): StatisticsType {
  return apiType === 'scheduled' ? '1' : '2';
}
