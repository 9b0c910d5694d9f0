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
  readonly error?: 'wrong-token' | 'wrong-password' | 'locked' | 'throttled';
  /** Administrator accounts exist: the form asks for a login name and password first. */
  readonly passwords?: boolean;
  readonly notice?: 'logged-out' | 'login-needed';
}

const ERROR_TEXT = {
  'wrong-token': 'wrongToken',
  'wrong-password': 'wrongPassword',
  locked: 'accountLocked',
  throttled: 'tooManyTries',
} as const;

/** The administrator's login: login name and password when accounts exist, and the admin token (scripts, first set-up). */
export function loginPage(s: LoginPageState): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const status = s.error
    ? html`<p class="error" role="alert" id="login-status">${t(ERROR_TEXT[s.error])}</p>`
    : s.notice
      ? html`<p class="notice" role="status">${t(s.notice === 'logged-out' ? 'loggedOut' : 'sessionEnded')}</p>`
      : '';
  const invalid = (on: boolean) => (on ? html` aria-invalid="true" aria-describedby="login-status"` : '');
  const tokenField = html`<div class="field">
<label for="token">${t('tokenLabel')}</label>
<input type="password" id="token" name="token" autocomplete="off" spellcheck="false"${s.passwords ? '' : ' required'}${invalid(s.error === 'wrong-token')}>
</div>`;
  const form = s.passwords
    ? html`<p>${t('passwordIntro')}</p>
<div class="field">
<label for="login">${t('loginNameLabel')}</label>
<input type="text" id="login" name="login" autocomplete="username" spellcheck="false"${invalid(s.error === 'wrong-password' || s.error === 'locked')}>
</div>
<div class="field">
<label for="password">${t('passwordLabel')}</label>
<input type="password" id="password" name="password" autocomplete="current-password"${invalid(s.error === 'wrong-password' || s.error === 'locked')}>
</div>
<details${s.error === 'wrong-token' ? ' open' : ''}><summary>${t('tokenInstead')}</summary>
${tokenField}
</details>`
    : html`<p>${t('loginIntro')}</p>
${tokenField}`;
  const body = html`<h1>${t('loginTitle')}</h1>
${status}
<form class="stacked" method="post" action="${withLang('/login', s.lang)}">
<input type="hidden" name="csrf" value="${s.csrf}">
<input type="hidden" name="next" value="${s.next}">
${form}
<div class="buttons"><button type="submit" class="primary">${t('loginButton')}</button></div>
</form>`;
  return layout({ lang: s.lang, title: t('loginTitle'), path: '/login', body });
}
