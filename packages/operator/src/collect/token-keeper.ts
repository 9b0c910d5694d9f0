import type { Secret } from '../crypto/secret.ts';
import type { Clock } from '../time/clock.ts';
import type { StoredTokens, TokenVault } from '../vault/token-vault.ts';
import type { AuthClient } from './auth-client.ts';
import type { Reason } from './job-store.ts';

/** No usable token for a person at an institution: the job cannot run (the person must connect again). */
export class TokenUnavailable extends Error {
  override readonly name = 'TokenUnavailable';
  constructor(readonly reason: Reason) {
    super(reason.en);
  }
}

const reasons = {
  none: {
    code: 'no-token',
    ko: '접근토큰이 없습니다. 기관을 다시 연결해 주세요',
    en: 'no access token: connect again',
  },
  duplicate: {
    code: 'token-duplicate',
    ko: '중복 발급된 토큰이라 사용할 수 없습니다. 기관을 다시 연결해 주세요',
    en: 'the token was issued twice and is not used: connect again',
  },
  expired: {
    code: 'token-expired',
    ko: '접근토큰이 만료되었습니다. 기관을 다시 연결해 주세요',
    en: 'the access token expired and could not be refreshed: connect again',
  },
} satisfies Record<string, Reason>;

/**
 * Access tokens for the engine: the vault's pair, refreshed (개별인증-003) before it expires — `marginMs`
 * ahead — or when a provider refuses it (40101). One refresh at a time per pair in this process.
 */
export class TokenKeeper {
  readonly #vault: TokenVault;
  readonly #auth: AuthClient;
  readonly #clock: Clock;
  readonly #clientId: string;
  readonly #marginMs: number;
  readonly #inFlight = new Map<string, Promise<Secret>>();

  constructor(o: { vault: TokenVault; auth: AuthClient; clock: Clock; clientId: string; marginMs: number }) {
    this.#vault = o.vault;
    this.#auth = o.auth;
    this.#clock = o.clock;
    this.#clientId = o.clientId;
    this.#marginMs = o.marginMs;
  }

  /** A usable access token: refreshed first when it expires within the margin. */
  async access(personId: string, orgCode: string, baseUrl: string): Promise<Secret> {
    const t = await this.#vault.get(personId, this.#clientId, orgCode);
    if (!t) throw new TokenUnavailable(reasons.none);
    if (t.status === 'duplicate') throw new TokenUnavailable(reasons.duplicate);
    if (t.accessExpiresAt - this.#clock.nowMs() > this.#marginMs) return t.accessToken;
    return this.refresh(personId, orgCode, baseUrl, t);
  }

  /** 개별인증-003 for the pair (once at a time); the vault keeps the new access token. */
  refresh(personId: string, orgCode: string, baseUrl: string, known?: StoredTokens): Promise<Secret> {
    const key = `${personId}|${orgCode}`;
    let p = this.#inFlight.get(key);
    if (!p) {
      p = this.#refresh(personId, orgCode, baseUrl, known).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, p);
    }
    return p;
  }

  async #refresh(personId: string, orgCode: string, baseUrl: string, known?: StoredTokens): Promise<Secret> {
    const t = known ?? (await this.#vault.get(personId, this.#clientId, orgCode));
    if (!t) throw new TokenUnavailable(reasons.none);
    if (t.status === 'duplicate') throw new TokenUnavailable(reasons.duplicate);
    const now = this.#clock.nowMs();
    if (!t.refreshToken || (t.refreshExpiresAt !== null && t.refreshExpiresAt <= now)) {
      if (t.accessExpiresAt > now) return t.accessToken;
      throw new TokenUnavailable(reasons.expired);
    }
    const r = await this.#auth.refresh(baseUrl, orgCode, t.refreshToken);
    if (!r.ok) {
      if (t.accessExpiresAt > now && r.retryable) return t.accessToken;
      throw new TokenUnavailable({
        ...reasons.expired,
        code: `refresh-${r.error.replace(/[^a-z0-9-]/g, '-')}`.slice(0, 40),
      });
    }
    await this.#vault.refreshed(personId, t.id, {
      accessToken: r.accessToken,
      accessExpiresAt: this.#clock.nowMs() + r.expiresIn * 1000,
    });
    return r.accessToken;
  }
}
