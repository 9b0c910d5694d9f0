import type { Logger } from '@hannun/infra';
import type { FollowUp } from '../consent/follow-ups.ts';
import type { OperatorDomain } from '../operator-domain.ts';
import type { Collector } from './collector.ts';
import type { ProviderAuthClient } from './provider-auth-client.ts';

/** What happened to each follow-up handed to the runner. */
export interface FollowUpOutcome {
  readonly id: string;
  readonly kind: FollowUp['kind'];
  readonly orgCode: string;
  /** done: revoked at the provider (or nothing left there) / jobs stopped; failed: kept for a retry; offered: left for the person. */
  readonly result: 'done' | 'failed' | 'offered';
}

/**
 * Carries out what a consent's end left in the follow-up outbox: `revoke-tokens` → 개별인증-004 at the provider
 * with the pair kept (sealed with the operator's key) in the outbox, then erased; `stop-jobs` → the collection
 * engine cancels the person's jobs at that institution. `offer-deletion` is left for the person (the app asks).
 * Run right after a withdrawal or leaving, so the answer can say whether the provider was told; what fails
 * stays pending in the outbox, and the collection engine's housekeeping retries it (`processFollowUps`).
 */
export class FollowUpRunner {
  readonly #domain: OperatorDomain;
  readonly #providers: ProviderAuthClient;
  readonly #collector: Collector;
  readonly #logger: Logger;

  constructor(o: { domain: OperatorDomain; providers: ProviderAuthClient; collector: Collector; logger: Logger }) {
    this.#domain = o.domain;
    this.#providers = o.providers;
    this.#collector = o.collector;
    this.#logger = o.logger;
  }

  async run(followUps: readonly FollowUp[]): Promise<FollowUpOutcome[]> {
    return Promise.all(followUps.map((f) => this.#one(f)));
  }

  async #one(f: FollowUp): Promise<FollowUpOutcome> {
    const { store, consents, clock } = this.#domain;
    const outcome = (result: FollowUpOutcome['result']): FollowUpOutcome => ({
      id: f.id,
      kind: f.kind,
      orgCode: f.orgCode,
      result,
    });
    try {
      switch (f.kind) {
        case 'offer-deletion':
          return outcome('offered');
        case 'stop-jobs':
          await this.#collector.stop(f.personRef, f.orgCode);
          await consents.followUps.complete(store.db, f.id, clock.nowMs());
          return outcome('done');
        case 'revoke-tokens': {
          const tokens = await consents.followUps.revocationTokens(store.db, f.id);
          if (tokens) {
            // Either token ends both and the consent (개별인증-004); the refresh token lives longer, so it is the surer one.
            const [token, hint] = tokens.refreshToken
              ? ([tokens.refreshToken, 'refresh_token'] as const)
              : ([tokens.accessToken, 'access_token'] as const);
            const rsp = await this.#providers.revoke(f.orgCode, token.reveal(), hint);
            if (rsp !== '00000' && rsp !== '99999') throw new Error(`개별인증-004 answered ${rsp}`);
          }
          await consents.followUps.complete(store.db, f.id, clock.nowMs());
          this.#logger.info({ org: f.orgCode, followUp: f.id }, 'tokens revoked at the provider');
          return outcome('done');
        }
      }
    } catch (error) {
      await consents.followUps.failed(store.db, f.id).catch(() => undefined);
      this.#logger.warn(
        { org: f.orgCode, followUp: f.id, kind: f.kind, err: error },
        'follow-up failed; retried later',
      );
      return outcome('failed');
    }
  }
}
