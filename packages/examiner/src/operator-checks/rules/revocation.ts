import type { CallRecord } from '../call-record.ts';
import type { Offence, OperatorRule } from './rule.ts';

const revokedOk = (r: CallRecord) =>
  r.status === 200 && !r.oauthError && (r.rspCode === undefined || r.rspCode === '00000');

/**
 * Revocation on withdrawal: the operator's 개별인증-004 is accepted (its own credentials, a token the provider
 * issued: 200 with 00000), and after it no call of any kind — information API or refresh — with a token of that
 * consent. Exercised when a revocation was made.
 */
export const revocationRule: OperatorRule = {
  id: 'revocation',
  title: 'on withdrawal the tokens are revoked (개별인증-004) and never used again',
  reference:
    '규격 §3.2 전송요구 철회: "마이데이터사업자는 해당 정보제공자에게 접근토큰 및 리프레시토큰을 폐기할 것을 즉시 요청(개별인증-004 API 호출)"; ' +
    '§5.1.4 접근토큰 폐기 (접근토큰과 리프레시토큰 함께 폐기); notes §4.1 step 10, §4.4 철회',
  judge({ records }) {
    const revokes = records.filter((r) => r.apiId === '개별인증-004');
    const offences: Offence[] = [];
    const ended = new Map<string, CallRecord>();
    for (const r of revokes) {
      if (!revokedOk(r)) {
        offences.push({
          call: r,
          reason: `the revocation was not accepted: ${r.oauthError ?? r.rspCode ?? `HTTP ${r.status}`}`,
        });
        continue;
      }
      const consent = r.token?.consentId;
      if (consent && !ended.has(consent)) ended.set(consent, r);
    }
    for (const r of records) {
      const consent = r.token?.consentId;
      const revoke = consent ? ended.get(consent) : undefined;
      if (!revoke || r === revoke || r.apiId === '개별인증-004' || r.startedAt <= revoke.endedAt) continue;
      offences.push({
        call: r,
        reason: `a ${r.apiId ?? r.path} call with a token of a consent revoked by #${revoke.seq}`,
      });
    }
    return { considered: revokes.length, offences };
  },
};
