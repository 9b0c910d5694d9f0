import type { Logger } from '@hannun/infra';
import type { ProviderStatus } from '@hannun/spec';
import type { Dispatcher } from 'undici';
import { portalCredential } from '../credentials/issue-credential.ts';
import type { RegistryClock, RegistryRepository } from '../store/registry-repository.ts';
import type { ProviderStatusRecord, StatusRepository } from '../store/status-repository.ts';
import { type ProviderCall, ProviderCallError, providerStatus, providerToken } from './provider-client.ts';

export interface StatusPollerOptions {
  readonly registry: RegistryRepository;
  readonly statuses: StatusRepository;
  /** The portal's mutual-TLS agent (its own certificate). */
  readonly dispatcher: Dispatcher;
  /** Derives the portal credential each provider verifies at 지원-101. */
  readonly credentialKey: Uint8Array;
  readonly portalOrgCode: string;
  readonly intervalMs: number;
  readonly clock: RegistryClock;
  readonly logger: Logger;
  /** Per call. Default 5 s. */
  readonly timeoutMs?: number;
}

export interface StatusPoller {
  /** Ask every provider now; resolves with what was recorded. */
  pollNow(): Promise<ProviderStatusRecord[]>;
  stop(): void;
}

interface CachedToken {
  readonly token: string;
  readonly renewAtMs: number;
  readonly generation: number;
}

/**
 * The portal's view of every provider with its own API (org_type 01 with a registered domain): on an interval,
 * a 지원-101 token with the portal credential (kept until a minute before it expires), then 지원-102. What the
 * provider says is recorded (01 normal, 02 failure, 03 maintenance); a provider that cannot be reached is 02
 * (failure), one that refuses the portal or answers oddly is 99 (other), with why. Start with `start()`.
 */
export function createStatusPoller(opts: StatusPollerOptions): StatusPoller & { start(): void } {
  const tokens = new Map<string, CachedToken>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ProviderStatusRecord[]> | undefined;

  async function pollOne(orgCode: string, baseUrl: string, generation: number): Promise<ProviderStatusRecord> {
    const call: ProviderCall = {
      baseUrl,
      orgCode,
      dispatcher: opts.dispatcher,
      portalOrgCode: opts.portalOrgCode,
      timeoutMs: opts.timeoutMs ?? 5000,
    };
    let availability: ProviderStatus;
    let detail: string | undefined;
    try {
      let cached = tokens.get(orgCode);
      if (!cached || cached.generation !== generation || opts.clock.nowMs() >= cached.renewAtMs) {
        const issued = await providerToken(call, portalCredential(opts.credentialKey, orgCode, generation));
        cached = {
          token: issued.token,
          renewAtMs: opts.clock.nowMs() + Math.max(0, issued.expiresIn - 60) * 1000,
          generation,
        };
        tokens.set(orgCode, cached);
      }
      try {
        availability = await providerStatus(call, cached.token);
      } catch (error) {
        if (error instanceof ProviderCallError && error.message.endsWith('40101')) {
          tokens.delete(orgCode); // revoked or the provider restarted with other keys: next round asks again
        }
        throw error;
      }
    } catch (error) {
      if (!(error instanceof ProviderCallError)) throw error;
      availability = error.unreachable ? '02' : '99';
      detail = error.message;
    }
    return opts.statuses.record(orgCode, availability, detail, opts.clock.nowMs());
  }

  async function round(): Promise<ProviderStatusRecord[]> {
    const providers = (await opts.registry.orgs()).filter((o) => o.org.orgType === '01' && o.org.domain !== undefined);
    await opts.statuses.retain(providers.map((p) => p.org.orgCode));
    const out: ProviderStatusRecord[] = [];
    for (let i = 0; i < providers.length; i += 8) {
      const batch = providers.slice(i, i + 8);
      out.push(...(await Promise.all(batch.map((p) => pollOne(p.org.orgCode, p.org.domain!, p.portalCredentialGen)))));
    }
    const notNormal = out.filter((s) => s.availability !== '01');
    if (notNormal.length > 0) {
      opts.logger.info(
        { providers: out.length, notNormal: notNormal.map((s) => `${s.orgCode}:${s.availability}`) },
        'provider status polled',
      );
    }
    return out;
  }

  const pollNow = () => {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    pollNow,
    start() {
      timer ??= setInterval(() => {
        pollNow().catch((error: unknown) => opts.logger.warn({ err: error }, 'provider status poll failed'));
      }, opts.intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
