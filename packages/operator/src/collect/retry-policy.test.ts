import { describe, expect, it } from 'vitest';
import { createCircuitBreakers } from './circuit-breaker.ts';
import { createInstitutionLimiter } from './institution-limiter.ts';
import { type CallResult, parseRetryAfter } from './provider-client.ts';
import { backoffMs, DEFAULT_RETRY, verdictOf } from './retry-policy.ts';

const meta = { apiId: '은행-004', tranId: 'MDHANNUN01M00000000000001', requestedAt: 0, durationMs: 1 };
const refused = (rspCode: string, httpStatus: number): CallResult => ({
  ...meta,
  httpStatus,
  kind: 'refused',
  rspCode,
  message: '',
});

describe('retries, backoff and what each answer means', () => {
  it('exponential backoff with full jitter, capped', () => {
    expect(backoffMs(DEFAULT_RETRY, 0, () => 0.999)).toBe(249);
    expect(backoffMs(DEFAULT_RETRY, 3, () => 0.5)).toBe(1000);
    expect(backoffMs(DEFAULT_RETRY, 20, () => 0.999)).toBe(7992);
    expect(backoffMs(DEFAULT_RETRY, 2, () => 0)).toBe(0);
  });

  it('Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('verdicts: retry 5xx, 42902 and no answer; put off for np_time and maintenance; the rest as the codes say', () => {
    expect(verdictOf(refused('50001', 500))).toBe('retry');
    expect(verdictOf(refused('42902', 429))).toBe('retry');
    expect(verdictOf({ ...meta, httpStatus: null, kind: 'timeout' })).toBe('retry');
    expect(verdictOf({ ...meta, httpStatus: null, kind: 'connection', reason: 'ECONNRESET' })).toBe('retry');
    expect(verdictOf(refused('50009', 500))).toBe('window');
    expect(verdictOf(refused('50008', 500))).toBe('window');
    expect(verdictOf(refused('42901', 429))).toBe('cycle');
    expect(verdictOf(refused('40101', 401))).toBe('token');
    expect(verdictOf(refused('40106', 401))).toBe('ended');
    expect(verdictOf(refused('40305', 403))).toBe('skip');
    expect(verdictOf(refused('40402', 404))).toBe('skip');
    expect(verdictOf(refused('40004', 400))).toBe('fail');
    expect(verdictOf({ ...meta, httpStatus: 200, kind: 'malformed', rspCode: null, field: 'x', reason: 'x' })).toBe(
      'fail',
    );
    expect(verdictOf({ ...meta, httpStatus: 502, kind: 'malformed', rspCode: null, field: 'x', reason: 'x' })).toBe(
      'retry',
    );
  });

  it('the circuit opens after repeated failures, lets one trial through after the cooldown, closes on success', () => {
    const b = createCircuitBreakers({ threshold: 3, cooldownMs: 1_000 });
    for (let i = 0; i < 3; i++) {
      expect(b.allow('BK', 0)).toBe(true);
      b.failure('BK', 0);
    }
    expect(b.state('BK', 500)).toBe('open');
    expect(b.allow('BK', 500)).toBe(false);
    expect(b.allow('CD', 500)).toBe(true);
    expect(b.allow('BK', 1_000)).toBe(true);
    expect(b.allow('BK', 1_001)).toBe(false);
    b.failure('BK', 1_002);
    expect(b.state('BK', 1_500)).toBe('open');
    expect(b.allow('BK', 2_002)).toBe(true);
    b.success('BK');
    expect(b.state('BK', 2_003)).toBe('closed');
  });

  it('the per-institution limit queues calls beyond it, institutions apart', async () => {
    const limiter = createInstitutionLimiter(2);
    let most = 0;
    const task = (org: string) =>
      limiter.run(org, async () => {
        most = Math.max(most, limiter.inFlight('BK'));
        await new Promise((r) => setTimeout(r, 10));
      });
    await Promise.all([task('BK'), task('BK'), task('BK'), task('BK'), task('CD')]);
    expect(most).toBe(2);
    expect(limiter.inFlight('BK')).toBe(0);
    expect(() => createInstitutionLimiter(0)).toThrow(/at least 1/);
  });
});
