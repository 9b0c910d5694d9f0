import { createLogger, createLogSink } from '@hannun/infra';
import { formatDate, INDUSTRY_LIST, INDUSTRY_SCOPES } from '@hannun/spec';
import type { Temporal } from 'temporal-polyfill';
import { isFailure } from '../check-chain/check-failure.ts';
import { decodeRequest } from '../check-chain/decode-request.ts';
import { parseNpWindows } from '../check-chain/np-time-windows.ts';
import { kstDate, kstDateTime, kstMinuteOfDay, kstToEpochMs } from '../clock/kst.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import { sameKey } from '../consent/consent-assets.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import type { Institution } from '../institutions/institution.ts';
import { createLedger } from '../ledger/create-ledger.ts';
import type { Holding } from '../ledger/ledger.ts';
import { createProviderEngine } from '../server/create-provider-engine.ts';
import { callApi, grantFor, knownFields, OPERATOR_ORG, requestOf, type WireRequest } from './engine-calls.ts';
import { chooseFor, type LedgerChoice } from './ledger-cases.ts';
import type { AssetCase, MatrixWorld } from './matrix-world.ts';

export interface LedgerWorldOptions {
  readonly customers: number;
  readonly seed: number;
  /** First day of the ledger's history. */
  readonly start: Temporal.PlainDate;
  /** Where the manual clock rests, epoch ms. */
  readonly now: number;
}

