import { dateNumber, kstDateNumber } from '../../clock/kst.ts';
import type { ConsentRecord } from '../../consent/consent.ts';
import { kstDayStartMs, type Yyyymmdd } from './statistics-week.ts';

/** The consent counters of one service and day (지원-005 type 2). */
export interface ConsentCounters {
  /** Consents given (new or changed) that day. */
  readonly consentNew: number;
  /** Consents the person withdrew that day (개별인증-004), not those replaced by a changed consent. */
  readonly consentRevoke: number;
  /** Consents valid at the end of that day. */
  readonly consentOwn: number;
}

/** Key of an operator's service: its org_code and client_id. */
export const serviceKey = (orgCode: string, clientId: string) => `${orgCode}\u0001${clientId}`;

const DAY_MS = 86_400_000;

/**
 * Whether a revoked consent was replaced rather than withdrawn: a later consent of the same person, service and
 * institution existed by the time it ended (a changed consent revokes the one it replaces when its tokens are
 * issued; a withdrawal has no successor then).
 */
function replaced(c: ConsentRecord, same: readonly ConsentRecord[]): boolean {
  const end = c.revokedAt!;
  return same.some((o) => o !== c && o.createdAt > c.createdAt && o.createdAt <= end);
}

/**
 * The consent counters of one institution per service and day, from the consents it holds. PROVISIONAL
 * reading of chapter 7: a consent record created that day counts as new (a change creates a new record), one
 * revoked that day without a successor as withdrawn, and consent_own counts the consents still valid at the end
 * of the day (not revoked, end date not passed).
 */
export function consentCounters(
  consents: Iterable<ConsentRecord>,
  orgCode: string,
  days: readonly Yyyymmdd[],
): Map<string, Map<Yyyymmdd, ConsentCounters>> {
  const mine = [...consents].filter((c) => c.orgCode === orgCode);
  const byPerson = new Map<string, ConsentRecord[]>();
  for (const c of mine) {
    const key = `${serviceKey(c.recipientOrgCode, c.clientId)}\u0001${c.ci}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), c]);
  }
  const out = new Map<string, Map<Yyyymmdd, ConsentCounters>>();
  for (const day of days) {
    const start = kstDayStartMs(day);
    const end = start + DAY_MS;
    const dayNumber = kstDateNumber(start);
    const counts = new Map<string, { consentNew: number; consentRevoke: number; consentOwn: number }>();
    const countOf = (c: ConsentRecord) => {
      const key = serviceKey(c.recipientOrgCode, c.clientId);
      let n = counts.get(key);
      if (!n) {
        n = { consentNew: 0, consentRevoke: 0, consentOwn: 0 };
        counts.set(key, n);
      }
      return n;
    };
    for (const c of mine) {
      if (c.createdAt >= start && c.createdAt < end) countOf(c).consentNew++;
      const revoked = c.revokedAt !== undefined && c.revokedAt < end;
      if (revoked && c.revokedAt! >= start) {
        const same = byPerson.get(`${serviceKey(c.recipientOrgCode, c.clientId)}\u0001${c.ci}`) ?? [];
        if (!replaced(c, same)) countOf(c).consentRevoke++;
      }
      if (c.createdAt < end && !revoked && dateNumber(c.endDate) >= dayNumber) countOf(c).consentOwn++;
    }
    for (const [key, n] of counts) {
      if (n.consentNew + n.consentRevoke + n.consentOwn === 0) continue;
      let perDay = out.get(key);
      if (!perDay) {
        perDay = new Map();
        out.set(key, perDay);
      }
      perDay.set(day, n);
    }
  }
  return out;
}
