import { maskAssetNumber } from '@hannun/spec';
import { sql, type Store } from '@hannun/store';
import { Temporal } from 'temporal-polyfill';
import type { ConsentRecord, Consents } from '../consent/consents.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { invalid } from '../shared/operator-error.ts';
import { kstDate, kstStartOfDay } from '../time/kst.ts';

/** What was received under one consent during the year, from the transmission records. */
export interface NoticeTransmissions {
  readonly calls: number;
  /** Calls the provider answered 00000. */
  readonly answered: number;
  readonly rowsReceived: number;
  readonly firstAt: number | null;
  readonly lastAt: number | null;
  readonly apis: readonly { readonly apiId: string; readonly calls: number; readonly rowsReceived: number }[];
}

/** One consent (전송요구) of the notice: the 전송요구 특정사항 (the seven items) and what came under it. */
export interface NoticeConsent {
  readonly consentId: string;
  readonly version: number;
  /** 1. 전송요구를 받는 자. */
  readonly orgCode: string;
  /** 2. 개인신용정보를 제공받는 자. */
  readonly recipient: { readonly orgCode: string; readonly clientId: string };
  /** 3. 전송을 요구하는 개인신용정보: scopes, and the assets (numbers masked to the last four). */
  readonly scopes: readonly string[];
  readonly assets: readonly { readonly api: string; readonly number: string }[];
  /** 4. 정기적 전송 여부 및 주기. */
  readonly isScheduled: boolean;
  readonly fndCycle: string;
  readonly addCycle: string;
  /** 5. 종료시점. */
  readonly endDate: string;
  /** 6. 목적; 7. 보유기간. */
  readonly purpose: string;
  readonly period: string;
  readonly activatedAt: number;
  readonly endedAt: number | null;
  readonly endedReason: string | null;
  /** Withdrawn within the year: the notice says so (가이드라인 3.1, "철회되었음을 명시"). */
  readonly withdrawn: boolean;
  readonly transmissions: NoticeTransmissions;
}

