import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@hannun/infra';
import type { OperatorDomain } from '../operator-domain.ts';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import { kstDateTime } from '../time/kst.ts';
import { expiriesFrom } from '../vault/token-vault.ts';
import type { CaClient, SignRequestInput } from './ca-client.ts';
import type { Collector } from './collector.ts';
import { type FailureReason, failureReason } from './failure-reason.ts';
import type { LiveProgress } from './live-progress.ts';
import type { PendingFlows } from './pending-flows.ts';
import type { ProviderAuthClient } from './provider-auth-client.ts';
import { opaqueId, randomDigits } from './random-ids.ts';

export type FlowStatus = 'waiting' | 'connecting' | 'done' | 'refused' | 'expired' | 'failed';

/** One institution of a flow, as the app shows it. */
export interface FlowInstitution {
  readonly orgCode: string;
  readonly consentId: string;
  readonly status: 'waiting' | 'connected' | 'failed';
  readonly reason?: FailureReason;
}

/** A 통합인증 flow as the app sees it: where the person signs, and how far each institution got. */
export interface FlowView {
  readonly id: string;
  readonly status: FlowStatus;
  /** The CA's approval page: open it in the person's browser. */
  readonly caPageUrl: string;
  readonly expiresAt: number;
  readonly institutions: readonly FlowInstitution[];
  readonly reason?: FailureReason;
}

export interface IntegratedAuthOptions {
  readonly domain: OperatorDomain;
  readonly ca: CaClient;
  /** The CA's ca_code (in sign_tx_id, tx_id and 통합인증-002's ca_code). */
  readonly caCode: string;
  /** The CA's pages service: the person approves at `<caPagesUrl>/sign/<cert_tx_id>`. */
  readonly caPagesUrl: string;
  readonly providers: ProviderAuthClient;
  readonly hub: LiveProgress;
  readonly collector: Collector;
  readonly logger: Logger;
  /** How often 통합인증-103 is asked while the person has not signed. Default 1 s. */
  readonly pollMs?: number;
  /** How long the operator waits for the person (the CA's own limit ends it sooner). Default 10 minutes. */
  readonly waitMs?: number;
  /** The title on the CA's page. */
  readonly requestTitle?: string;
  /** Where flows are kept (op_pending_flow, kind `integrated`), so any process answers and one takes over. */
  readonly flows: PendingFlows;
  /** How long this process holds a flow it polls without renewing (wall clock). Default 15 s. */
  readonly leaseMs?: number;
}

interface Item {
  readonly orgCode: string;
  readonly consentId: string;
  readonly txId: string;
  readonly consent: string;
  status: FlowInstitution['status'];
  reason?: FailureReason;
}

/** What the database keeps of a flow (sealed with the operator's KEK: the CI and the consent texts). */
interface StoredFlow {
  readonly id: string;
  readonly ci: string;
  readonly certTxId: string;
  readonly signTxId: string;
  readonly caPageUrl: string;
  readonly expiresAt: number;
  readonly items: Item[];
  readonly reason?: FailureReason;
}

interface Flow {
  readonly id: string;
  readonly personId: string;
  readonly ci: string;
  readonly certTxId: string;
  readonly signTxId: string;
  readonly caPageUrl: string;
  readonly expiresAt: number;
  readonly items: Item[];
  status: FlowStatus;
  reason?: FailureReason;
  done: Promise<void>;
  finishedAt?: number;
  /** The row's version this process last wrote (compare-and-set). */
  version: number;
}

/** This process no longer holds the flow (another took it over): stop quietly. */
class LeaseLost extends Error {}

const FINAL: ReadonlySet<FlowStatus> = new Set(['done', 'refused', 'expired', 'failed']);

/** Finished flows are kept this long for the app to read their outcome. */
const KEEP_FINISHED_MS = 30 * 60_000;

