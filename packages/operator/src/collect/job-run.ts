import type { Registry } from '@hannun/registry';
import type { Transaction } from '@hannun/store';
import { type ApiSpec, encodeValue, type Industry } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import type { ConsentRecord } from '../consent/consents.ts';
import { cycleDays } from '../consent/cycle.ts';
import type { Secret } from '../crypto/secret.ts';
import type { AssetRef, StoreResult } from '../model/collected-data.ts';
import type { OperatorDomain } from '../operator-domain.ts';
import { recordTransmission } from '../records/transmission-records.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { OperatorError } from '../shared/operator-error.ts';
import { kstDate, parseYmd } from '../time/kst.ts';
import { lyingTimestamp, outsidePeriod } from './answer-checks.ts';
import { appliesTo, assetFields, type CollectPlan, collectPlan, rowsIn } from './collect-plan.ts';
import type { ApiState, CollectState } from './collect-state.ts';
import type { CollectJob, JobStore, Lease, Reason, StepMark } from './job-store.ts';
import { type NpWindows, parseNpWindows } from './np-time.ts';
import { mergeCoverage, type Period, type PeriodRule, periodsFor } from './periods.ts';
import type { CollectPhase, ProgressCounts, ProgressHub } from './progress.ts';
import type { CallResult } from './provider-client.ts';
import type { ResilientCaller } from './resilient-caller.ts';
import { verdictOf } from './retry-policy.ts';
import { TokenUnavailable, type TokenKeeper } from './token-keeper.ts';