export interface YearlyNotice {
  readonly year: number;
  /** The KST calendar year: YYYYMMDD, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly generatedAt: number;
  readonly consents: readonly NoticeConsent[];
  readonly totals: { readonly consents: number; readonly calls: number; readonly rowsReceived: number };
}

/** The instants a KST calendar year begins and ends (exclusive). */
export function kstYear(year: number): { start: number; end: number } {
  return {
    start: kstStartOfDay(Temporal.PlainDate.from({ year, month: 1, day: 1 })),
    end: kstStartOfDay(Temporal.PlainDate.from({ year: year + 1, month: 1, day: 1 })),
  };
}

/** A year the notice can cover: 2000 up to this year (KST). */
export function checkNoticeYear(raw: unknown, now: number): number {
  const y = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : typeof raw === 'number' ? raw : Number.NaN;
  const current = kstDate(now).year;
  if (!Number.isInteger(y) || y < 2000 || y > current) {
    throw invalid('year', `must be a year from 2000 to ${current}`, `2000년부터 ${current}년 사이의 연도여야 합니다`);
  }
  return y;
}

const liveDuring = (c: ConsentRecord, start: number, end: number) =>
  c.activatedAt !== null && c.activatedAt < end && (c.endedAt === null || c.endedAt >= start);

/**
 * The yearly notice of what was received (연 1회 이상 통지, 시행령 제18조의6⑩; 가이드라인 3.1 "개인신용정보 전송
 * 내역 통지"): every consent that was in force at some time of the KST calendar year, with its seven items and
 * the calls made under it that year (from op_transmission: calls, answered, rows received, first and last, per
 * API), a consent withdrawn within the year marked `withdrawn`. Built from the records when asked, so it is
 * the same whenever it is read (records are kept 3 years).
 */
export async function buildYearlyNotice(
  store: Store<OperatorDatabase>,
  consents: Consents,
  personId: string,
  year: number,
  now: number,
): Promise<YearlyNotice> {
  const { start, end } = kstYear(year);
  const live = (await consents.history(personId)).filter((c) => liveDuring(c, start, end));
  const rows = await store.db
    .selectFrom('op_transmission')
    .select((eb) => [
      'consent_id',
      'api_id',
      eb.fn.countAll<number>().as('calls'),
      eb.fn.sum<number>(eb.case().when('rsp_code', '=', '00000').then(1).else(0).end()).as('answered'),
      eb.fn.sum<number>('rows_received').as('rows'),
      eb.fn.min<number>('requested_at').as('first'),
      eb.fn.max<number>('requested_at').as('last'),
    ])
    .where('person_ref', '=', personId)
    .where('requested_at', '>=', start)
    .where('requested_at', '<', end)
    .groupBy(['consent_id', 'api_id'])
    .orderBy('api_id')
    .execute();
  const out: NoticeConsent[] = [];
  for (const c of live) {
    const mine = rows.filter((r) => r.consent_id === c.id);
    const { assets } = await consents.document(personId, c.id);
    out.push({
      consentId: c.id,
      version: c.version,
      orgCode: c.orgCode,
      recipient: c.recipient,
      scopes: c.scopes,
      assets: assets.map((a) => ({ api: a.api, number: maskAssetNumber(Object.values(a.key)[0] ?? '') })),
      isScheduled: c.isScheduled,
      fndCycle: c.fndCycle,
      addCycle: c.addCycle,
      endDate: c.endDate,
      purpose: c.purpose,
      period: c.period,
      activatedAt: c.activatedAt!,
      endedAt: c.endedAt,
      endedReason: c.endedReason,
      withdrawn: c.status === 'withdrawn' && c.endedAt !== null && c.endedAt >= start && c.endedAt < end,
      transmissions: {
        calls: sum(mine, 'calls'),
        answered: sum(mine, 'answered'),
        rowsReceived: sum(mine, 'rows'),
        firstAt: mine.length === 0 ? null : Math.min(...mine.map((r) => Number(r.first))),
        lastAt: mine.length === 0 ? null : Math.max(...mine.map((r) => Number(r.last))),
        apis: mine.map((r) => ({ apiId: r.api_id, calls: Number(r.calls), rowsReceived: Number(r.rows ?? 0) })),
      },
    });
  }
  const ymd = (ms: number) => kstDate(ms).toString().replaceAll('-', '');
  return {
    year,
    from: ymd(start),
    to: ymd(end - 1),
    generatedAt: now,
    consents: out,
    totals: {
      consents: out.length,
      calls: out.reduce((n, c) => n + c.transmissions.calls, 0),
      rowsReceived: out.reduce((n, c) => n + c.transmissions.rowsReceived, 0),
    },
  };
}

function sum<K extends string>(rows: readonly Record<K, unknown>[], k: K): number {
  return rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
}

/**
 * The due-date job (daily, in the runtime's maintenance): from 1 January (KST), everyone who had a consent in
 * force during the year before gets that year's notice, recorded in op_yearly_notice (one per person and year,
 * so running it again, or in several processes, adds nothing). The app lists them (`GET /api/notices/yearly`).
 * Returns how many were made due.
 */
export async function makeYearlyNoticesDue(
  store: Store<OperatorDatabase>,
  now: number,
): Promise<{ year: number; created: number }> {
  const year = kstDate(now).year - 1;
  const { start, end } = kstYear(year);
  const r = await sql<{ n: number }>`
    insert into op_yearly_notice (person_id, year, consents, calls, created_at, read_at)
    select c.person_id, cast(${year} as bigint), count(distinct c.id),
      (select count(*) from op_transmission t
        where t.person_ref = c.person_id and t.requested_at >= ${start} and t.requested_at < ${end}),
      cast(${now} as bigint), null
    from op_consent c
    join op_person p on p.id = c.person_id
    where c.activated_at is not null and c.activated_at < ${end} and (c.ended_at is null or c.ended_at >= ${start})
      and not exists (select 1 from op_yearly_notice n where n.person_id = c.person_id and n.year = ${year})
    group by c.person_id
    on conflict (person_id, year) do nothing`.execute(store.db);
  return { year, created: Number(r.numAffectedRows ?? 0n) };
}
