import { html, type SafeHtml } from '@hannun/infra';
import { layout } from '../layout.ts';
import { type PageLang, pick, withLang } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';

export interface LoginPageState {
  readonly lang: PageLang;
  /** The login form's CSRF token (bound to the login cookie). */
  readonly csrf: string;
  /** Where to go after logging in (a path of the admin pages). */
  readonly next: string;
  readonly error?: 'wrong-token' | 'throttled';
  readonly notice?: 'logged-out' | 'login-needed';
}

/** The administrator's login: the admin token, one field. */
export function loginPage(s: LoginPageState): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const status = s.error
    ? html`<p class="error" role="alert" id="token-status">${t(s.error === 'wrong-token' ? 'wrongToken' : 'tooManyTries')}</p>`
    : s.notice
      ? html`<p class="notice" role="status">${t(s.notice === 'logged-out' ? 'loggedOut' : 'sessionEnded')}</p>`
      : '';
  const body = html`<h1>${t('loginTitle')}</h1>
${status}
<p>${t('loginIntro')}</p>
<form class="stacked" method="post" action="${withLang('/login', s.lang)}">
<input type="hidden" name="csrf" value="${s.csrf}">
<input type="hidden" name="next" value="${s.next}">
<div class="field">
<label for="token">${t('tokenLabel')}</label>
<input type="password" id="token" name="token" autocomplete="off" spellcheck="false" required${s.error ? html` aria-invalid="true" aria-describedby="token-status"` : ''}>
</div>
<div class="buttons"><button type="submit" class="primary">${t('loginButton')}</button></div>
</form>`;
  return layout({ lang: s.lang, title: t('loginTitle'), path: '/login', body });
}
