import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import type { PageLang } from './page-lang.ts';
import { type Bilingual, pick } from './page-lang.ts';
import { attemptsLeftText, expiresText, lockedText, TEXT } from './page-texts.ts';
import type { ApprovalView, ConsentView } from './approval-view.ts';

export interface ApprovalPageState {
  readonly lang: PageLang;
  readonly caName: string;
  readonly certTxId: string;
  readonly csrfToken: string;
  readonly view: ApprovalView;
  readonly attemptsLeft: number;
  readonly maxAttempts: number;
  readonly lockMinutes: number;
  /** When the person is locked: until when, in words. */
  readonly lockedUntil: Bilingual | null;
  /** The outcome of the last try, shown above the form. */
  readonly error: 'wrong-pin' | 'bad-pin-format' | null;
}

function consentSection(lang: PageLang, c: ConsentView, index: number, total: number): SafeHtml {
  const t = (x: Bilingual) => pick(lang, x);
  const headingId = `consent-${index + 1}`;
  return html`<section class="consent" aria-labelledby="${headingId}">
<h2 id="${headingId}">${t(TEXT.consentHeading)} ${index + 1}/${total}: ${c.title}</h2>
<dl>
<dt>${t(TEXT.provider)}</dt><dd>${c.providerName}</dd>
<dt>${t(TEXT.recipient)}</dt><dd>${c.recipientName}</dd>
<dt>${t(TEXT.items)}</dt><dd><ul>${c.items.map((i) => html`<li>${i}</li>`)}</ul></dd>
<dt>${t(TEXT.assets)}</dt><dd><ul>${c.assets.map((a) => html`<li>${a}</li>`)}</ul></dd>
<dt>${t(TEXT.schedule)}</dt><dd>${c.schedule}</dd>
<dt>${t(TEXT.endDate)}</dt><dd>${c.endDate}</dd>
<dt>${t(TEXT.purpose)}</dt><dd>${c.purpose}</dd>
<dt>${t(TEXT.period)}</dt><dd>${c.period}</dd>
<dt>${t(TEXT.sensitive)}</dt><dd><ul>${c.sensitive.map((s) => html`<li>${s.label}: ${s.agreed ? t(TEXT.agreed) : t(TEXT.notAgreed)}</li>`)}</ul></dd>
</dl>
</section>`;
}

/** The page a person approves or refuses on: every consent in words, the PIN field, 동의(서명) and 거부. */
export function approvalPage(s: ApprovalPageState): SafeHtml {
  const t = (x: Bilingual) => pick(s.lang, x);
  const path = `/sign/${s.certTxId}`;
  const action = s.lang === 'en' ? `${path}?lang=en` : path;
  const attempts = t(attemptsLeftText(s.attemptsLeft, s.maxAttempts, s.lockMinutes));
  const alert = s.lockedUntil
    ? html`<p class="error" role="alert" id="pin-status">${t(lockedText(s.lockedUntil))}</p>`
    : s.error === 'wrong-pin'
      ? html`<p class="error" role="alert" id="pin-status">${t(TEXT.wrongPin)} ${attempts}</p>`
      : s.error === 'bad-pin-format'
        ? html`<p class="error" role="alert" id="pin-status">${t(TEXT.badPinFormat)} ${attempts}</p>`
        : html`<p class="hint" id="pin-status">${attempts}</p>`;
  const v = s.view;
  const body = html`<h1>${t(TEXT.title)}: ${v.requestTitle}</h1>
<p class="notice">${t(TEXT.intro)}</p>
<dl>
<dt>${t(TEXT.requestedBy)}</dt><dd>${v.requestedBy}</dd>
<dt>${t(TEXT.person)}</dt><dd>${v.maskedName}</dd>
<dt>${t(TEXT.validUntil)}</dt><dd>${t(expiresText(v.expiresAt))}</dd>
<dt>${t(TEXT.consentCount)}</dt><dd>${v.consents.length}</dd>
</dl>
${v.consents.map((c, i) => consentSection(s.lang, c, i, v.consents.length))}
<form method="post" action="${action}">
<input type="hidden" name="csrf" value="${s.csrfToken}">
${alert}
<label for="pin">${t(TEXT.pinLabel)}</label>
<input type="password" id="pin" name="pin" inputmode="numeric" pattern="[0-9]{6}" minlength="6" maxlength="6" autocomplete="off" required aria-describedby="pin-status"${s.lockedUntil ? html` disabled` : ''}>
<div class="buttons">
<button type="submit" class="primary" name="action" value="approve"${s.lockedUntil ? html` disabled` : ''}>${t(TEXT.agree)}</button>
<button type="submit" name="action" value="refuse" formnovalidate>${t(TEXT.refuse)}</button>
</div>
</form>`;
  return layout({ lang: s.lang, title: t(TEXT.title), caName: s.caName, path, body });
}

/** A page that only says something: signed, refused, expired, not found, not accepted. */
export function messagePage(opts: {
  readonly lang: PageLang;
  readonly caName: string;
  readonly path: string;
  readonly title: Bilingual;
  readonly body: Bilingual;
  /** A link back to the operator's app (only schemes that are safe as links). */
  readonly returnUrl?: string | null;
}): SafeHtml {
  const t = (x: Bilingual) => pick(opts.lang, x);
  const body = html`<h1>${t(opts.title)}</h1>
<p class="notice" role="status">${t(opts.body)}</p>
${opts.returnUrl && isSafeReturnUrl(opts.returnUrl) ? html`<p><a href="${opts.returnUrl}">${t(TEXT.backToApp)}</a></p>` : ''}`;
  return layout({ lang: opts.lang, title: t(opts.title), caName: opts.caName, path: opts.path, body });
}

const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob']);

/** An app scheme or web address that may be a link: `scheme://…`, no script-like scheme, no spaces or quotes. */
export function isSafeReturnUrl(url: string): boolean {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/[^\s"'<>`]*$/.exec(url);
  return m !== null && !UNSAFE_SCHEMES.has(m[1]!.toLowerCase());
}