export interface LedgerWorld extends MatrixWorld {
  /** The cases the data cannot give, one line each: `<org> <API ID>: <what is missing>`. */
  readonly gaps: readonly string[];
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Extra request fields when the asset is not the subject's (the chain refuses it before they matter). */
const PLACEHOLDER_EXTRA: Readonly<Record<string, string>> = { insured_no: '01', car_number: '00가0000' };

/**
 * The negative matrix's world over the synthetic ledger: the 26 demo institutions of all 11 industries,
 * a seeded population, a manual clock. Every information API of every industry is one case, about the
 * institution and customer `chooseFor` finds for it. The valid request asks for the longest period a
 * scheduled call may (31 days, 3 months for the days3m APIs; last month for charge_month).
 */
export function createLedgerWorld(opts: LedgerWorldOptions): LedgerWorld {
  const ledger = createLedger({
    institutions: DEMO_INSTITUTIONS,
    customers: opts.customers,
    seed: opts.seed,
    start: opts.start,
  });
  const clock = createManualClock(opts.now);
  const engine = createProviderEngine({
    institutions: DEMO_INSTITUTIONS,
    books: ledger.values(),
    consents: createMemoryConsentStore(),
    clock,
    config: {
      logger: createLogger({ service: 'ledger-matrix', destination: createLogSink(), level: 'error' }),
      metrics: false,
    },
  });
  const nowTime = kstDateTime(opts.now);
  const today = kstDate(opts.now);

  const institution = (org: string): Institution => {
    const found = DEMO_INSTITUTIONS.find((i) => i.orgCode === org);
    if (!found) throw new Error(`no institution ${org}`);
    return found;
  };
  const api = (org: string, apiId: string): CompiledApi => {
    const found = engine.provider.apisOf(org).find((a) => a.id === apiId);
    if (!found) throw new Error(`${org} does not serve ${apiId}`);
    return found;
  };

  const wireRequest = (
    compiled: CompiledApi,
    org: string,
    holding: Holding | undefined,
    extra: Readonly<Record<string, string>>,
    day: Temporal.PlainDate,
  ): WireRequest => {
    // The longest period a scheduled call may ask for: 31 days, or 3 months for the APIs of that rule.
    const days = compiled.dateRule === 'days3m' ? day.since(day.subtract({ months: 3 })).days : 31;
    const known = {
      ...knownFields(org, day, { days, limit: 2, chargeMonth: day.toPlainYearMonth().subtract({ months: 1 }) }),
      ...extra,
      ...(holding?.key ?? {}),
    };
    return requestOf(compiled, known, holding?.key ?? {}, day);
  };

  // One case per information API of every industry, at the institution and customer chosen for it.
  const choices = new Map<string, LedgerChoice>();
  const cases: [string, string][] = [];
  const gaps: string[] = [];
  for (const industry of INDUSTRY_LIST) {
    const orgs = DEMO_INSTITUTIONS.filter((i) => i.industry === industry).map((i) => i.orgCode);
    for (const compiled of engine.provider.apisOf(orgs[0]!)) {
      const choice = chooseFor(compiled, {
        orgs,
        books: ledger,
        now: nowTime,
        request: (a, org, holding, extra) => {
          const { fields, params } = wireRequest(a, org, holding, extra, today);
          const decoded = decodeRequest(a.decode, a.pathShape, a.decodePath, fields, params);
          if (isFailure(decoded)) throw new Error(`${a.id}: the valid request does not decode: ${decoded.reason}`);
          return decoded.request;
        },
      });
      if (!choice) {
        gaps.push(`${industry} ${compiled.id}: no customer the API answers for`);
        continue;
      }
      choices.set(`${choice.org} ${compiled.id}`, choice);
      cases.push([choice.org, compiled.id]);
      gaps.push(...gapsOf(compiled, choice));
    }
  }
  const choice = (org: string, apiId: string): LedgerChoice => {
    const found = choices.get(`${org} ${apiId}`);
    if (!found) throw new Error(`no case ${org} ${apiId}`);
    return found;
  };

  let consentSerial = 0;
  /** A consent of the customer at the institution: every scope of its industry, every asset it lists. */
  const consentOf = (org: string, ci: string): ConsentRecord => {
    const inst = institution(org);
    const cb = ledger.get(org)?.customer(ci);
    const lists = engine.provider.apisOf(org).filter((a) => a.kind === 'list');
    const holdings = cb ? lists.flatMap((l) => cb.holdings(l.id, nowTime)) : [];
    const end = today.add({ years: 1 });
    return {
      id: `ledger-${org}-${++consentSerial}`,
      orgCode: org,
      ci,
      recipientOrgCode: OPERATOR_ORG,
      clientId: 'hannun-app',
      scopes: [...INDUSTRY_SCOPES[inst.industry]],
      assets: holdings.map((h) => ({ listApi: h.listApi, key: h.key })),
      isScheduled: true,
      fndCycle: '1/w',
      addCycle: '1/w',
      endDate: end,
      purpose: '자산 현황 조회 및 분석',
      period: formatDate(end),
      flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
      createdAt: opts.now - DAY_MS,
    };
  };

  /** The first minute of the clock's Korean day, from its current one on, that is (or is not) in np_time. */
  const windowTime = (org: string, inside: boolean): number => {
    const windows = parseNpWindows(institution(org).npTimes);
    const minute = kstMinuteOfDay(opts.now);
    const midnight = kstToEpochMs(today.year, today.month, today.day);
    for (let i = 0; i < 1440; i++) {
      const m = (minute + i) % 1440;
      if (windows.contains(m) === inside) return m === minute ? opts.now : midnight + m * MINUTE_MS;
    }
    throw new Error(`${org}: np_time covers ${inside ? 'no' : 'every'} minute of the day`);
  };

  return {
    engine,
    clock,
    now: opts.now,
    cases,
    gaps,
    api,
    subjectOf: (org, apiId) => choice(org, apiId).ci,
    grant(org, apiId, grantOpts = {}) {
      const ci = grantOpts.consent?.ci ?? choice(org, apiId).ci;
      return grantFor(engine, clock, { ...consentOf(org, ci), ...grantOpts.consent }, grantOpts);
    },
    validRequest(org, apiId, requestOpts = {}) {
      const c = requestOpts.holding ? choices.get(`${org} ${apiId}`) : choice(org, apiId);
      const holding = requestOpts.holding ?? c?.holding;
      const extra = c && holding === c.holding ? c.extra : PLACEHOLDER_EXTRA;
      return wireRequest(api(org, apiId), org, holding, extra, requestOpts.today ?? today);
    },
    assetCases(org, apiId): AssetCase[] {
      const c = choice(org, apiId);
      const mine = c.holding;
      if (!mine) return [];
      const others = consentOf(org, c.ci).assets.filter((a) => a.listApi !== mine.listApi || !sameKey(a.key, mine.key));
      const out: AssetCase[] = [
        {
          title: 'an asset not in the consent answers 40105',
          holding: mine,
          code: '40105',
          consent: { assets: others },
        },
      ];
      if (c.theirs) out.push({ title: "someone else's asset answers 40402", holding: c.theirs, code: '40402' });
      if (c.abnormal) {
        const { holding, ci } = c.abnormal;
        const elsewhere = c.abnormal.org === org ? {} : { org: c.abnormal.org };
        const title = `a ${holding.status} asset${elsewhere.org ? ` (at ${elsewhere.org})` : ''} answers 40305`;
        out.push({ title, holding, code: '40305', consent: { ci }, ...elsewhere });
      }
      return out;
    },
    secondAsset: (org, apiId) => choice(org, apiId).second,
    items: (org, apiId) => choice(org, apiId).items,
    oldTimestamp: '19900101000000',
    call: (org, apiId, callOpts) => callApi(engine, institution(org).basePath, api(org, apiId), callOpts),
    inWindow: (org) => windowTime(org, true),
    outsideWindow: (org) => windowTime(org, false),
    otherOrg: (org) => DEMO_INSTITUTIONS.find((i) => i.orgCode !== org)!.orgCode,
    completeRows: false,
    close: () => engine.stop(),
  };
}

/** What the chosen customer and institution cannot give the API's cases. */
function gapsOf(api: CompiledApi, c: LedgerChoice): string[] {
  const at = `${c.org} ${api.id}`;
  const gaps: string[] = [];
  if (api.asset && !c.theirs) gaps.push(`${at}: no one else's asset (40402)`);
  if (api.asset && !c.abnormal) gaps.push(`${at}: no asset of any institution in a state other than normal (40305)`);
  if (api.paginated && c.items < 2) gaps.push(`${at}: fewer than two items, no next_page to alter or replay`);
  if (api.paginated && api.asset && c.items >= 2 && !c.second) gaps.push(`${at}: no second asset to replay against`);
  if (c.items === 0) gaps.push(`${at}: an empty answer`);
  return gaps;
}
