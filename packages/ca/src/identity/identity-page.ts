import { html, type SafeHtml } from '../pages/html.ts';
import { layout } from '../pages/layout.ts';
import { type Bilingual, type PageLang, pick } from '../pages/page-lang.ts';
import { attemptsLeftText, expiresText, lockedText, TEXT } from '../pages/page-texts.ts';
import { IDENTITY_PAGE_PREFIX } from './identity-shapes.ts';
import { IDENTITY_TEXT } from './identity-texts.ts';

export interface IdentityPageState {
  readonly lang: PageLang;
  readonly caName: string;
  readonly certTxId: string;
  readonly csrfToken: string;
  readonly requestedBy: string;
  readonly requestTitle: string;
  readonly maskedName: string;
  readonly expiresAt: Bilingual;
  readonly attemptsLeft: number;
  readonly maxAttempts: number;
  readonly lockMinutes: number;
  readonly lockedUntil: Bilingual | null;
  readonly error: 'wrong-pin' | 'bad-pin-format' | null;
}

/** The page on which a person confirms (or refuses) an operator's identity check with their PIN. */
export function identityPage(s: IdentityPageState): SafeHtml {
  const t = (x: Bilingual) => pick(s.lang, x);
  const path = `${IDENTITY_PAGE_PREFIX}/${s.certTxId}`;
  const action = s.lang === 'en' ? `${path}?lang=en` : path;
  const attempts = t(attemptsLeftText(s.attemptsLeft, s.maxAttempts, s.lockMinutes));
  const alert = s.lockedUntil
    ? html`<p class="error" role="alert" id="pin-status">${t(lockedText(s.lockedUntil))}</p>`
    : s.error === 'wrong-pin'
      ? html`<p class="error" role="alert" id="pin-status">${t(TEXT.wrongPin)} ${attempts}</p>`
      : s.error === 'bad-pin-format'
        ? html`<p class="error" role="alert" id="pin-status">${t(TEXT.badPinFormat)} ${attempts}</p>`
        : html`<p class="hint" id="pin-status">${attempts}</p>`;
  const disabled = s.lockedUntil ? html` disabled` : '';
  const body = html`<h1>${t(IDENTITY_TEXT.title)}</h1>
<p class="notice">${t(IDENTITY_TEXT.intro)}</p>
<dl>
<dt>${t(IDENTITY_TEXT.requestedBy)}</dt><dd>${s.requestedBy}</dd>
<dt>${t(IDENTITY_TEXT.purpose)}</dt><dd>${s.requestTitle}</dd>
<dt>${t(IDENTITY_TEXT.person)}</dt><dd>${s.maskedName}</dd>
<dt>${t(IDENTITY_TEXT.shared)}</dt><dd>${t(IDENTITY_TEXT.sharedItems)}</dd>
<dt>${t(IDENTITY_TEXT.validUntil)}</dt><dd>${t(expiresText(s.expiresAt))}</dd>
</dl>
<form method="post" action="${action}">
<input type="hidden" name="csrf" value="${s.csrfToken}">
${alert}
<label for="pin">${t(TEXT.pinLabel)}</label>
<input type="password" id="pin" name="pin" inputmode="numeric" pattern="[0-9]{6}" minlength="6" maxlength="6" autocomplete="off" required aria-describedby="pin-status"${disabled}>
<div class="buttons">
<button type="submit" class="primary" name="action" value="approve"${disabled}>${t(IDENTITY_TEXT.confirm)}</button>
<button type="submit" name="action" value="refuse" formnovalidate>${t(IDENTITY_TEXT.refuse)}</button>
</div>
</form>`;
  return layout({ lang: s.lang, title: t(IDENTITY_TEXT.title), caName: s.caName, path, body });
}
