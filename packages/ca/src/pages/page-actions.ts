import { timingSafeEqual } from 'node:crypto';
import { kstDateTimeWording } from '../kst.ts';
import { pinMatches } from '../people/pin-hash.ts';
import {
  AFTER_RIGHT_PIN,
  afterWrongPin,
  attemptsLeft,
  isLocked,
  type PinPolicy,
  type PinState,
} from '../people/pin-lock.ts';
import type { CaContext } from '../service/ca-context.ts';
import { CERT_TX_ID_PATTERN } from '../signing/cert-tx-id.ts';
import { signTransaction } from '../signing/sign-transaction.ts';
import { effectiveStatus, type PersonRecord, type SignTransaction } from '../store/ca-repository.ts';
import type { ApprovalPageState } from './approval-page.ts';
import { approvalView } from './approval-view.ts';
import type { PageLang } from './page-lang.ts';

/** What a page request comes to: the form (again), or a message page. */
export type PageOutcome =
  | { readonly kind: 'form'; readonly status: number; readonly state: ApprovalPageState }
  | {
      readonly kind: 'message';
      readonly status: number;
      readonly message: 'signed' | 'refused' | 'expired' | 'not-found' | 'forbidden';
      readonly returnUrl: string | null;
    };

export interface PageForm {
  readonly csrf?: string;
  readonly action?: string;
  readonly pin?: string;
}

const message = (
  status: number,
  which: Extract<PageOutcome, { kind: 'message' }>['message'],
  returnUrl: string | null = null,
): PageOutcome => ({ kind: 'message', status, message: which, returnUrl });

