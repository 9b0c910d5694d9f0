import { RegistryInputError } from './registry-input-error.ts';

/** At most this many non-peak windows (지원-002 np_time_cnt). */
export const NP_TIME_MAX_WINDOWS = 3;
/** Together at least this many minutes a day. */
export const NP_TIME_MIN_MINUTES = 6 * 60;

const WINDOW = /^([0-9]{2})([0-9]{2}):([0-9]{2})([0-9]{2})$/;
const SLOTS_PER_DAY = 48;

/** One window as half-hour slots of the Korean day (0 = 00:00–00:30 … 47 = 23:30–24:00). */
function slotsOf(text: string, field: string): number[] {
  const m = WINDOW.exec(text);
  const bad = (en: string, ko: string) => new RegistryInputError(field, `'${text}' ${en}`, `'${text}' ${ko}`);
  if (!m) throw bad('must be hhmm:hhmm (e.g. 0000:0600)', 'hhmm:hhmm 형식이어야 합니다 (예: 0000:0600)');
  const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const valid = (h: number, min: number, isEnd: boolean) =>
    (min === 0 || min === 30) && (h < 24 || (isEnd && h === 24 && min === 0));
  if (!valid(sh, sm, false) || !valid(eh, em, true)) {
    throw bad('must use 30-minute units from 0000 to 2400', '30분 단위(0000~2400)여야 합니다');
  }
  const start = sh * 2 + sm / 30;
  const end = eh * 2 + em / 30;
  if (start === end) throw bad('is empty: its start and end are the same', '시작과 끝이 같습니다');
  // A window whose end is before its start runs over midnight (2300:0500); 0000:2400 is the whole day.
  const length = (end - start + SLOTS_PER_DAY) % SLOTS_PER_DAY || SLOTS_PER_DAY;
  const slots = Array.from({ length }, (_, i) => (start + i) % SLOTS_PER_DAY);
  return slots;
}

/**
 * Validate a provider's non-peak windows (np_time_list): at most 3, each "hhmm:hhmm" in 30-minute units
 * (a window may run over midnight, "2400" ends at midnight), no two overlapping, together at least 6 hours
 * a day. Throws a RegistryInputError naming `np_time_list` or the window at fault.
 */
export function validateNpTimes(npTimes: readonly string[], field = 'np_time_list'): void {
  if (npTimes.length === 0) {
    throw new RegistryInputError(
      field,
      'a provider needs at least one non-peak window (together at least 6 hours a day)',
      '정보제공자는 정기적 전송 가능 시간대를 하루 합계 6시간 이상 등록해야 합니다',
    );
  }
  if (npTimes.length > NP_TIME_MAX_WINDOWS) {
    throw new RegistryInputError(
      field,
      `has ${npTimes.length} windows, at most ${NP_TIME_MAX_WINDOWS} allowed`,
      `최대 ${NP_TIME_MAX_WINDOWS}개까지 등록할 수 있습니다 (${npTimes.length}개)`,
    );
  }
  const taken = new Map<number, string>();
  npTimes.forEach((text, i) => {
    const at = `${field}[${i}].np_time`;
    for (const slot of slotsOf(text, at)) {
      const other = taken.get(slot);
      if (other !== undefined) {
        throw new RegistryInputError(at, `'${text}' overlaps '${other}'`, `'${text}'이(가) '${other}'와 겹칩니다`);
      }
      taken.set(slot, text);
    }
  });
  const minutes = taken.size * 30;
  if (minutes < NP_TIME_MIN_MINUTES) {
    throw new RegistryInputError(
      field,
      `adds up to ${minutes / 60} hours a day, at least 6 required`,
      `합계 ${minutes / 60}시간입니다. 하루 합계 6시간 이상이어야 합니다`,
    );
  }
}
