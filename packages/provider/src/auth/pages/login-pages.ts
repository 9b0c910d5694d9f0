import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { type PageLang, TEXT } from './page-text.ts';

/** What every page of one request knows. */
export interface PageFrame {
  readonly lang: PageLang;
  /** The institution's name in the page's language. */
  readonly org: string;
  /** `<basePath>/auth`: where the pages live (same origin). */
  readonly base: string;
  readonly requestId: string;
  readonly csrf: string;
}

const hidden = (f: PageFrame) => html`<input type="hidden" name="request" value="${f.requestId}">
<input type="hidden" name="csrf" value="${f.csrf}">
<input type="hidden" name="lang" value="${f.lang}">`;

const href = (f: PageFrame, page: string, lang: PageLang) =>
  `${f.base}/${page}?request=${encodeURIComponent(f.requestId)}&lang=${lang}`;

const errorLine = (error: string | undefined) =>
  error ? html`<p class="error" role="alert" id="form-error">${error}</p>` : '';

/** The first factor: the institution's own login ID and password. */
export function loginPage(f: PageFrame, service: string, error?: string, loginId = ''): SafeHtml {
  const t = (k: keyof typeof TEXT) => (TEXT[k] as Record<PageLang, string>)[f.lang];
  return layout({
    lang: f.lang,
    title: t('loginTitle'),
    org: f.org,
    otherLangHref: href(f, 'login', f.lang === 'ko' ? 'en' : 'ko'),
    body: html`<p>${TEXT.loginIntro[f.lang](service, f.org)}</p>
<form method="post" action="${f.base}/login"${error ? html` aria-describedby="form-error"` : ''}>
${hidden(f)}
<label for="login_id">${t('loginId')}</label>
<input type="text" id="login_id" name="login_id" autocomplete="username" required maxlength="40" value="${loginId}">
<label for="password">${t('password')}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required maxlength="100">
${errorLine(error)}
<div class="buttons">
<button class="primary" type="submit" name="action" value="login">${t('login')}</button>
<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>${t('cancel')}</button>
</div>
</form>`,
  });
}

export interface DemoSms {
  readonly phone: string;
  readonly text: string;
}

/** The second factor: a 6-digit code "sent by SMS"; in the demo the message shows in a labelled box. */
export function otpPage(
  f: PageFrame,
  maskedPhone: string,
  sms: DemoSms | undefined,
  message?: string,
  error?: string,
): SafeHtml {
  const t = (k: keyof typeof TEXT) => (TEXT[k] as Record<PageLang, string>)[f.lang];
  return layout({
    lang: f.lang,
    title: t('otpTitle'),
    org: f.org,
    otherLangHref: href(f, 'otp', f.lang === 'ko' ? 'en' : 'ko'),
    body: html`<p>${TEXT.otpIntro[f.lang](maskedPhone)}</p>
${
  sms
    ? html`<aside class="demo-sms" aria-labelledby="demo-sms-title">
<strong id="demo-sms-title">${t('demoSmsTitle')}</strong>
<p class="muted">${t('demoSmsTo')}: ${sms.phone}</p>
<p>${sms.text}</p>
</aside>`
    : ''
}
${message ? html`<p role="status">${message}</p>` : ''}
<form method="post" action="${f.base}/otp"${error ? html` aria-describedby="form-error"` : ''}>
${hidden(f)}
<label for="otp">${t('otp')}</label>
<input type="text" id="otp" name="otp" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required>
${errorLine(error)}
<div class="buttons">
<button class="primary" type="submit" name="action" value="verify">${t('verify')}</button>
<button class="secondary" type="submit" name="action" value="resend" formnovalidate>${t('resend')}</button>
<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>${t('cancel')}</button>
</div>
</form>`,
  });
}

/** A dead end: the request is unknown, expired, finished, or belongs to another browser. */
export function messagePage(lang: PageLang, org: string, title: string, text: string, otherLangHref: string): SafeHtml {
  return layout({ lang, title, org, otherLangHref, body: html`<p>${text}</p>` });
}