/**
 * 통합인증 for a person's pending consents (integrated path): one signing request at the CA over all of them
 * (통합인증-101/102), the CA's page URL to the app, then 통합인증-103 polled in the background until the person
 * signs, refuses or the request expires. Once signed, 통합인증-002 at every institution at once; each pair goes
 * into the vault, its consent becomes active, and `user-consent` collection starts for the connected ones.
 * One institution failing costs only that institution. Progress goes to the hub as it happens.
 *
 * Flows live in the database (op_pending_flow): any app process answers `view`; the process that polls holds a
 * lease it renews at every poll, and when it stops (a restart, a crash) another process — or the same one
 * started again — takes over a waiting flow (`resume`, also every few leases). A flow interrupted while
 * connecting ends `failed` for the institutions not yet connected (the CA's signature is used once at a
 * provider, so 통합인증-002 is not repeated); the person connects those again.
 */
export class IntegratedAuth {
  readonly #o: IntegratedAuthOptions;
  /** The flows this process polls. */
  readonly #local = new Map<string, Flow>();
  readonly #abort = new AbortController();
  readonly #owner = opaqueId('p');
  #resumeTimer: NodeJS.Timeout | undefined;

  constructor(o: IntegratedAuthOptions) {
    this.#o = o;
  }

  get #leaseMs(): number {
    return this.#o.leaseMs ?? 15_000;
  }

  /** Takes over the flows whose process stopped, now and every two leases (timers unref'd). */
  startResuming(): void {
    if (this.#resumeTimer || this.#abort.signal.aborted) return;
    const tick = () => {
      this.resume().catch((error: unknown) => this.#o.logger.error({ err: error }, '통합인증 resume failed'));
    };
    tick();
    this.#resumeTimer = setInterval(tick, 2 * this.#leaseMs);
    this.#resumeTimer.unref();
  }

  /** Takes over waiting or connecting flows whose lease ran out; returns how many. */
  async resume(): Promise<number> {
    const now = Date.now();
    const stale = await this.#o.flows.claimStale<StoredFlow>('integrated', ['waiting', 'connecting'], {
      owner: this.#owner,
      now,
      leaseUntil: now + this.#leaseMs,
    });
    for (const row of stale) {
      if (this.#abort.signal.aborted) break;
      const p = row.payload;
      const flow: Flow = {
        id: p.id,
        personId: row.personId as string,
        ci: p.ci,
        certTxId: p.certTxId,
        signTxId: p.signTxId,
        caPageUrl: p.caPageUrl,
        expiresAt: p.expiresAt,
        items: p.items,
        status: row.status as FlowStatus,
        ...(p.reason ? { reason: p.reason } : {}),
        done: Promise.resolve(),
        version: row.version,
      };
      this.#local.set(flow.id, flow);
      this.#o.logger.info({ flow: flow.id, status: flow.status }, '통합인증 flow taken over');
      if (flow.status === 'connecting') {
        // What got through before the stop is in the consents; the rest ends failed.
        for (const it of flow.items) {
          const c = await this.#o.domain.consents.get(flow.personId, it.consentId);
          if (c?.status === 'active') it.status = 'connected';
        }
        const reason: FailureReason = {
          code: 'interrupted',
          ko: '연결 중 서비스가 다시 시작되었습니다. 다시 연결하세요.',
          en: 'The service restarted while connecting. Connect again.',
        };
        for (const it of flow.items) {
          if (it.status === 'waiting') {
            it.status = 'failed';
            it.reason = reason;
          }
        }
        const connected = flow.items.some((i) => i.status === 'connected');
        flow.done = this.#end(flow, connected ? 'done' : 'failed', connected ? undefined : reason).catch(
          () => undefined,
        );
      } else flow.done = this.#run(flow);
    }
    return stale.length;
  }

  /** Starts a flow over these pending, integrated-path consents of the person. */
  async start(
    personId: string,
    consentIds: readonly string[],
    device: SignRequestInput['device'] = { code: 'PC', browser: 'WB' },
  ): Promise<FlowView> {
    const { domain, ca, caCode } = this.#o;
    if (!Array.isArray(consentIds) || consentIds.length === 0 || consentIds.length > 100) {
      throw invalid('consentIds', 'must list 1–100 consents', '전송요구를 1~100건 선택하세요');
    }
    if (new Set(consentIds).size !== consentIds.length) {
      throw invalid('consentIds', 'lists a consent twice', '같은 전송요구가 두 번 있습니다');
    }
    const profile = await domain.people.profile(personId);
    if (!profile) throw new OperatorError('OP_NOT_FOUND', 'no such person', '회원이 없습니다', 'personId');
    if (!profile.phone) {
      throw invalid(
        'phone',
        'no mobile number on file for the CA (sign up again with the identity check)',
        '휴대폰 번호가 없습니다',
      );
    }
    const now = domain.clock.nowMs();
    const stamp = kstDateTime(now);
    const items: Item[] = [];
    for (const [i, id] of consentIds.entries()) {
      const c = typeof id === 'string' ? await domain.consents.get(personId, id) : undefined;
      if (!c) throw invalid(`consentIds[${i}]`, 'is not a consent of this person', '해당 전송요구가 없습니다');
      if (c.status !== 'pending') {
        throw new OperatorError(
          'OP_CONSENT_STATE',
          `is ${c.status}, not pending`,
          '대기 중인 전송요구가 아닙니다',
          `consentIds[${i}]`,
        );
      }
      if (c.authPath !== 'integrated') {
        throw invalid(
          `consentIds[${i}]`,
          'was proposed for individual authentication',
          '개별인증으로 제안된 전송요구입니다',
        );
      }
      const { text } = await domain.consents.document(personId, c.id);
      items.push({
        orgCode: c.orgCode,
        consentId: c.id,
        txId: `MD_${ca.operatorOrgCode}_${c.orgCode}_${c.orgCode}_${caCode}_${stamp}_${randomDigits(12)}`,
        consent: text,
        status: 'waiting',
      });
    }
    const signTxId = `${ca.operatorOrgCode}_${caCode}_${stamp}_${randomDigits(12)}`;
    const certTxId = await ca.signRequest({
      signTxId,
      ci: profile.ci,
      name: profile.name,
      phone: profile.phone,
      title: this.#o.requestTitle ?? '한눈 마이데이터 연결',
      device,
      consents: items.map((it) => ({
        txId: it.txId,
        title: `${this.#o.providers.name(it.orgCode)} 전송요구`,
        consent: it.consent,
      })),
    });
    this.#forgetFinished(now);
    await this.#o.flows.sweep(now - KEEP_FINISHED_MS);
    const flow: Flow = {
      id: opaqueId('f'),
      personId,
      ci: profile.ci,
      certTxId,
      signTxId,
      caPageUrl: `${this.#o.caPagesUrl.replace(/\/$/, '')}/sign/${certTxId}`,
      expiresAt: now + (this.#o.waitMs ?? 10 * 60_000),
      items,
      status: 'waiting',
      done: Promise.resolve(),
      version: 1,
    };
    await this.#o.flows.create<StoredFlow>('integrated', flow.id, {
      personId,
      status: 'waiting',
      payload: stored(flow),
      expiresAt: flow.expiresAt,
      now,
      leaseOwner: this.#owner,
      leaseUntil: Date.now() + this.#leaseMs,
    });
    this.#local.set(flow.id, flow);
    flow.done = this.#run(flow);
    this.#event(flow, { stage: 'waiting' });
    this.#o.logger.info({ flow: flow.id, institutions: items.length }, '통합인증 requested at the CA');
    return view(flow);
  }

  /** The person's flow, as it is now (from any process); undefined for someone else's or an unknown one. */
  async view(personId: string, flowId: string): Promise<FlowView | undefined> {
    const local = this.#local.get(flowId);
    if (local) return local.personId === personId ? view(local) : undefined;
    if (typeof flowId !== 'string' || flowId.length > 100) return undefined;
    const row = await this.#o.flows.get<StoredFlow>('integrated', flowId);
    if (!row || row.personId !== personId) return undefined;
    return storedView(row.payload, row.status as FlowStatus);
  }

  /** Resolves when the flow has ended (done, refused, expired or failed): for the demo and tests. */
  async wait(personId: string, flowId: string): Promise<FlowView | undefined> {
    for (;;) {
      const f = this.#local.get(flowId);
      if (f) {
        if (f.personId !== personId) return undefined;
        await f.done;
        return view(f);
      }
      const v = await this.view(personId, flowId);
      if (!v || FINAL.has(v.status)) return v;
      await sleep(this.#o.pollMs ?? 1000);
    }
  }

  /**
   * Service shutdown: stops every poller and gives up the leases, so another process (or this one started
   * again) takes the waiting flows over at once; nothing is failed.
   */
  async close(): Promise<void> {
    this.#abort.abort();
    if (this.#resumeTimer) clearInterval(this.#resumeTimer);
    await Promise.allSettled([...this.#local.values()].map((f) => f.done));
  }

  async #run(flow: Flow): Promise<void> {
    const { ca, domain, logger } = this.#o;
    let errors = 0;
    try {
      for (;;) {
        await sleep(this.#o.pollMs ?? 1000, undefined, { signal: this.#abort.signal });
        if (domain.clock.nowMs() > flow.expiresAt) return await this.#end(flow, 'expired');
        await this.#save(flow, { leaseUntil: Date.now() + this.#leaseMs });
        let r: Awaited<ReturnType<CaClient['signResult']>>;
        try {
          r = await ca.signResult(flow.certTxId, flow.signTxId);
          errors = 0;
        } catch (error) {
          errors++;
          logger.warn({ flow: flow.id, err: error, errors }, '통합인증-103 failed');
          if (errors >= 5) return await this.#end(flow, 'failed', failureReason(error));
          continue;
        }
        if (r.status === 'pending') continue;
        if (r.status !== 'signed') return await this.#end(flow, r.status);
        return await this.#connect(flow, r.signed);
      }
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.#local.delete(flow.id);
        logger.info({ flow: flow.id }, '통합인증 flow taken over by another process');
        return;
      }
      if (this.#abort.signal.aborted && flow.status === 'waiting') {
        // Shutdown while the person has not signed: the lease is given up, the flow waits for a process.
        await this.#save(flow, { leaseOwner: null, leaseUntil: null }).catch(() => undefined);
        return;
      }
      logger.error({ flow: flow.id, err: error }, '통합인증 flow failed');
      return await this.#end(flow, 'failed', failureReason(error)).catch(() => undefined);
    }
  }

  /** Writes the flow (compare-and-set on its version); LeaseLost when another process wrote since. */
  async #save(flow: Flow, lease: { leaseOwner?: string | null; leaseUntil?: number | null } = {}): Promise<void> {
    const written = await this.#o.flows.update<StoredFlow>('integrated', flow.id, flow.version, {
      status: flow.status,
      payload: stored(flow),
      ...lease,
      ...(flow.finishedAt !== undefined ? { finishedAt: flow.finishedAt } : {}),
    });
    if (!written) throw new LeaseLost();
    flow.version += 1;
  }

  /** 통합인증-002 at every institution at once; each success is stored, activated and collected. */
  async #connect(flow: Flow, signed: ReadonlyMap<string, string>): Promise<void> {
    const { domain, providers, caCode, collector, logger } = this.#o;
    flow.status = 'connecting';
    await this.#save(flow, { leaseUntil: Date.now() + this.#leaseMs });
    this.#event(flow, { stage: 'signed' });
    await Promise.all(
      flow.items.map(async (item) => {
        this.#event(flow, { stage: 'connecting', orgCode: item.orgCode });
        try {
          const signature = signed.get(item.txId);
          if (!signature)
            throw new OperatorError(
              'OP_NOT_FOUND',
              'the CA returned no signature for this consent',
              '서명값이 없습니다',
            );
          await domain.consents.recordSignature(flow.personId, item.consentId, signature);
          const issuedAt = domain.clock.nowMs();
          const t = await providers.passwordGrant(item.orgCode, {
            txId: item.txId,
            caCode,
            ci: flow.ci,
            signedConsent: signature,
            consent: item.consent,
            certTxId: flow.certTxId,
          });
          await domain.vault.put(flow.personId, {
            clientId: providers.clientId,
            orgCode: item.orgCode,
            consentId: item.consentId,
            accessToken: t.accessToken,
            refreshToken: t.refreshToken,
            ...expiriesFrom(issuedAt, { expires_in: t.expiresIn, refresh_token_expires_in: t.refreshExpiresIn }),
            scope: t.scope,
          });
          await domain.consents.activate(flow.personId, item.consentId);
          item.status = 'connected';
          this.#event(flow, { stage: 'connected', orgCode: item.orgCode });
        } catch (error) {
          item.status = 'failed';
          item.reason = failureReason(error);
          logger.warn({ flow: flow.id, org: item.orgCode, err: error }, '통합인증-002 failed');
          this.#event(flow, { stage: 'failed', orgCode: item.orgCode, reason: item.reason });
        }
      }),
    );
    const connected = flow.items.filter((i) => i.status === 'connected').map((i) => i.orgCode);
    if (connected.length > 0) {
      await collector.start(flow.personId, connected, 'user-consent').catch((error: unknown) => {
        logger.error({ flow: flow.id, err: error }, 'could not start collection after 통합인증');
      });
    }
    logger.info({ flow: flow.id, connected: connected.length, of: flow.items.length }, '통합인증 finished');
    await this.#end(flow, connected.length > 0 ? 'done' : 'failed');
  }

  async #end(flow: Flow, status: Exclude<FlowStatus, 'waiting' | 'connecting'>, reason?: FailureReason): Promise<void> {
    flow.status = status;
    if (reason) flow.reason = reason;
    flow.finishedAt = this.#o.domain.clock.nowMs();
    this.#event(flow, { stage: status === 'done' ? 'done' : status, ...(reason ? { reason } : {}) });
    await this.#save(flow, { leaseOwner: null, leaseUntil: null });
  }

  #event(
    flow: Flow,
    e: { stage: Parameters<LiveProgress['connect']>[0]['stage']; orgCode?: string; reason?: FailureReason },
  ): void {
    this.#o.hub.connect({ personId: flow.personId, flowId: flow.id, at: this.#o.domain.clock.nowMs(), ...e });
  }

  #forgetFinished(now: number): void {
    for (const [id, f] of this.#local)
      if (f.finishedAt !== undefined && now - f.finishedAt > KEEP_FINISHED_MS) this.#local.delete(id);
  }
}

function stored(f: Flow): StoredFlow {
  return {
    id: f.id,
    ci: f.ci,
    certTxId: f.certTxId,
    signTxId: f.signTxId,
    caPageUrl: f.caPageUrl,
    expiresAt: f.expiresAt,
    items: f.items,
    ...(f.reason ? { reason: f.reason } : {}),
  };
}

function storedView(p: StoredFlow, status: FlowStatus): FlowView {
  return {
    id: p.id,
    status,
    caPageUrl: p.caPageUrl,
    expiresAt: p.expiresAt,
    institutions: p.items.map((i) => ({
      orgCode: i.orgCode,
      consentId: i.consentId,
      status: i.status,
      ...(i.reason ? { reason: i.reason } : {}),
    })),
    ...(p.reason ? { reason: p.reason } : {}),
  };
}

function view(f: Flow): FlowView {
  return {
    id: f.id,
    status: f.status,
    caPageUrl: f.caPageUrl,
    expiresAt: f.expiresAt,
    institutions: f.items.map((i) => ({
      orgCode: i.orgCode,
      consentId: i.consentId,
      status: i.status,
      ...(i.reason ? { reason: i.reason } : {}),
    })),
    ...(f.reason ? { reason: f.reason } : {}),
  };
}
