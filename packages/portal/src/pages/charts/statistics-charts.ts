import type { SafeHtml } from '@hannun/infra';
import { TM_SLOTS } from '@hannun/spec';
import { successRate, type WeekSummary } from '../../statistics/week-summary.ts';
import { type PageLang, pick } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';
import { renderChart } from './chart-svg.ts';

/** Colours with at least 4.5:1 against white, told apart by the legend and the table too (never colour alone). */
const SUCCESS = '#1d4ed8';
const FAIL = '#b91c1c';
const RATE = '#0f6b3a';
const TIMES = '#5b3aa8';
const SIZE = { width: 720, height: 320 } as const;
const WEEKDAYS = {
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** A day of the week as an axis label: `11/15(일)` or `Sun 11/15`. */
export function dayLabel(yyyymmdd: string, lang: PageLang): string {
  const d = new Date(
    Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))),
  );
  const md = `${Number(yyyymmdd.slice(4, 6))}/${Number(yyyymmdd.slice(6, 8))}`;
  const wd = WEEKDAYS[lang][d.getUTCDay()]!;
  return lang === 'ko' ? `${md}(${wd})` : `${wd} ${md}`;
}

export const slotLabel = (slot: keyof typeof TM_SLOTS, lang: PageLang) => `${slot} ${pick(lang, TM_SLOTS[slot])}`;

const grid = { left: 64, right: 24, top: 48, bottom: 56 };
const axisText = { color: '#222', fontSize: 13 };

/** Calls per day, succeeded and failed stacked. */
export function callsChart(s: WeekSummary, lang: PageLang, id: string): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(lang, TEXT[k]);
  return renderChart(
    {
      grid,
      legend: { top: 8, textStyle: axisText },
      xAxis: { type: 'category', data: s.days.map((d) => dayLabel(d.date, lang)), axisLabel: axisText },
      yAxis: { type: 'value', name: t('calls'), minInterval: 1, axisLabel: axisText, nameTextStyle: axisText },
      series: [
        {
          name: t('success'),
          type: 'bar',
          stack: 'calls',
          data: s.days.map((d) => d.success),
          itemStyle: { color: SUCCESS },
        },
        { name: t('fail'), type: 'bar', stack: 'calls', data: s.days.map((d) => d.fail), itemStyle: { color: FAIL } },
      ],
    },
    SIZE,
    { id, title: t('chartCalls') },
  );
}

/** Success rate per day in percent (no point on a day without calls). */
export function rateChart(s: WeekSummary, lang: PageLang, id: string): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(lang, TEXT[k]);
  return renderChart(
    {
      grid,
      legend: { top: 8, textStyle: axisText },
      xAxis: { type: 'category', data: s.days.map((d) => dayLabel(d.date, lang)), axisLabel: axisText },
      yAxis: { type: 'value', name: t('rate'), min: 0, max: 100, axisLabel: axisText, nameTextStyle: axisText },
      series: [
        {
          name: t('rate'),
          type: 'line',
          data: s.days.map((d) => successRate(d) ?? null),
          symbolSize: 8,
          lineStyle: { color: RATE, width: 3 },
          itemStyle: { color: RATE },
          connectNulls: false,
        },
      ],
    },
    SIZE,
    { id, title: t('chartRate') },
  );
}

/** Mean response time per time slot (ms); undefined when no report carried response times. */
export function timesChart(s: WeekSummary, lang: PageLang, id: string): SafeHtml | undefined {
  if (s.slots.every((x) => x.rspAvgMs === undefined)) return undefined;
  const t = (k: keyof typeof TEXT) => pick(lang, TEXT[k]);
  return renderChart(
    {
      grid,
      legend: { top: 8, textStyle: axisText },
      xAxis: { type: 'category', data: s.slots.map((x) => slotLabel(x.slot, lang)), axisLabel: axisText },
      yAxis: { type: 'value', name: t('rspAvg'), axisLabel: axisText, nameTextStyle: axisText },
      series: [
        {
          name: t('rspAvg'),
          type: 'bar',
          barMaxWidth: 80,
          data: s.slots.map((x) => x.rspAvgMs ?? null),
          itemStyle: { color: TIMES },
        },
      ],
    },
    SIZE,
    { id, title: t('chartTimes') },
  );
}
