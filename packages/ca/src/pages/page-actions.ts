import type { CaContext } from '../service/ca-context.ts';
import { CERT_TX_ID_PATTERN } from '../signing/cert-tx-id.ts';
import { signTransaction } from '../signing/sign-transaction.ts';
import { effectiveStatus, type PersonRecord, type SignTransaction } from '../store/ca-repository.ts';
import type { ApprovalPageState } from './approval-page.ts';
import { approvalView } from './approval-view.ts';
import type { PageLang } from './page-lang.ts';
import { checkPin, pinLockView, sameToken } from './pin-entry.ts';

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
  return {
    lang,
    caName: ctx.caName,
    certTxId: tx.certTxId,
    csrfToken: tx.csrfToken,
    view: approvalView(ctx.registry, tx, person.name, lang),
    ...pinLockView(ctx, person),
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
  const pin = await checkPin(ctx, person, form.pin, { operator: tx.operatorOrgCode });
  if (pin.kind !== 'right') {
    const status = pin.kind === 'locked' || pin.error === null ? 423 : 400;
    return {
      kind: 'form',
      status,
      state: formState(ctx, tx, pin.person, lang, pin.kind === 'wrong' ? pin.error : null),
    };
  }
  const fresh = pin.person;
  if (!(await signTransaction(ctx, tx, fresh))) {
    const again = await openTransaction(ctx, certTxId, 409);
    return 'kind' in again ? again : message(409, 'expired');
  }
  ctx.logger.info({ operator: tx.operatorOrgCode, consents: tx.consents.length }, 'consents signed by the person');
  return message(200, 'signed', tx.returnAppSchemeUrl);
}