/** What a job run needs from the engine. */
export interface JobDeps {
  readonly domain: OperatorDomain;
  readonly registry: Registry;
  readonly jobs: JobStore;
  readonly state: CollectState;
  readonly caller: ResilientCaller;
  readonly tokens: TokenKeeper;
  readonly progress: ProgressHub;
  /** How long to put a job off when a provider stays unavailable after the retries (grows per attempt). */
  readonly unavailableBackoffMs: (attempt: number) => number;
  /** After this many claims a job whose provider stays unavailable fails. */
  readonly maxAttempts: number;
  /** How long to put a job off for a provider's maintenance (50008). */
  readonly maintenanceMs: number;
  /**
   * Runs a unit — its pages fetched, stored and its step written — when the engine's unit gate lets it:
   * fetched pages are held until stored, so this bounds the memory of many jobs at once (the database
   * writer, not the number of jobs, sets the pace).
   */
  readonly unitGate: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** How a run ended, for the engine to write down. */
export type JobEnd =
  | { readonly status: 'done'; readonly counts: ProgressCounts; readonly failedUnits: number; readonly reason?: Reason }
  | { readonly status: 'failed'; readonly reason: Reason; readonly counts?: ProgressCounts }
  | { readonly status: 'cancelled'; readonly reason: Reason }
  | { readonly status: 'deferred'; readonly until: number; readonly reason: Reason }
  | { readonly status: 'stopped' };

export const REASONS = {
  consentEnded: { code: 'consent-ended', ko: '전송요구가 종료되었습니다', en: 'the consent is no longer active' },
  providerEnded: {
    code: 'consent-ended-at-provider',
    ko: '정보제공자에서 전송요구 종료시점이 지났습니다',
    en: 'the provider says the consent has ended (40106)',
  },
  noBaseUrl: {
    code: 'no-base-url',
    ko: '기관의 API 주소를 알 수 없습니다',
    en: 'the registry has no API address for this institution',
  },
  npTime: {
    code: 'np-time',
    ko: '정기적 전송 가능 시간(np_time)이 아니라 다음 시간대에 수집합니다',
    en: "outside the provider's non-peak window: collected in the next one",
  },
  maintenance: {
    code: 'maintenance',
    ko: '기관이 정기 점검 중이라 나중에 다시 수집합니다',
    en: 'the provider is under maintenance: collected later',
  },
  unavailable: {
    code: 'unavailable',
    ko: '기관의 응답이 없거나 오류가 계속되어 나중에 다시 수집합니다',
    en: 'the provider did not answer or kept failing: collected later',
  },
  gaveUp: {
    code: 'unavailable',
    ko: '기관의 응답이 계속 없어 수집하지 못했습니다',
    en: 'the provider stayed unavailable: collection failed',
  },
  malformed: {
    code: 'malformed',
    ko: '기관이 표준에 맞지 않는 응답을 보내 해당 정보를 저장하지 않았습니다',
    en: 'the provider sent an answer the standard does not allow: not stored',
  },
  refused: { code: 'refused', ko: '기관이 요청을 거절했습니다', en: 'the provider refused the request' },
  modelRefused: {
    code: 'model-refused',
    ko: '받은 정보를 저장할 수 없어 보관하지 않았습니다',
    en: 'the answer could not be stored: kept nowhere',
  },
  pagination: {
    code: 'pagination-loop',
    ko: '기관의 페이지 정보가 올바르지 않아 중단했습니다',
    en: 'the provider’s next_page cursors do not end: stopped',
  },
  token: {
    code: 'token-refused',
    ko: '기관이 접근토큰을 거절했습니다. 기관을 다시 연결해 주세요',
    en: 'the provider refused the access token even after a refresh: connect again',
  },
  noAsset: { code: 'no-asset', ko: '해당 자산을 찾을 수 없습니다', en: 'no such asset of the person here' },
} satisfies Record<string, Reason>;

class Defer extends Error {
  constructor(
    readonly until: number,
    readonly reason: Reason,
  ) {
    super(reason.en);
  }
}
class Stop extends Error {
  constructor(
    readonly status: 'failed' | 'cancelled',
    readonly reason: Reason,
  ) {
    super(reason.en);
  }
}
class Stopped extends Error {}

/** One unit: one API for one asset (or the person) and one period, bill, month or insured person. */
interface Unit {
  readonly key: string;
  readonly api: ApiSpec;
  readonly phase: CollectPhase;
  readonly assetId?: string;
  /** op_collect_state's asset_key. */
  readonly stateKey: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly params?: Readonly<Record<string, string>>;
  /** Request fields the answer does not repeat, for the model. */
  readonly request?: Readonly<Record<string, string>>;
  readonly period?: Period;
}

interface UnitOutcome {
  readonly status: StepMark['status'];
  readonly rows: number;
  readonly assets?: readonly AssetRef[];
}

const MAX_PAGES = 2_000;
const DAY = 86_400_000;
const DATE = { kind: 'DATE' } as const;
const MONTH = { kind: 'MONTH' } as const;
const wire = (type: typeof DATE | typeof MONTH, v: Temporal.PlainDate | Temporal.PlainYearMonth) =>
  encodeValue(type, v as never, { field: 'period', location: 'query' });

/**
 * One run of one job: the person's consent at one institution, collected phase by phase, unit by unit,
 * one call after another (never a period split into concurrent calls). Each unit's pages are validated,
 * stored together (`data.store`, idempotent) and — in the same transaction, fenced by the job's lease —
 * its transmission records, its step mark and the API's search_timestamp and coverage are written. A run
 * interrupted anywhere (kill -9) is resumed from the step marks: stored units are skipped, an interrupted
 * one is fetched again and stored again without a duplicate.
 */
export class JobRun {
  readonly #d: JobDeps;
  readonly #job: CollectJob;
  readonly #lease: Lease;
  readonly #signal: AbortSignal;
  #consent!: ConsentRecord;
  #industry!: Industry;
  #baseUrl!: string;
  #windows: NpWindows | undefined;
  #token!: Secret;
  #steps = new Map<string, StepMark>();
  #states = new Map<string, ApiState>();
  #plan!: CollectPlan;
  #today!: Temporal.PlainDate;
  #phase: CollectPhase = 'listing';
  #done = 0;
  #total = 0;
  #assets = 0;
  #rows = 0;
  #calls = 0;
  #failed: Reason[] = [];
  readonly #closed = new Set<string>();

  constructor(deps: JobDeps, job: CollectJob, lease: Lease, signal: AbortSignal) {
    this.#d = deps;
    this.#job = job;
    this.#lease = lease;
    this.#signal = signal;
  }

