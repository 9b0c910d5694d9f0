import {
  type ApiSpec,
  apisForIndustry,
  CATALOGUE,
  encodeMessage,
  type Industry,
  type Infer,
  type Shape,
} from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
import type { CustomerBook, Holding, Row } from '../ledger.ts';
import { holdingsFor, listOf, NOW, period, sampleLedger } from '../testing/sample-ledger.ts';

/**
 * The strongest check of the ledger: for every information API of every industry, for customers of every
 * segment, every list item (with is_consent), snapshot body and series item is accepted by encodeMessage of
 * the catalogue's shapes — and every API has data somewhere in the sample.
 */
const ledger = sampleLedger(40);
const REQUEST = period('2025-03-01', '2026-03-15', {
  charge_month: NOW.toPlainDate().toPlainYearMonth().subtract({ months: 1 }),
});

const encode = (shape: Shape, value: Row) => encodeMessage(shape, value as Infer<Shape>);

/** Extra request fields some asset APIs need beyond the holding's key (보험-003 insured_no, 보험-007 car_number). */
function requestFor(cb: CustomerBook, api: ApiSpec, h: Holding): Row[] {
  if (api.id === '보험-003') {
    const basic = cb.snapshot('보험-002', h, { request: REQUEST, now: NOW })?.body['insured_list'] as Row[] | undefined;
    return (basic ?? []).map((i) => ({ ...REQUEST, insured_no: i['insured_no'] }));
  }
  if (api.id === '보험-007') {
    const car = cb.snapshot('보험-004', h, { request: REQUEST, now: NOW })?.body['car_insu_list'] as Row[] | undefined;
    return (car ?? []).map((c) => ({ ...REQUEST, car_number: c['car_number'] }));
  }
  return [REQUEST];
}

/** Encode everything one API gives for one customer at one institution; returns the number of rows. */
function encodeAll(cb: CustomerBook, api: ApiSpec): number {
  const list = listOf(api.response);
  let rows = 0;
  const isListApi =
    !api.listedBy &&
    api.assetKeys.length === 0 &&
    CATALOGUE.some((a) => a.listedBy === api.id && a.assetKeys.length > 0);
  if (isListApi) {
    for (const h of cb.holdings(api.id, NOW)) {
      expect(list, api.id).toBeDefined();
      if (list) encode(list.item, { ...h.listItem, is_consent: true });
      expect(Object.values(h.key).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
      rows++;
    }
    return rows;
  }
  const targets: (Holding | null)[] = api.assetKeys.length === 0 ? [null] : [...holdingsFor(cb, api.id)];
  for (const h of targets) {
    for (const request of h ? requestFor(cb, api, h) : [REQUEST]) {
      const snap = cb.snapshot(api.id, h, { request, now: NOW });
      if (snap) {
        encode(api.response, snap.body);
        expect(Number.isFinite(snap.changedAt)).toBe(true);
        rows++;
      }
      if (list) {
        const items = cb.series(api.id, h, { request, now: NOW });
        for (const item of items) {
          encode(list.item, item);
          rows++;
        }
        expectNewestFirst(api.id, items);
      }
    }
  }
  return rows;
}

const TIME_FIELDS = [
  'approved_dtime',
  'paid_dtime',
  'loan_dtime',
  'trans_dtime',
  'trans_date',
  'trans_month',
  'charge_month',
];

/** Series come newest first, and nothing is later than now. */
function expectNewestFirst(apiId: string, items: readonly Row[]): void {
  const field = TIME_FIELDS.find((f) => items[0]?.[f] !== undefined);
  if (!field) return;
  const keys = items.map((i) => String(i[field]));
  for (let k = 1; k < keys.length; k++)
    expect((keys[k - 1] ?? '') >= (keys[k] ?? ''), `${apiId} ${field} order`).toBe(true);
  if (keys[0] !== undefined) expect(keys[0] <= NOW.toString(), `${apiId} after now`).toBe(true);
}

/** APIs no demo institution can have data for: bank prepaid cards have no scope yet ("추후 적용 예정"). */
const NO_DATA_EXPECTED = new Set(['bank:선불-001', 'bank:선불-002', 'bank:선불-003', 'bank:선불-004']);

const cases = [...new Set(DEMO_INSTITUTIONS.map((i) => i.industry))].flatMap((industry: Industry) =>
  apisForIndustry(industry)
    .filter((api) => !api.id.startsWith('공통'))
    .map((api) => [`${api.id} (${industry})`, industry, api] as const),
);

describe('every information API: ledger rows encode through the catalogue shapes', () => {
  it.each(cases)('%s', (_name, industry, api) => {
    let rows = 0;
    for (const inst of DEMO_INSTITUTIONS.filter((i) => i.industry === industry)) {
      const b = ledger.get(inst.orgCode);
      if (!b) continue;
      for (const ci of b.customers()) {
        const cb = b.customer(ci);
        if (cb) rows += encodeAll(cb, api);
      }
    }
    if (NO_DATA_EXPECTED.has(`${industry}:${api.id}`)) expect(rows).toBe(0);
    else expect(rows, `${api.id} has no data for ${industry}`).toBeGreaterThan(0);
  });
});

describe('보험-003/보험-012: riders and coverages agree', () => {
  it('each rider of each insured person is a coverage of the policy, for the same amount', () => {
    let checked = 0;
    for (const inst of DEMO_INSTITUTIONS.filter((i) => i.industry === 'insu')) {
      const b = ledger.get(inst.orgCode);
      for (const ci of b?.customers() ?? []) {
        const cb = b?.customer(ci);
        for (const h of cb?.holdings('보험-001', NOW) ?? []) {
          const insured = (cb?.snapshot('보험-002', h, { request: {}, now: NOW })?.body['insured_list'] ?? []) as Row[];
          const coverages = (cb?.snapshot('보험-012', h, { request: {}, now: NOW })?.body['coverage_list'] ??
            []) as Row[];
          let riders = 0;
          for (const person of insured) {
            const list = (cb?.snapshot('보험-003', h, { request: { insured_no: person['insured_no'] }, now: NOW })
              ?.body['contract_list'] ?? []) as Row[];
            riders += list.length;
            for (const rider of list) {
              const amount = String(rider['contract_face_amt']);
              expect(
                coverages.some((c) => c['insured_no'] === person['insured_no'] && String(c['coverage_amt']) === amount),
              ).toBe(true);
            }
          }
          expect(coverages.length).toBe(riders);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
