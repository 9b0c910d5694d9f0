import { type CallRecord, isInfoCall } from '../call-record.ts';
import type { Offence, OperatorRule } from './rule.ts';

const expiredAt = (r: CallRecord) => r.token?.expMs !== undefined && r.atMs >= r.token.expMs;

/**
 * Tokens refreshed, not worn out: once a call with an expired access token was answered 40101, no further call
 * with that token (calls already in flight then are forgiven); refreshes (개별인증-003) made with a refresh token
 * still valid, and granted. Exercised when a token expired or a refresh was made.
 */
export const tokenRefreshRule: OperatorRule = {
  id: 'token-refresh',
  title: 'expired access tokens refreshed (개별인증-003), never used again after 40101',
  reference:
    '규격 §5.1.3 접근토큰 갱신 (개별인증-003, grant_type=refresh_token) and §2.2 (exp, 접근토큰 유효기간); ' +
    '가이드라인 참고5 (토큰 유효기간); notes §4.1 step 9, §4.2',
  judge({ records }) {
    const offences: Offence[] = [];
    const expired = records.filter((r) => isInfoCall(r) && expiredAt(r));
    const byToken = new Map<string, CallRecord[]>();
    for (const r of expired) {
      const key = r.token?.jti ?? `${r.token?.consentId}|${r.token?.expMs}`;
      byToken.set(key, [...(byToken.get(key) ?? []), r]);
    }
    for (const calls of byToken.values()) {
      const told = calls.filter((r) => r.rspCode === '40101');
      if (told.length === 0) continue;
      const firstEnd = Math.min(...told.map((r) => r.endedAt));
      for (const r of calls) {
        if (r.startedAt > firstEnd) {
          offences.push({ call: r, reason: 'the expired access token used again after the provider answered 40101' });
        }
      }
    }
    const refreshes = records.filter((r) => r.apiId === '개별인증-003');
    for (const r of refreshes) {
      if (expiredAt(r)) offences.push({ call: r, reason: 'refreshed with a refresh token already expired' });
      else if (r.oauthError) offences.push({ call: r, reason: `the refresh was refused: ${r.oauthError}` });
    }
    return { considered: expired.length + refreshes.length, offences };
  },
};