  #now(): number {
    return this.#d.domain.clock.nowMs();
  }

  #counts(): ProgressCounts {
    return { done: this.#done, total: this.#total, assets: this.#assets, rows: this.#rows, calls: this.#calls };
  }

  #base() {
    const j = this.#job;
    return { personId: j.personId, orgCode: j.orgCode, jobId: j.id, apiType: j.apiType, at: this.#now() };
  }

  async run(): Promise<JobEnd> {
    try {
      const ready = await this.#prepare();
      if (ready) return ready;
      if (this.#job.apiType === 'user-search') await this.#search();
      else {
        const assets = await this.#listing();
        await this.#perAsset('basic', assets);
        await this.#perAsset('detail', assets);
        await this.#perAsset('transactions', assets);
      }
      const counts = this.#counts();
      return this.#failed.length > 0
        ? { status: 'failed', reason: this.#failed[0]!, counts }
        : { status: 'done', counts, failedUnits: 0 };
    } catch (e) {
      if (e instanceof Defer) return { status: 'deferred', until: e.until, reason: e.reason };
      if (e instanceof Stop) return e.status === 'failed' ? { status: 'failed', reason: e.reason } : e;
      if (e instanceof Stopped || this.#signal.aborted) return { status: 'stopped' };
      if (e instanceof TokenUnavailable) return { status: 'failed', reason: e.reason };
      throw e;
    }
  }

  /** Consent, address, np_time window, token, and what earlier runs of this job finished. */
  async #prepare(): Promise<JobEnd | undefined> {
    const { domain, registry } = this.#d;
    const j = this.#job;
    const consent = await domain.consents.get(j.personId, j.consentId);
    if (consent?.status !== 'active') return { status: 'cancelled', reason: REASONS.consentEnded };
    this.#consent = consent;
    this.#industry = consent.industry;
    const org = registry.org(j.orgCode);
    if (!org?.baseUrl) return { status: 'failed', reason: REASONS.noBaseUrl };
    this.#baseUrl = org.baseUrl;
    if (j.apiType === 'scheduled') {
      this.#windows = parseNpWindows(org.npTimes);
      const now = this.#now();
      if (!this.#windows.isOpen(now)) {
        return { status: 'deferred', until: this.#windows.nextOpening(now), reason: REASONS.npTime };
      }
    }
    this.#token = await this.#d.tokens.access(j.personId, j.orgCode, this.#baseUrl);
    this.#steps = await this.#d.jobs.steps(j.id);
    this.#states = await this.#d.state.forInstitution(j.personId, j.orgCode);
    this.#plan = collectPlan(this.#industry, consent.scopes);
    this.#today = kstDate(this.#now());
    return undefined;
  }

  #startPhase(phase: CollectPhase, total: number): void {
    this.#phase = phase;
    this.#done = 0;
    this.#total = total;
    this.#d.progress.emit({ ...this.#base(), type: 'phase', phase, counts: this.#counts() });
  }

  #unitDone(apiId: string): void {
    this.#done++;
    this.#d.progress.emit({ ...this.#base(), type: 'progress', phase: this.#phase, apiId, counts: this.#counts() });
  }

  /** The list APIs: every asset the person holds here, stored (and delisted when gone). */
  async #listing(): Promise<AssetRef[]> {
    const lists = this.#plan.lists.filter((api) => this.#due(api, ''));
    this.#startPhase('listing', lists.length);
    for (const api of lists) {
      await this.#unit({
        key: `${api.id}|`,
        api,
        phase: 'listing',
        stateKey: '',
        fields: { org_code: this.#job.orgCode },
      });
      this.#unitDone(api.id);
    }
    const assets = (await this.#d.domain.data.assets(this.#job.personId, { orgCode: this.#job.orgCode })).filter(
      (a) => a.isConsent,
    );
    this.#assets = assets.length;
    return assets;
  }

  /** A scheduled collection asks an API only when its cycle (기본: fnd_cycle, 추가: add_cycle) is due. */
  #due(api: ApiSpec, stateKey: string): boolean {
    if (this.#job.apiType !== 'scheduled') return true;
    const st = this.#states.get(`${api.id}|${stateKey}`);
    if (!st) return true;
    const days = cycleDays(api.cycle === '기본' ? this.#consent.fndCycle : this.#consent.addCycle) ?? 7;
    return this.#now() - st.collectedAt >= days * DAY;
  }

  async #perAsset(phase: Exclude<CollectPhase, 'listing'>, assets: readonly AssetRef[]): Promise<void> {
    const pairs: { api: ApiSpec; asset: AssetRef }[] = [];
    for (const asset of assets) {
      for (const api of this.#plan.assetApis[phase]) {
        if (appliesTo(api, this.#industry, asset) && this.#due(api, asset.id)) pairs.push({ api, asset });
      }
    }
    const person = this.#plan.personApis[phase].filter((api) => this.#due(api, ''));
    this.#startPhase(phase, pairs.length + person.length);
    for (const { api, asset } of pairs) {
      await this.#assetApi(phase, api, asset);
      this.#unitDone(api.id);
    }
    for (const api of person) {
      await this.#personApi(phase, api);
      this.#unitDone(api.id);
    }
  }

  /** user-search: the transactions of one asset, back as far as asked (5 years at most), less what is held. */
  async #search(): Promise<void> {
    const assetId = this.#job.assetId;
    const asset = (await this.#d.domain.data.assets(this.#job.personId, { orgCode: this.#job.orgCode })).find(
      (a) => a.id === assetId,
    );
    if (!asset?.isConsent) throw new Stop('failed', REASONS.noAsset);
    this.#assets = 1;
    const apis = this.#plan.assetApis.transactions.filter((api) => appliesTo(api, this.#industry, asset));
    this.#startPhase('transactions', apis.length);
    for (const api of apis) {
      await this.#assetApi('transactions', api, asset);
      this.#unitDone(api.id);
    }
  }

  async #assetApi(phase: Exclude<CollectPhase, 'listing'>, api: ApiSpec, asset: AssetRef): Promise<void> {
    // An asset the provider said is not in normal state (40305) or closed since the consent (40404): its
    // other APIs would say the same, so they are not asked in this run.
    if (this.#closed.has(asset.id)) return;
    const { fields, params } = assetFields(api, asset);
    const base = { org_code: this.#job.orgCode, ...fields };
    if (api.id === '보험-003') {
      for (const insuredNo of await this.#insuredOf(asset)) {
        const request = { insured_no: insuredNo };
        await this.#unit({
          key: `${api.id}|${asset.id}|${insuredNo}`,
          api,
          phase,
          assetId: asset.id,
          stateKey: `${asset.id}|${insuredNo}`,
          fields: { ...base, ...request },
          params,
          request,
        });
      }
      return;
    }
    if (api.id === '보험-007') {
      for (const car of await this.#carsOf(asset)) {
        const ref = this.#d.domain.crypto.index.index('op_collect.car_number', car).slice(0, 16);
        await this.#periods(api, phase, `${asset.id}|car:${ref}`, base, params, asset.id, { car_number: car });
      }
      return;
    }
    if (api.dateRule !== 'none') {
      await this.#periods(api, phase, asset.id, base, params, asset.id);
      return;
    }
    await this.#unit({
      key: `${api.id}|${asset.id}`,
      api,
      phase,
      assetId: asset.id,
      stateKey: asset.id,
      fields: base,
      params,
    });
  }

  async #personApi(phase: Exclude<CollectPhase, 'listing'>, api: ApiSpec): Promise<void> {
    const base = { org_code: this.#job.orgCode };
    if (api.id === '카드-005') {
      for (const bill of await this.#billsToDetail()) {
        const request = { charge_month: bill.chargeMonth, ...(bill.seqno ? { seqno: bill.seqno } : {}) };
        await this.#unit({
          key: `${api.id}|${bill.chargeMonth}|${bill.seqno}`,
          api,
          phase,
          stateKey: '',
          fields: { ...base, charge_month: bill.chargeMonth, ...(bill.seqno ? { seqno: bill.seqno } : {}) },
          request,
          period: this.#monthPeriod(bill.chargeMonth),
        });
      }
      return;
    }
    if (api.id === '통신-002') {
      const st = this.#states.get(`${api.id}|`);
      for (const p of this.#periodsOf('months', st)) {
        for (let m = p.from.toPlainYearMonth(); Temporal.PlainYearMonth.compare(m, p.to.toPlainYearMonth()) <= 0; ) {
          const month = wire(MONTH, m);
          await this.#unit({
            key: `${api.id}|${month}`,
            api,
            phase,
            stateKey: '',
            fields: { ...base, charge_month: month },
            request: { charge_month: month },
            period: this.#monthPeriod(month),
          });
          m = m.add({ months: 1 });
        }
      }
      return;
    }
    if (api.dateRule !== 'none') {
      await this.#periods(api, phase, '', base, undefined, undefined);
      return;
    }
    await this.#unit({ key: `${api.id}|`, api, phase, stateKey: '', fields: base });
  }

  #periodsOf(rule: PeriodRule, st: ApiState | undefined): Period[] {
    const search =
      this.#job.apiType === 'user-search'
        ? {
            ...(this.#job.params.from ? { from: parseYmd(this.#job.params.from) } : {}),
            ...(this.#job.params.to ? { to: parseYmd(this.#job.params.to) } : {}),
          }
        : undefined;
    return periodsFor({
      rule,
      apiType: this.#job.apiType,
      today: this.#today,
      coverage: st?.consentId === this.#consent.id ? st.coverage : undefined,
      search,
    });
  }

  /** A dated API: its periods for this x-api-type, one after another. */
  async #periods(
    api: ApiSpec,
    phase: CollectPhase,
    stateKey: string,
    base: Readonly<Record<string, string>>,
    params: Readonly<Record<string, string>> | undefined,
    assetId: string | undefined,
    extra?: Readonly<Record<string, string>>,
  ): Promise<void> {
    const rule = api.dateRule as PeriodRule;
    for (const period of this.#periodsOf(rule, this.#states.get(`${api.id}|${stateKey}`))) {
      const range: Record<string, string> =
        rule === 'months'
          ? {
              from_month: wire(MONTH, period.from.toPlainYearMonth()),
              to_month: wire(MONTH, period.to.toPlainYearMonth()),
            }
          : { from_date: wire(DATE, period.from), to_date: wire(DATE, period.to) };
      const outcome = await this.#unit({
        key: `${api.id}|${stateKey}|${wire(DATE, period.from)}`,
        api,
        phase,
        ...(assetId !== undefined ? { assetId } : {}),
        stateKey,
        fields: { ...base, ...extra, ...range },
        ...(params ? { params } : {}),
        ...(extra ? { request: extra } : {}),
        period,
      });
      // A scheduled step refused for its cycle: the later steps wait for the next cycle too.
      if (outcome.status !== 'done') return;
    }
  }

  async #insuredOf(asset: AssetRef): Promise<string[]> {
    const rows = await this.#d.domain.data.rows(this.#job.personId, 'op_m_insurance', { assetId: asset.id });
    const list = rows.find((r) => r.apiId === '보험-002')?.values['insured_list'];
    if (!Array.isArray(list)) return [];
    return list
      .map((i) => (i as Record<string, unknown>)['insured_no'])
      .filter((n): n is string => typeof n === 'string');
  }

  async #carsOf(asset: AssetRef): Promise<string[]> {
    const rows = await this.#d.domain.data.rows(this.#job.personId, 'op_m_car_insurance', { assetId: asset.id });
    return [...new Set(rows.map((r) => r.values['car_number']).filter((c): c is string => typeof c === 'string'))];
  }

  /**
   * Bills of 카드-004 (from the model) to ask 카드-005 about: from the month the last 카드-005 reached (that
   * month again: a bill may change until it is paid), or the last 12 months right after a consent.
   */
  async #billsToDetail(): Promise<{ chargeMonth: string; seqno: string }[]> {
    const st = this.#states.get('카드-005|');
    const thisMonth = this.#today.toPlainYearMonth();
    const held = st?.consentId === this.#consent.id ? st.coverage : undefined;
    const from =
      this.#job.apiType === 'user-consent' || !held ? thisMonth.subtract({ months: 11 }) : held.to.toPlainYearMonth();
    const fromWire = wire(MONTH, from);
    const rows = await this.#d.domain.data.rows(this.#job.personId, 'op_m_card_bill', {
      orgCode: this.#job.orgCode,
      limit: 5_000,
    });
    const out = new Map<string, { chargeMonth: string; seqno: string }>();
    for (const r of rows) {
      const month = r.values['charge_month'];
      const seqno = r.values['seqno'];
      if (typeof month !== 'string' || month < fromWire) continue;
      out.set(`${month}|${seqno ?? ''}`, { chargeMonth: month, seqno: typeof seqno === 'string' ? seqno : '' });
    }
    return [...out.values()].sort(
      (a, b) => a.chargeMonth.localeCompare(b.chargeMonth) || a.seqno.localeCompare(b.seqno),
    );
  }

  /** The dates of a charge month, up to today. */
  #monthPeriod(month: string): Period {
    const m = Temporal.PlainYearMonth.from({ year: Number(month.slice(0, 4)), month: Number(month.slice(4, 6)) });
    const last = m.toPlainDate({ day: m.daysInMonth });
    return {
      from: m.toPlainDate({ day: 1 }),
      to: Temporal.PlainDate.compare(last, this.#today) > 0 ? this.#today : last,
    };
  }

  /**
   * One unit: its pages one after another (search_timestamp on the first page only), then stored together,
   * then recorded. Skips a unit an earlier run of the job finished.
   */
  async #unit(u: Unit): Promise<UnitOutcome> {
    const prior = this.#steps.get(u.key);
    if (prior) return { status: prior.status, rows: prior.rows };
    if (this.#signal.aborted) throw new Stopped();
    return this.#d.unitGate(() => this.#fetchAndStore(u));
  }

  async #fetchAndStore(u: Unit): Promise<UnitOutcome> {
    if (this.#signal.aborted) throw new Stopped();
    const j = this.#job;
    const stateId = `${u.api.id}|${u.stateKey}`;
    const st = this.#states.get(stateId);
    const first: Record<string, string> = { ...u.fields };
    if (u.api.timestamp) {
      first.search_timestamp = st?.consentId === this.#consent.id && st.searchTimestamp ? st.searchTimestamp : '0';
    }
    if (u.api.paginated && u.api.request.shape.some((n) => n.name === 'limit')) first.limit = '500';
    const pages: Readonly<Record<string, unknown>>[] = [];
    const tries: CallResult[] = [];
    const cursors = new Set<string>();
    let fields = first;
    let upToDate = false;
    let refreshed = false;
    let failure: Reason | undefined;
    let skipped: StepMark['rspCode'] | undefined;
    try {
      for (;;) {
        if (this.#signal.aborted) throw new Stopped();
        if (this.#windows && !this.#windows.isOpen(this.#now())) {
          throw new Defer(this.#windows.nextOpening(this.#now()), REASONS.npTime);
        }
        const { result, tries: made } = await this.#d.caller.call(j.orgCode, {
          baseUrl: this.#baseUrl,
          industry: this.#industry,
          apiId: u.api.id,
          apiType: j.apiType,
          accessToken: this.#token,
          fields,
          ...(u.params ? { params: u.params } : {}),
          signal: this.#signal,
        });
        tries.push(...made);
        this.#calls += made.length;
        if (result.kind === 'circuit-open') {
          if (j.attempts >= this.#d.maxAttempts) throw new Stop('failed', REASONS.gaveUp);
          // The breaker keeps wall-clock time; the job's not_before is the domain clock's.
          throw new Defer(this.#now() + Math.max(0, result.until - Date.now()), REASONS.unavailable);
        }
        const verdict = verdictOf(result);
        if (verdict === 'ok') {
          if (result.kind === 'up-to-date') {
            if (pages.length === 0) upToDate = true;
            break;
          }
          if (result.kind !== 'ok') break;
          pages.push(result.body);
          const next = result.body['next_page'];
          if (!u.api.paginated || typeof next !== 'string' || next === '') break;
          if (cursors.has(next) || pages.length >= MAX_PAGES) {
            failure = REASONS.pagination;
            break;
          }
          cursors.add(next);
          const { search_timestamp: _st, ...rest } = first;
          fields = { ...rest, next_page: next };
          continue;
        }
        if (verdict === 'token' && !refreshed) {
          refreshed = true;
          this.#token = await this.#d.tokens.refresh(j.personId, j.orgCode, this.#baseUrl);
          continue;
        }
        if (verdict === 'token') throw new Stop('failed', REASONS.token);
        if (verdict === 'ended') throw new Stop('failed', REASONS.providerEnded);
        if (verdict === 'retry') {
          if (j.attempts >= this.#d.maxAttempts) throw new Stop('failed', REASONS.gaveUp);
          const wait = result.retryAfterMs ?? this.#d.unavailableBackoffMs(j.attempts);
          throw new Defer(this.#now() + wait, REASONS.unavailable);
        }
        if (verdict === 'window') {
          const code = result.kind === 'refused' ? result.rspCode : '';
          const now = this.#now();
          const until =
            code === '50009'
              ? (this.#windows ?? parseNpWindows(this.#d.registry.org(j.orgCode)?.npTimes)).nextOpening(now + 60_000)
              : now + this.#d.maintenanceMs;
          throw new Defer(until, code === '50009' ? REASONS.npTime : REASONS.maintenance);
        }
        if (verdict === 'skip' || verdict === 'cycle') {
          skipped = result.kind === 'refused' ? result.rspCode : null;
          if (u.assetId !== undefined && (skipped === '40305' || skipped === '40404')) this.#closed.add(u.assetId);
          break;
        }
        failure =
          result.kind === 'malformed'
            ? { ...REASONS.malformed, en: `${REASONS.malformed.en} (${u.api.id} ${result.field})` }
            : {
                ...REASONS.refused,
                en: `${REASONS.refused.en} (${u.api.id} ${result.kind === 'refused' ? result.rspCode : result.kind})`,
              };
        break;
      }
    } catch (e) {
      if (e instanceof Defer || e instanceof Stop) await this.#record(tries, u, false);
      throw e;
    }

    // A provider lying about time: the whole answer refused (answer-checks.ts).
    let refusal: string | undefined;
    if (!failure && skipped === undefined && pages.length > 0) {
      failure =
        lyingTimestamp(u.api, first.search_timestamp, pages[0]?.['search_timestamp'], this.#now()) ??
        (u.period ? outsidePeriod(u.api, pages, u.period) : undefined);
      refusal = failure?.code;
    }
    let stored: StoreResult | undefined;
    let step: { mark: StepMark; next: ApiState | undefined } | undefined;
    if (!failure && skipped === undefined && pages.length > 0) {
      let stepError: unknown;
      try {
        stored = await this.#d.domain.data.store(
          {
            personId: j.personId,
            orgCode: j.orgCode,
            apiId: u.api.id,
            apiType: j.apiType,
            collectedAt: this.#now(),
            pages,
            ...(u.assetId !== undefined ? { assetId: u.assetId } : {}),
            ...(u.request ? { request: u.request } : {}),
            flags: this.#consent.flags,
            complete: true,
          },
          // The step (records, mark, API state, fenced by the lease) commits with the rows or neither does;
          // written first, so the rows other units share (rollups) stay locked no longer than before.
          async (trx) => {
            try {
              const now = this.#now();
              const done = this.#stepOf(u, st, pages, tries, 'done', true, upToDate, now);
              await this.#writeStep(trx, tries, u, true, undefined, done, now);
              step = done;
            } catch (e) {
              stepError = e;
              throw e;
            }
          },
        );
      } catch (e) {
        if (e === stepError || !(e instanceof OperatorError)) throw e;
        step = undefined;
        failure = { ...REASONS.modelRefused, en: `${REASONS.modelRefused.en} (${u.api.id}: ${e.message})` };
      }
    }
    if (!stored || !step) {
      const status: StepMark['status'] = failure ? 'failed' : skipped !== undefined ? 'skipped' : 'done';
      const now = this.#now();
      const done = this.#stepOf(u, st, pages, tries, status, false, upToDate, now);
      await this.#d.domain.store.transaction((trx) => this.#writeStep(trx, tries, u, false, refusal, done, now));
      step = done;
    }
    const { mark, next } = step;
    this.#steps.set(u.key, mark);
    if (next) this.#states.set(stateId, next);
    this.#rows += mark.rows;
    if (failure) this.#failed.push(failure);
    return { status: mark.status, rows: mark.rows, ...(stored?.assets ? { assets: stored.assets } : {}) };
  }

  /** A finished unit's step mark and, when it is done, the API's next state (search_timestamp, coverage). */
  #stepOf(
    u: Unit,
    st: ApiState | undefined,
    pages: readonly Readonly<Record<string, unknown>>[],
    tries: readonly CallResult[],
    status: StepMark['status'],
    stored: boolean,
    upToDate: boolean,
    now: number,
  ): { mark: StepMark; next: ApiState | undefined } {
    const rows = stored ? pages.reduce((n, p) => n + rowsIn(u.api.id, p), 0) : 0;
    const lastCode = tries.at(-1);
    const mark: StepMark = {
      key: u.key,
      status,
      rspCode: lastCode && 'rspCode' in lastCode ? (lastCode.rspCode ?? null) : null,
      rows,
    };
    if (status !== 'done') return { mark, next: undefined };
    const firstTs = pages[0]?.['search_timestamp'];
    const next: ApiState = {
      consentId: this.#consent.id,
      searchTimestamp:
        typeof firstTs === 'number' || typeof firstTs === 'string'
          ? String(firstTs)
          : upToDate && st?.consentId === this.#consent.id
            ? st.searchTimestamp
            : null,
      coverage: u.period
        ? mergeCoverage(st?.consentId === this.#consent.id ? st.coverage : undefined, u.period)
        : st?.coverage,
      collectedAt: now,
    };
    return { mark, next };
  }

  /** The unit's step, inside `trx` and fenced by the job's lease: its calls' records, its mark, the API's state. */
  async #writeStep(
    trx: Transaction<OperatorDatabase>,
    tries: readonly CallResult[],
    u: Unit,
    stored: boolean,
    refusal: string | undefined,
    step: { mark: StepMark; next: ApiState | undefined },
    now: number,
  ): Promise<void> {
    const j = this.#job;
    await this.#d.jobs.fence(trx, this.#lease);
    await this.#records(trx, tries, u, stored, refusal);
    await this.#d.jobs.markStep(trx, j, step.mark, now);
    if (step.next)
      await this.#d.state.put(
        trx,
        { personId: j.personId, orgCode: j.orgCode, apiId: u.api.id, assetKey: u.stateKey },
        step.next,
      );
  }

  /** Transmission records of calls whose unit did not finish (put off, stopped): written at once. */
  async #record(tries: readonly CallResult[], u: Unit, stored: boolean): Promise<void> {
    if (tries.length === 0) return;
    await this.#d.domain.store.transaction((trx) => this.#records(trx, tries, u, stored));
  }

  async #records(
    db: Parameters<typeof recordTransmission>[0],
    tries: readonly CallResult[],
    u: Unit,
    stored: boolean,
    refusal?: string,
  ): Promise<void> {
    const j = this.#job;
    for (const t of tries) {
      const received = t.kind === 'ok' ? rowsIn(u.api.id, t.body) : 0;
      await recordTransmission(db, {
        personRef: j.personId,
        consentId: j.consentId,
        orgCode: j.orgCode,
        apiId: u.api.id,
        apiType: j.apiType,
        tranId: t.tranId,
        requestedAt: t.requestedAt,
        durationMs: t.durationMs,
        httpStatus: t.httpStatus,
        rspCode: 'rspCode' in t ? t.rspCode : null,
        rowsReceived: received,
        rowsStored: stored ? received : 0,
        failure:
          t.kind === 'timeout' || t.kind === 'connection' || t.kind === 'malformed'
            ? t.kind
            : stored || t.kind !== 'ok'
              ? null
              : (refusal ?? 'not-stored'),
      });
    }
  }
}