function policy(ctx: CaContext): PinPolicy {
  return { maxAttempts: ctx.limits.maxPinAttempts, lockMs: ctx.limits.pinLockSeconds * 1000 };
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The transaction if it can still be signed, else the message page that says why. */
async function openTransaction(
  ctx: CaContext,
  certTxId: string,
  decidedStatus: number,
): Promise<{ tx: SignTransaction; person: PersonRecord } | PageOutcome> {
  if (!CERT_TX_ID_PATTERN.test(certTxId)) return message(404, 'not-found');
  const tx = await ctx.repository.transaction(certTxId);
  if (!tx) return message(404, 'not-found');
  const now = ctx.clock.nowMs();
  switch (effectiveStatus(tx, now)) {
    case 'expired':
      if (tx.status === 'requested') await ctx.repository.decide(tx.certTxId, 'expired', now);
      return message(410, 'expired');
    case 'approved':
      return message(decidedStatus, 'signed', tx.returnAppSchemeUrl);
    case 'refused':
      return message(decidedStatus, 'refused', tx.returnAppSchemeUrl);
    case 'requested':
      break;
  }
  const person = await ctx.repository.personById(tx.personId);
  if (!person) throw new Error('signing transaction without its person');
  return { tx, person };
}

function formState(
  ctx: CaContext,
  tx: SignTransaction,
  person: PersonRecord,
  lang: PageLang,
  error: ApprovalPageState['error'],
): ApprovalPageState {
  const now = ctx.clock.nowMs();
  const pin = person.pin;
  const locked = isLocked(pin, now) && pin.lockedUntil !== null;
  return {
    lang,
    caName: ctx.caName,
    certTxId: tx.certTxId,
    csrfToken: tx.csrfToken,
    view: approvalView(ctx.registry, tx, person.name, lang),
    attemptsLeft: attemptsLeft(pin, policy(ctx), now),
    maxAttempts: ctx.limits.maxPinAttempts,
    lockMinutes: Math.round(ctx.limits.pinLockSeconds / 60),
    lockedUntil: locked
      ? { ko: kstDateTimeWording(pin.lockedUntil!, 'ko'), en: kstDateTimeWording(pin.lockedUntil!, 'en') }
      : null,
    error,
  };
}

/** GET /sign/:cert_tx_id */
export async function showApproval(ctx: CaContext, certTxId: string, lang: PageLang): Promise<PageOutcome> {
  const open = await openTransaction(ctx, certTxId, 200);
  if ('kind' in open) return open;
  const state = formState(ctx, open.tx, open.person, lang, null);
  return { kind: 'form', status: state.lockedUntil ? 423 : 200, state };
}

/**
 * Record a wrong PIN as a compare-and-set on the person's PIN state (two tries at once both count), and
 * return the person as they are now.
 */
export async function countWrongPin(ctx: CaContext, person: PersonRecord): Promise<PersonRecord> {
  let current = person;
  for (let i = 0; i < 10; i++) {
    const next: PinState = afterWrongPin(current.pin, policy(ctx), ctx.clock.nowMs());
    if (await ctx.repository.updatePinState(current.id, current.pin, next)) return { ...current, pin: next };
    const fresh = await ctx.repository.personById(current.id);
    if (!fresh) throw new Error('person vanished while counting a wrong PIN');
    current = fresh;
  }
  throw new Error('could not record a wrong PIN: the PIN state keeps changing');
}

/** POST /sign/:cert_tx_id: refuse, or approve with the PIN (checked against the lock first). */
export async function submitApproval(
  ctx: CaContext,
  certTxId: string,
  form: PageForm,
  lang: PageLang,
): Promise<PageOutcome> {
  const open = await openTransaction(ctx, certTxId, 409);
  if ('kind' in open) return open;
  const { tx, person } = open;
  if (!sameToken(form.csrf, tx.csrfToken)) {
    ctx.logger.warn({ page: 'sign' }, 'approval form without a valid CSRF token refused');
    return message(403, 'forbidden');
  }
  const now = ctx.clock.nowMs();
  if (form.action === 'refuse') {
    await ctx.repository.decide(tx.certTxId, 'refused', now);
    ctx.logger.info({ operator: tx.operatorOrgCode, consents: tx.consents.length }, 'signing refused by the person');
    return message(200, 'refused', tx.returnAppSchemeUrl);
  }
  if (form.action !== 'approve') return message(403, 'forbidden');
  if (isLocked(person.pin, now)) {
    ctx.logger.warn({ operator: tx.operatorOrgCode }, 'PIN entry while locked refused');
    return { kind: 'form', status: 423, state: formState(ctx, tx, person, lang, null) };
  }
  const pin = form.pin ?? '';
  if (!(await pinMatches(person.pinHash, pin, ctx.secrets.pepper))) {
    const after = await countWrongPin(ctx, person);
    const locked = isLocked(after.pin, ctx.clock.nowMs());
    ctx.logger.warn(
      { operator: tx.operatorOrgCode, attemptsLeft: attemptsLeft(after.pin, policy(ctx), ctx.clock.nowMs()), locked },
      'wrong PIN',
    );
    const error = /^[0-9]{6}$/.test(pin) ? 'wrong-pin' : 'bad-pin-format';
    return { kind: 'form', status: locked ? 423 : 400, state: formState(ctx, tx, after, lang, locked ? null : error) };
  }
  // The right PIN: clear the count, unless a lock arrived from another tab while the hash was computed.
  const fresh = (await ctx.repository.personById(person.id)) ?? person;
  if (isLocked(fresh.pin, ctx.clock.nowMs())) {
    return { kind: 'form', status: 423, state: formState(ctx, tx, fresh, lang, null) };
  }
  if (fresh.pin.failedAttempts !== 0 || fresh.pin.lockedUntil !== null) {
    await ctx.repository.updatePinState(fresh.id, fresh.pin, AFTER_RIGHT_PIN);
  }
  if (!(await signTransaction(ctx, tx, fresh))) {
    const again = await openTransaction(ctx, certTxId, 409);
    return 'kind' in again ? again : message(409, 'expired');
  }
  ctx.logger.info({ operator: tx.operatorOrgCode, consents: tx.consents.length }, 'consents signed by the person');
  return message(200, 'signed', tx.returnAppSchemeUrl);
}
