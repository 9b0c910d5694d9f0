import { kstDateTimeWording } from '../kst.ts';
import { maskName } from '../people/mask-name.ts';
import type { PageLang } from '../pages/page-lang.ts';
import { checkPin, pinLockView, sameToken } from '../pages/pin-entry.ts';
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
  return {
    lang,
    caName: ctx.caName,
    certTxId: tx.certTxId,
    csrfToken: tx.csrfToken,
    requestedBy: ctx.registry.org(tx.operatorOrgCode)?.name ?? tx.operatorOrgCode,
    requestTitle: tx.requestTitle,
    maskedName: maskName(person.name),
    expiresAt: { ko: kstDateTimeWording(tx.expiresAt, 'ko'), en: kstDateTimeWording(tx.expiresAt, 'en') },
    ...pinLockView(ctx, person),
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
  const pin = await checkPin(ctx, person, form.pin, { operator: tx.operatorOrgCode, page: 'identity' });
  if (pin.kind !== 'right') {
    const status = pin.kind === 'locked' || pin.error === null ? 423 : 400;
    return {
      kind: 'form',
      status,
      state: formState(ctx, tx, pin.person, lang, pin.kind === 'wrong' ? pin.error : null),
    };
  }
  if (!(await identities.decide(tx.certTxId, 'approved', ctx.clock.nowMs()))) {
    const again = await openCheck(ctx, identities, certTxId, 409);
    return 'kind' in again ? again : message(409, 'expired');
  }
  ctx.logger.info({ operator: tx.operatorOrgCode }, 'identity confirmed by the person');
  return message(200, 'confirmed', tx.returnUrl);
}
