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
}

interface Item {
  readonly orgCode: string;
  readonly consentId: string;
  readonly txId: string;
  readonly consent: string;
  status: FlowInstitution['status'];
  reason?: FailureReason;
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
}

/** Finished flows are kept this long for the app to read their outcome. */
const KEEP_FINISHED_MS = 30 * 60_000;

/**
 * 통합인증 for a person's pending consents (integrated path): one signing request at the CA over all of them
 * (통합인증-101/102), the CA's page URL to the app, then 통합인증-103 polled in the background until the person
 * signs, refuses or the request expires. Once signed, 통합인증-002 at every institution at once; each pair goes
 * into the vault, its consent becomes active, and `user-consent` collection starts for the connected ones.
 * One institution failing costs only that institution. Progress goes to the hub as it happens.
 */
export class IntegratedAuth {
  readonly #o: IntegratedAuthOptions;
  readonly #flows = new Map<string, Flow>();
  readonly #abort = new AbortController();

  constructor(o: IntegratedAuthOptions) {
    this.#o = o;
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
    };
    this.#flows.set(flow.id, flow);
    flow.done = this.#run(flow);
    this.#event(flow, { stage: 'waiting' });
    this.#o.logger.info({ flow: flow.id, institutions: items.length }, '통합인증 requested at the CA');
    return view(flow);
  }

  /** The person's flow, as it is now; undefined for someone else's or an unknown one. */
  view(personId: string, flowId: string): FlowView | undefined {
    const f = this.#flows.get(flowId);
    return f && f.personId === personId ? view(f) : undefined;
  }

  /** Resolves when the flow has ended (done, refused, expired or failed): for the demo and tests. */
  async wait(personId: string, flowId: string): Promise<FlowView | undefined> {
    const f = this.#flows.get(flowId);
    if (!f || f.personId !== personId) return undefined;
    await f.done;
    return view(f);
  }

  /** Stops every poller (service shutdown); flows in progress end as failed. */
  async close(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#flows.values()].map((f) => f.done));
  }

  async #run(flow: Flow): Promise<void> {
    const { ca, domain, logger } = this.#o;
    let errors = 0;
    try {
      for (;;) {
        await sleep(this.#o.pollMs ?? 1000, undefined, { signal: this.#abort.signal });
        if (domain.clock.nowMs() > flow.expiresAt) return this.#end(flow, 'expired');
        let r: Awaited<ReturnType<CaClient['signResult']>>;
        try {
          r = await ca.signResult(flow.certTxId, flow.signTxId);
          errors = 0;
        } catch (error) {
          errors++;
          logger.warn({ flow: flow.id, err: error, errors }, '통합인증-103 failed');
          if (errors >= 5) return this.#end(flow, 'failed', failureReason(error));
          continue;
        }
        if (r.status === 'pending') continue;
        if (r.status !== 'signed') return this.#end(flow, r.status);
        return await this.#connect(flow, r.signed);
      }
    } catch (error) {
      if (this.#abort.signal.aborted)
        return this.#end(flow, 'failed', {
          code: 'shutdown',
          ko: '서비스가 종료되었습니다.',
          en: 'The service stopped.',
        });
      logger.error({ flow: flow.id, err: error }, '통합인증 flow failed');
      return this.#end(flow, 'failed', failureReason(error));
    }
  }

  /** 통합인증-002 at every institution at once; each success is stored, activated and collected. */
  async #connect(flow: Flow, signed: ReadonlyMap<string, string>): Promise<void> {
    const { domain, providers, caCode, collector, logger } = this.#o;
    flow.status = 'connecting';
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
    this.#end(flow, connected.length > 0 ? 'done' : 'failed');
  }

  #end(flow: Flow, status: Exclude<FlowStatus, 'waiting' | 'connecting'>, reason?: FailureReason): void {
    flow.status = status;
    if (reason) flow.reason = reason;
    flow.finishedAt = this.#o.domain.clock.nowMs();
    this.#event(flow, { stage: status === 'done' ? 'done' : status, ...(reason ? { reason } : {}) });
  }

  #event(
    flow: Flow,
    e: { stage: Parameters<LiveProgress['connect']>[0]['stage']; orgCode?: string; reason?: FailureReason },
  ): void {
    this.#o.hub.connect({ personId: flow.personId, flowId: flow.id, at: this.#o.domain.clock.nowMs(), ...e });
  }

  #forgetFinished(now: number): void {
    for (const [id, f] of this.#flows)
      if (f.finishedAt !== undefined && now - f.finishedAt > KEEP_FINISHED_MS) this.#flows.delete(id);
  }
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
