import { type ApiType, checkDatePeriod, checkMonthPeriod, type RspCode } from '@hannun/spec';
import type { ConformanceCase } from '../case-types.ts';
import type { ApiCases } from './case-kit.ts';
import { dateWire, monthWire, type PlainDate } from './kst-dates.ts';

/** One period of a case: from and to as dates (months use their months). */
export interface Period {
  readonly from: PlainDate;
  readonly to: PlainDate;
}

/** What the spec's period rules (규격 §3.3, `period-rules.ts`) answer for this period, x-api-type and day. */
export function periodVerdict(g: Pick<ApiCases, 'api'>, apiType: ApiType, period: Period, today: PlainDate): RspCode {
  const rule = g.api.dateRule;
  if (rule === 'none') return '00000';
  const violation =
    rule === 'months'
      ? checkMonthPeriod({ apiType, from: period.from.toPlainYearMonth(), to: period.to.toPlainYearMonth(), today })
      : checkDatePeriod({ rule, apiType, from: period.from, to: period.to, today });
  return violation ? violation.rspCode : '00000';
}

export function periodFields(g: Pick<ApiCases, 'api'>, period: Period): Record<string, string> {
  return g.api.dateRule === 'months'
    ? { from_month: monthWire(period.from.toPlainYearMonth()), to_month: monthWire(period.to.toPlainYearMonth()) }
    : { from_date: dateWire(period.from), to_date: dateWire(period.to) };
}

interface PeriodCase {
  readonly code: string;
  readonly title: string;
  readonly apiType: ApiType | undefined;
  readonly period: Period;
  readonly provisional?: string;
  /** Further codes the case accepts (the order of checks the standard leaves open). */
  readonly alsoAccept?: readonly RspCode[];
}

const ORDER_NOTE =
  'Outside the np_time window a provider may answer 50009 before looking at the period: the standard does not order the two checks.';
const BOUNDARY_NOTE =
  'The boundary reading (both ends inclusive; 12 months back from today may end today) is ours: period-rules.ts in @hannun/spec.';
const ABSENT_TYPE_NOTE =
  'The catalogue makes x-api-type optional; judging a call without it as an irregular one (12 months back) is our reading.';

/**
 * The period rules by x-api-type (규격 §3.3, 시행령 28조의3④) for APIs with from/to dates or months: the
 * expected rsp_code of each case is computed by the spec's own rules, so that the cases are the standard's.
 */
export function periodCases(g: ApiCases): ConformanceCase[] {
  if (g.api.dateRule === 'none') return [];
  const today = g.discovery.today;
  const months = g.api.dateRule === 'months';
  const overScheduled: Period = months
    ? { from: today.subtract({ months: 3 }), to: today }
    : g.api.dateRule === 'days31'
      ? { from: today.subtract({ days: 31 }), to: today }
      : { from: today.subtract({ months: 3 }), to: today };
  const back13: Period = { from: today.subtract({ months: 13 }), to: today.subtract({ months: 13 }).add({ days: 3 }) };
  const back61: Period = { from: today.subtract({ years: 5, months: 1 }), to: today.subtract({ years: 5 }) };
  const list: PeriodCase[] = [
    {
      code: 'PER-01',
      title: 'from after to answers 40001',
      apiType: 'user-refresh',
      provisional:
        'A period ending before it starts is a bad parameter (40001) in our reading (period-rules.ts); the standard names no code for it.',
      period: { from: today, to: today.subtract({ days: months ? 40 : 1 }) },
    },
    {
      code: 'PER-02',
      title: `a scheduled call over its span (${months || g.api.dateRule === 'days3m' ? '3 months' : '31 days'}) answers 40004`,
      apiType: 'scheduled',
      period: overScheduled,
      provisional: ORDER_NOTE,
      alsoAccept: ['50009'],
    },
    {
      code: 'PER-03',
      title: 'user-consent reaching 13 months back answers 40004',
      apiType: 'user-consent',
      period: back13,
    },
    {
      code: 'PER-04',
      title: 'user-refresh reaching 13 months back answers 40004',
      apiType: 'user-refresh',
      period: back13,
    },
    {
      code: 'PER-05',
      title: 'user-search reaching over 5 years back answers 40304',
      apiType: 'user-search',
      period: back61,
    },
    {
      code: 'PER-06',
      title: 'user-search 4 years back is answered',
      apiType: 'user-search',
      period: { from: today.subtract({ years: 4 }), to: today.subtract({ years: 4 }).add({ days: 3 }) },
    },
    {
      code: 'PER-07',
      title: 'user-consent over 12 months ending today is answered',
      apiType: 'user-consent',
      period: months
        ? { from: today.subtract({ months: 11 }), to: today }
        : { from: today.subtract({ months: 12 }), to: today },
      provisional: BOUNDARY_NOTE,
    },
    {
      code: 'PER-08',
      title: 'without x-api-type, 13 months back answers 40004',
      apiType: undefined,
      period: back13,
      provisional: ABSENT_TYPE_NOTE,
    },
  ];
  const usual = g.usual();
  return list.map((c) => {
    const code = periodVerdict(g, c.apiType ?? 'user-refresh', c.period, today);
    const { apiType: _drop, ...probe } = usual;
    return g.make({
      code: c.code,
      category: 'period',
      title: c.title,
      negative: code !== '00000',
      expect: { rspCodes: [code, ...(c.alsoAccept ?? [])], shape: code === '00000' },
      ...(c.provisional ? { provisional: c.provisional } : {}),
      probe: {
        ...probe,
        ...(c.apiType ? { apiType: c.apiType } : {}),
        fields: { ...usual.fields, ...periodFields(g, c.period) },
      },
    });
  });
}
