import type { Logger } from '@hannun/infra';
import type { OperatorDomain } from '../operator-domain.ts';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import { expiriesFrom } from '../vault/token-vault.ts';
import type { Collector } from './collector.ts';
import { type FailureReason, failureReason } from './failure-reason.ts';
import type { LiveProgress } from './live-progress.ts';
import type { PendingFlows } from './pending-flows.ts';
import type { ProviderAuthClient } from './provider-auth-client.ts';
import { randomAlnum } from './random-ids.ts';

export interface IndividualAuthOptions {
  readonly domain: OperatorDomain;
  readonly providers: ProviderAuthClient;
  readonly hub: LiveProgress;
  readonly collector: Collector;
  readonly logger: Logger;
  /** Where the states wait (op_pending_flow, kind `individual`). */
  readonly flows: PendingFlows;
  /** How long a `state` waits for the provider's redirect. Default 15 minutes (the provider's own limit). */
  readonly stateTtlMs?: number;
}

/** What a state stands for (sealed in the database; the row id is a hash of the state). */
interface Pending {
  readonly consentId: string;
  readonly orgCode: string;
}

/** What the callback came to. */
export type CallbackOutcome =
  | { readonly ok: true; readonly orgCode: string; readonly consentId: string }
  | { readonly ok: false; readonly orgCode?: string; readonly reason: FailureReason };

const STATE = /^[A-Za-z0-9]{40}$/;

/**
 * 개별인증 (individual authentication) for one pending consent: 개별인증-001 by the operator (x-user-ci, over
 * mutual TLS) gives the provider's login page, which the app opens in the person's browser; the provider
 * redirects to `/callback?code&state&api_tran_id`. The `state` is the operator's check (RFC 6749 §10.12): 40
 * random characters, single use, bound to the person's session and expiring; anything else is refused before
 * a code is exchanged. States are kept in the database as a hash (op_pending_flow): any app process takes the
 * callback, a restart loses nothing, and of two callbacks with one state only one is exchanged. Then 개별인증-002, the pair into the vault, the consent active, `user-consent`
 * collection started.
 */
export class IndividualAuth {
  readonly #o: IndividualAuthOptions;

  constructor(o: IndividualAuthOptions) {
    this.#o = o;
  }

  /** 개별인증-001 for the person's pending consent: the URL of the provider's login page. */
  async start(
    personId: string,
    consentId: string,
    sessionRef: string,
  ): Promise<{ redirectUrl: string; orgCode: string }> {
    const { domain, providers } = this.#o;
    const c = typeof consentId === 'string' ? await domain.consents.get(personId, consentId) : undefined;
    if (!c) throw invalid('consentId', 'is not a consent of this person', '해당 전송요구가 없습니다');
    if (c.status !== 'pending') {
      throw new OperatorError(
        'OP_CONSENT_STATE',
        `is ${c.status}, not pending`,
        '대기 중인 전송요구가 아닙니다',
        'consentId',
      );
    }
    if (c.authPath !== 'individual') {
      throw invalid('consentId', 'was proposed for integrated authentication', '통합인증으로 제안된 전송요구입니다');
    }
    const profile = await domain.people.profile(personId);
    if (!profile) throw new OperatorError('OP_NOT_FOUND', 'no such person', '회원이 없습니다', 'personId');
    const now = domain.clock.nowMs();
    const ttl = this.#o.stateTtlMs ?? 15 * 60_000;
    await this.#o.flows.sweep(now - ttl);
    const state = randomAlnum(40);
    await this.#o.flows.create<Pending>('individual', state, {
      personId,
      sessionRef,
      status: 'waiting',
      payload: { consentId: c.id, orgCode: c.orgCode },
      expiresAt: now + ttl,
      now,
    });
    try {
      const redirectUrl = await providers.authorize(c.orgCode, profile.ci, state);
      this.#o.logger.info({ org: c.orgCode }, '개별인증-001: login page received');
      return { redirectUrl, orgCode: c.orgCode };
    } catch (error) {
      await this.#o.flows.take('individual', state);
      throw error;
    }
  }

  /**
   * The provider's redirect. The state must be one this operator issued, unused, unexpired and of the session
   * presenting it; otherwise nothing is exchanged (`state_mismatch`). An `error` from the provider ends the
   * attempt. On success the consent is active.
   */
  async callback(q: {
    readonly state: unknown;
    readonly code: unknown;
    readonly error: unknown;
    readonly sessionRef: string | undefined;
  }): Promise<CallbackOutcome> {
    const { domain, providers, hub, collector, logger } = this.#o;
    const now = domain.clock.nowMs();
    const state = typeof q.state === 'string' && STATE.test(q.state) ? q.state : undefined;
    const row = state === undefined ? undefined : await this.#o.flows.get<Pending>('individual', state);
    // Single use: of two callbacks with this state (two processes, a replay), only the one that deletes it goes on.
    const valid =
      row !== undefined &&
      row.expiresAt > now &&
      q.sessionRef !== undefined &&
      row.sessionRef === q.sessionRef &&
      row.personId !== null &&
      (await this.#o.flows.take('individual', state as string, row.version));
    if (!valid) {
      logger.warn(
        { known: row !== undefined, expired: row !== undefined && row.expiresAt <= now },
        '개별인증 callback with a state this session did not start: refused',
      );
      return {
        ok: false,
        reason: {
          code: 'state_mismatch',
          ko: '요청한 연결과 맞지 않는 응답입니다. 처음부터 다시 시도하세요.',
          en: 'This answer does not match a connection you started. Start again.',
        },
      };
    }
    const pending = { ...row.payload, personId: row.personId as string };
    const flowId = `i_${pending.consentId}`;
    const event = (stage: 'connecting' | 'connected' | 'failed', reason?: FailureReason) =>
      hub.connect({
        personId: pending.personId,
        flowId,
        orgCode: pending.orgCode,
        stage,
        at: now,
        ...(reason ? { reason } : {}),
      });
    if (typeof q.error === 'string' && q.error !== '') {
      const reason: FailureReason = {
        code: q.error.slice(0, 40),
        ko: '기관에서 연결이 완료되지 않았습니다 (취소 또는 거절).',
        en: 'The institution did not complete the connection (cancelled or refused).',
      };
      event('failed', reason);
      return { ok: false, orgCode: pending.orgCode, reason };
    }
    if (typeof q.code !== 'string' || q.code === '' || q.code.length > 128) {
      const reason = { code: 'invalid_request', ko: '인가코드가 없습니다.', en: 'No authorization code came back.' };
      event('failed', reason);
      return { ok: false, orgCode: pending.orgCode, reason };
    }
    event('connecting');
    try {
      const t = await providers.exchangeCode(pending.orgCode, q.code);
      await domain.vault.put(pending.personId, {
        clientId: providers.clientId,
        orgCode: pending.orgCode,
        consentId: pending.consentId,
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        ...expiriesFrom(now, { expires_in: t.expiresIn, refresh_token_expires_in: t.refreshExpiresIn }),
        scope: t.scope,
      });
      await domain.consents.activate(pending.personId, pending.consentId);
    } catch (error) {
      const reason = failureReason(error);
      logger.warn({ org: pending.orgCode, err: error }, '개별인증-002 failed');
      event('failed', reason);
      return { ok: false, orgCode: pending.orgCode, reason };
    }
    event('connected');
    await collector.start(pending.personId, [pending.orgCode], 'user-consent').catch((error: unknown) => {
      logger.error({ org: pending.orgCode, err: error }, 'could not start collection after 개별인증');
    });
    return { ok: true, orgCode: pending.orgCode, consentId: pending.consentId };
  }
}
