import type { ApiType, CycleClass } from '@hannun/spec';
import type { ConsentRecord } from '../consent/consent.ts';
import { type Cycle, cycleWindow, parseCycle } from '../consent/consent-cycle.ts';
import { type CheckFailure, fail } from './check-failure.ts';
import type { CycleCounter, CycleTicket } from './cycle-counter.ts';

/** v1's only cycle, used when a consent's cycle text cannot be read. */
const WEEKLY: Cycle = { unit: 'w', span: 1, times: 1 };

/**
 * Step 16, 42901: a scheduled call may only be made as often as the consent's cycle allows: the 기본
 * cycle (fnd_cycle) for basic-information APIs, the 추가 cycle (add_cycle) for the others, counted per
 * (consent, API, asset) and window; all pages of one paginated fetch count once (first pages only). A
 * consent without regular transmission allows none. Irregular calls are not counted.
 */
export function checkCycle(args: {
  readonly apiType: ApiType;
  readonly firstPage: boolean;
  readonly consent: ConsentRecord;
  readonly apiId: string;
  readonly cycleClass: CycleClass | undefined;
  readonly assetId: string | undefined;
  readonly counter: CycleCounter;
  readonly now: number;
}): CycleTicket | undefined | CheckFailure {
  if (args.apiType !== 'scheduled' || !args.firstPage) return undefined;
  const { consent } = args;
  if (!consent.isScheduled) {
    return fail('42901', '정기적 전송에 동의하지 않은 전송요구입니다', 'consent has no regular transmission');
  }
  const text = args.cycleClass === '기본' ? consent.fndCycle : consent.addCycle;
  const cycle = parseCycle(text) ?? WEEKLY;
  const key = `${consent.id}\u0001${args.apiId}\u0001${args.assetId ?? ''}`;
  const ticket = args.counter.reserve(key, cycleWindow(cycle, args.now), cycle.times);
  return ticket ?? fail('42901', `정기적 전송주기(${text}) 초과`, 'scheduled cycle used up');
}
