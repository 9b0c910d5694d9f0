import type { Logger } from '@hannun/infra';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import type { Clock } from '../time/clock.ts';
import { ageOn, kstDate, parseYmd } from '../time/kst.ts';
import { MINIMUM_AGE } from '../people/sign-up-input.ts';
import type { CaClient } from './ca-client.ts';
import type { PendingFlows } from './pending-flows.ts';
import { opaqueId } from './random-ids.ts';

/** Who the CA confirmed: what sign-up may use (the CI never comes from the person). */
export interface ConfirmedIdentity {
  readonly ci: string;
  readonly name: string;
  readonly birthDate: string;
  readonly phone: string;
}

export type IdentityCheckStatus = 'waiting' | 'confirmed' | 'refused' | 'expired';

/** What the database keeps of a check (sealed with the operator's KEK; the row id is a hash of the ticket). */
interface Ticket {
  readonly certTxId: string;
  readonly phone: string;
  readonly caPageUrl: string;
  readonly identity?: ConfirmedIdentity;
}

/** Normalise a Korean mobile number to its domestic digits (01012345678), or undefined. */
export function mobileDigits(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let d = raw.replace(/[\s().-]/g, '');
  if (d.startsWith('+')) d = d.slice(1);
  if (d.startsWith('82')) d = `0${d.slice(2).replace(/^0/, '')}`;
  return /^01[016789][0-9]{7,8}$/.test(d) ? d : undefined;
}

/**
 * Sign-up's identity check through the CA (PROVISIONAL API, packages/ca/src/identity): the person gives name,
 * birth date and mobile number; the CA, if it knows them, shows its page where they confirm with their PIN;
 * the operator then takes the CI, name and birth date from the CA once (verified assertion). The browser holds
 * the ticket in an HttpOnly cookie; the database (op_pending_flow, kind `identity`) holds only its hash and the
 * check sealed, for `ttlMs`, so any app process answers and a restart loses nothing.
 */
export class SignUpIdentity {
  readonly #flows: PendingFlows;
  readonly #ca: CaClient;
  readonly #caPagesUrl: string;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #ttlMs: number;

  constructor(o: {
    ca: CaClient;
    flows: PendingFlows;
    caPagesUrl: string;
    clock: Clock;
    logger: Logger;
    ttlMs?: number;
  }) {
    this.#ca = o.ca;
    this.#flows = o.flows;
    this.#caPagesUrl = o.caPagesUrl.replace(/\/$/, '');
    this.#clock = o.clock;
    this.#logger = o.logger;
    this.#ttlMs = o.ttlMs ?? 10 * 60_000;
  }

  /** Asks the CA; refuses (writing nothing) malformed details, under-14s and people the CA does not know. */
  async begin(input: { name: unknown; birthDate: unknown; phone: unknown }): Promise<{
    ticket: string;
    caPageUrl: string;
    expiresAt: number;
  }> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name.length < 1 || Buffer.byteLength(name) > 30)
      throw invalid('name', 'must be 1–30 bytes', '이름을 확인하세요');
    const birth = typeof input.birthDate === 'string' ? parseYmd(input.birthDate) : undefined;
    if (!birth)
      throw invalid('birthDate', 'must be a real date YYYYMMDD', '생년월일은 YYYYMMDD 형식의 날짜여야 합니다');
    const now = this.#clock.nowMs();
    if (ageOn(birth, kstDate(now)) < MINIMUM_AGE) {
      throw new OperatorError(
        'OP_TOO_YOUNG',
        `must be ${MINIMUM_AGE} or older (MyData 2.0)`,
        `만 ${MINIMUM_AGE}세 이상만 가입할 수 있습니다`,
        'birthDate',
      );
    }
    const phone = mobileDigits(input.phone);
    if (!phone) throw invalid('phone', 'must be a Korean mobile number (010-1234-5678)', '휴대폰 번호를 확인하세요');
    const certTxId = await this.#ca.identityRequest({
      name,
      birthDate: input.birthDate as string,
      phone,
      title: '한눈 회원가입 본인확인',
    });
    if (!certTxId) {
      throw invalid(
        'identity',
        'the certificate authority knows nobody with this name, birth date and mobile number',
        '인증기관에 등록된 정보와 일치하지 않습니다',
      );
    }
    await this.#flows.sweep(now - this.#ttlMs);
    const ticket = opaqueId('s');
    const t: Ticket = { certTxId, phone, caPageUrl: `${this.#caPagesUrl}/identity/${certTxId}` };
    const expiresAt = now + this.#ttlMs;
    await this.#flows.create('identity', ticket, { status: 'waiting', payload: t, expiresAt, now });
    this.#logger.info('identity check opened at the CA');
    return { ticket, caPageUrl: t.caPageUrl, expiresAt };
  }

  /** Where the check stands; asks the CA while waiting (and takes the identity, once, when confirmed). */
  async status(ticket: string | undefined): Promise<{ status: IdentityCheckStatus; caPageUrl?: string } | undefined> {
    const r = await this.#read(ticket);
    return r && { status: r.status, ...(r.status === 'waiting' ? { caPageUrl: r.ticket.caPageUrl } : {}) };
  }

  async #read(ticket: string | undefined): Promise<{ status: IdentityCheckStatus; ticket: Ticket } | undefined> {
    if (typeof ticket !== 'string' || ticket.length > 100) return undefined;
    const f = await this.#flows.get<Ticket>('identity', ticket);
    if (!f) return undefined;
    let status = f.status as IdentityCheckStatus;
    let t = f.payload;
    if (status === 'waiting') {
      if (this.#clock.nowMs() >= f.expiresAt) status = 'expired';
      else {
        const r = await this.#ca.identityResult(t.certTxId);
        if (r.status === 'confirmed') {
          t = { ...t, identity: { ci: r.ci, name: r.name, birthDate: r.birthDate, phone: t.phone } };
          status = 'confirmed';
        } else if (r.status !== 'pending') status = r.status;
      }
      if (status !== 'waiting') {
        const written = await this.#flows.update('identity', ticket, f.version, { status, payload: t });
        // Another process answered first: its answer stands.
        if (!written) return this.#read(ticket);
      }
    }
    return { status, ticket: t };
  }

  /** The confirmed identity, for sign-up; the ticket is used up only when `consume` is called. */
  async confirmed(ticket: string | undefined): Promise<ConfirmedIdentity | undefined> {
    const r = await this.#read(ticket);
    return r?.status === 'confirmed' ? r.ticket.identity : undefined;
  }

  /** Used up (after the sign-up it served): gone from the database. */
  async consume(ticket: string): Promise<void> {
    await this.#flows.take('identity', ticket);
  }
}
