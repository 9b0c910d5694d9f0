import { timingSafeEqual } from 'node:crypto';
import { kstDateTimeWording } from '../kst.ts';
import { maskName } from '../people/mask-name.ts';
import { pinMatches } from '../people/pin-hash.ts';
import { AFTER_RIGHT_PIN, attemptsLeft, isLocked, type PinPolicy } from '../people/pin-lock.ts';
import { countWrongPin } from '../pages/page-actions.ts';
import type { PageLang } from '../pages/page-lang.ts';
import type { CaContext } from '../service/ca-context.ts';
import { CERT_TX_ID_PATTERN } from '../signing/cert-tx-id.ts';
import type { PersonRecord } from '../store/ca-repository.ts';
import type { IdentityPageState } from './identity-page.ts';
import { type IdentityStore, type IdentityTransaction, identityStatus } from './identity-store.ts';

export type IdentityOutcome =
  | { readonly kind: 'form'; readonly status: number; readonly state: IdentityPageState }
  | {
      readonly kind: 'message';
      readonly status: number;
      readonly message: 'confirmed' | 'refused' | 'expired' | 'not-found' | 'forbidden';
      readonly returnUrl: string | null;
    };

export interface IdentityForm {
  readonly csrf?: string;
  readonly action?: string;
  readonly pin?: string;
}

type Message = Extract<IdentityOutcome, { kind: 'message' }>['message'];
const message = (status: number, which: Message, returnUrl: string | null = null): IdentityOutcome => ({
  kind: 'message',
  status,
  message: which,
  returnUrl,
});

const policy = (ctx: CaContext): PinPolicy => ({
  maxAttempts: ctx.limits.maxPinAttempts,
  lockMs: ctx.limits.pinLockSeconds * 1000,
});

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function openCheck(
  ctx: CaContext,
  identities: IdentityStore,
  certTxId: string,
  decidedStatus: number,
): Promise<{ tx: IdentityTransaction; person: PersonRecord } | IdentityOutcome> {
  if (!CERT_TX_ID_PATTERN.test(certTxId)) return message(404, 'not-found');
  const tx = await identities.get(certTxId);
  if (!tx) return message(404, 'not-found');
  const now = ctx.clock.nowMs();
  switch (identityStatus(tx, now)) {
    case 'expired':
      if (tx.status === 'requested') await identities.decide(tx.certTxId, 'expired', now);
      return message(410, 'expired');
    case 'approved':
      return message(decidedStatus, 'confirmed', tx.returnUrl);
    case 'refused':
      return message(decidedStatus, 'refused', tx.returnUrl);
    case 'requested':
      break;
  }
  const person = await ctx.repository.personById(tx.personId);
  if (!person) throw new Error('identity check without its person');
  return { tx, person };
}

function formState(
  ctx: CaContext,
  tx: IdentityTransaction,
  person: PersonRecord,
  lang: PageLang,
  error: IdentityPageState['error'],
): IdentityPageState {
  const now = ctx.clock.nowMs();
  const locked = isLocked(person.pin, now) && person.pin.lockedUntil !== null;
  return {
    lang,
    caName: ctx.caName,
    certTxId: tx.certTxId,
    csrfToken: tx.csrfToken,
    requestedBy: ctx.registry.org(tx.operatorOrgCode)?.name ?? tx.operatorOrgCode,
    requestTitle: tx.requestTitle,
    maskedName: maskName(person.name),
    expiresAt: { ko: kstDateTimeWording(tx.expiresAt, 'ko'), en: kstDateTimeWording(tx.expiresAt, 'en') },
    attemptsLeft: attemptsLeft(person.pin, policy(ctx), now),
    maxAttempts: ctx.limits.maxPinAttempts,
    lockMinutes: Math.round(ctx.limits.pinLockSeconds / 60),
    lockedUntil: locked
      ? {
          ko: kstDateTimeWording(person.pin.lockedUntil!, 'ko'),
          en: kstDateTimeWording(person.pin.lockedUntil!, 'en'),
        }
      : null,
    error,
  };
}

/** GET /identity/:cert_tx_id */
export async function showIdentity(
  ctx: CaContext,
  identities: IdentityStore,
  certTxId: string,
  lang: PageLang,
): Promise<IdentityOutcome> {
  const open = await openCheck(ctx, identities, certTxId, 200);
  if ('kind' in open) return open;
  const state = formState(ctx, open.tx, open.person, lang, null);
  return { kind: 'form', status: state.lockedUntil ? 423 : 200, state };
}

/**
 * POST /identity/:cert_tx_id: refuse, or confirm with the PIN. The PIN count and lock are the person's, shared
 * with the signing page (the same compare-and-set), so switching pages does not reset them.
 */
export async function submitIdentity(
  ctx: CaContext,
  identities: IdentityStore,
  certTxId: string,
  form: IdentityForm,
  lang: PageLang,
): Promise<IdentityOutcome> {
  const open = await openCheck(ctx, identities, certTxId, 409);
  if ('kind' in open) return open;
  const { tx, person } = open;
  if (!sameToken(form.csrf, tx.csrfToken)) {
    ctx.logger.warn({ page: 'identity' }, 'identity form without a valid CSRF token refused');
    return message(403, 'forbidden');
  }
  const now = ctx.clock.nowMs();
  if (form.action === 'refuse') {
    await identities.decide(tx.certTxId, 'refused', now);
    ctx.logger.info({ operator: tx.operatorOrgCode }, 'identity check refused by the person');
    return message(200, 'refused', tx.returnUrl);
  }
  if (form.action !== 'approve') return message(403, 'forbidden');
  if (isLocked(person.pin, now)) return { kind: 'form', status: 423, state: formState(ctx, tx, person, lang, null) };
  const pin = form.pin ?? '';
  if (!(await pinMatches(person.pinHash, pin, ctx.secrets.pepper))) {
    const after = await countWrongPin(ctx, person);
    const locked = isLocked(after.pin, ctx.clock.nowMs());
    ctx.logger.warn({ operator: tx.operatorOrgCode, locked }, 'wrong PIN at the identity check');
    const error = /^[0-9]{6}$/.test(pin) ? 'wrong-pin' : 'bad-pin-format';
    return { kind: 'form', status: locked ? 423 : 400, state: formState(ctx, tx, after, lang, locked ? null : error) };
  }
  const fresh = (await ctx.repository.personById(person.id)) ?? person;
  if (isLocked(fresh.pin, ctx.clock.nowMs())) {
    return { kind: 'form', status: 423, state: formState(ctx, tx, fresh, lang, null) };
  }
  if (fresh.pin.failedAttempts !== 0 || fresh.pin.lockedUntil !== null) {
    await ctx.repository.updatePinState(fresh.id, fresh.pin, AFTER_RIGHT_PIN);
  }
  if (!(await identities.decide(tx.certTxId, 'approved', ctx.clock.nowMs()))) {
    const again = await openCheck(ctx, identities, certTxId, 409);
    return 'kind' in again ? again : message(409, 'expired');
  }
  ctx.logger.info({ operator: tx.operatorOrgCode }, 'identity confirmed by the person');
  return message(200, 'confirmed', tx.returnUrl);
}
