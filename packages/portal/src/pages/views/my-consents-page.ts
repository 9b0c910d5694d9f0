import { html, type SafeHtml } from '@hannun/infra';
import { dateWording, scopeWording } from '@hannun/spec';
import type { OperatorAnswer } from '../../consent-view/operator-consents.ts';
import { layout } from '../layout.ts';
import { type PageLang, withLang } from '../page-lang.ts';

export const MY_CONSENTS_PATH = '/consents';
export const MY_CONSENTS_RESULT_PATH = '/consents/result';

const T = {
  title: { ko: '내 전송요구 내역 한눈에 보기', en: 'All my MyData consents' },
  intro: {
    ko: '모든 마이데이터사업자에게 한 전송요구 중 지금 유효한 것을 한곳에서 봅니다. 인증기관에서 본인임을 확인하면, 종합포털이 각 사업자에게 물어 보여 드립니다. 종합포털은 조회 결과를 저장하지 않습니다.',
    en: 'See, in one place, every MyData consent you have given that is valid today, at every operator. Confirm who you are at the certificate authority; the portal then asks each operator. The portal keeps nothing of what it shows.',
  },
  name: { ko: '이름', en: 'Name' },
  birth: { ko: '생년월일 (예: 19900101)', en: 'Date of birth (e.g. 19900101)' },
  phone: { ko: '휴대폰 번호', en: 'Mobile number' },
  start: { ko: '인증기관에서 본인 확인하기', en: 'Confirm who I am at the CA' },
  step1: {
    ko: '1. 인증기관 화면에서 PIN으로 본인임을 확인하세요.',
    en: '1. Confirm who you are with your PIN on the CA’s page.',
  },
  openCa: { ko: '인증기관 화면 열기 (새 창)', en: 'Open the CA’s page (new window)' },
  step2: { ko: '2. 확인을 마쳤으면 아래를 누르세요.', en: '2. When you have confirmed, press below.' },
  show: { ko: '내 전송요구 내역 보기', en: 'Show my consents' },
  waiting: {
    ko: '아직 인증기관에서 확인하지 않았습니다. 이 화면은 잠시 후 다시 확인합니다.',
    en: 'Not confirmed at the CA yet. This page checks again in a moment.',
  },
  ended: { ko: '본인 확인이 거부되었거나 시간이 지났습니다.', en: 'The identity check was refused or has expired.' },
  again: { ko: '처음부터 다시 하기', en: 'Start again' },
  none: { ko: '유효한 전송요구가 없습니다.', en: 'No valid consents.' },
  notMember: { ko: '회원이 아닙니다.', en: 'Not a member.' },
  unknown: { ko: '확인할 수 없습니다', en: 'Could not be checked' },
  provider: { ko: '정보제공자', en: 'Provider' },
  scope: { ko: '전송 정보', en: 'Data sent' },
  since: { ko: '전송요구일', en: 'Consented on' },
  until: { ko: '종료일', en: 'Ends on' },
  service: { ko: '서비스', en: 'Service' },
  summary: {
    ko: (n: number, m: number) => `사업자 ${m}곳, 유효한 전송요구 ${n}건`,
    en: (n: number, m: number) => `${n} valid consents at ${m} operators`,
  },
  unknownName: { ko: '등록되지 않은 기관', en: 'unregistered institution' },
} as const;

const pickT = (lang: PageLang, t: { ko: string; en: string }) => t[lang];

function page(lang: PageLang, path: string, body: SafeHtml): SafeHtml {
  return layout({ lang, title: pickT(lang, T.title), path, body });
}

/** The form: who the person says they are, for the CA's identity check. */
export function myConsentsFormPage(o: {
  readonly lang: PageLang;
  readonly csrf: string;
  readonly values?: { readonly name?: string; readonly birthDate?: string; readonly phone?: string };
  readonly error?: string;
}): SafeHtml {
  const t = (x: { ko: string; en: string }) => pickT(o.lang, x);
  const v = o.values ?? {};
  return page(
    o.lang,
    MY_CONSENTS_PATH,
    html`<h1>${t(T.title)}</h1>
<p>${t(T.intro)}</p>
${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}
<form method="post" action="${withLang(MY_CONSENTS_PATH, o.lang)}">
<input type="hidden" name="csrf" value="${o.csrf}">
<p><label for="name">${t(T.name)}</label><br><input id="name" name="name" required maxlength="30" autocomplete="name" value="${v.name ?? ''}"></p>
<p><label for="birth_date">${t(T.birth)}</label><br><input id="birth_date" name="birth_date" required inputmode="numeric" pattern="[0-9]{8}" maxlength="8" autocomplete="bday" value="${v.birthDate ?? ''}"></p>
<p><label for="phone">${t(T.phone)}</label><br><input id="phone" name="phone" required inputmode="tel" maxlength="16" autocomplete="tel" value="${v.phone ?? ''}"></p>
<p><button type="submit">${t(T.start)}</button></p>
</form>`,
  );
}

/** The two steps after the CA opened the check: confirm there, then come back. `refresh` while waiting. */
export function myConsentsWaitPage(o: {
  readonly lang: PageLang;
  readonly pageUrl: string;
  readonly waiting: boolean;
}): SafeHtml {
  const t = (x: { ko: string; en: string }) => pickT(o.lang, x);
  return page(
    o.lang,
    MY_CONSENTS_RESULT_PATH,
    html`<h1>${t(T.title)}</h1>
${o.waiting ? html`<p class="notice" role="status">${t(T.waiting)}</p>` : ''}
<p>${t(T.step1)}</p>
<p><a href="${o.pageUrl}" target="_blank" rel="noopener">${t(T.openCa)}</a></p>
<p>${t(T.step2)}</p>
<p><a class="button" href="${withLang(MY_CONSENTS_RESULT_PATH, o.lang)}">${t(T.show)}</a></p>`,
  );
}

export function myConsentsEndedPage(lang: PageLang): SafeHtml {
  return page(
    lang,
    MY_CONSENTS_RESULT_PATH,
    html`<h1>${pickT(lang, T.title)}</h1>
<p class="error" role="alert">${pickT(lang, T.ended)}</p>
<p><a href="${withLang(MY_CONSENTS_PATH, lang)}">${pickT(lang, T.again)}</a></p>`,
  );
}

/** The consolidated view: per operator and service, each valid consent at scope level; failures said as such. */
export function myConsentsResultPage(o: {
  readonly lang: PageLang;
  readonly answers: readonly OperatorAnswer[];
  readonly orgName: (orgCode: string) => string | undefined;
  readonly serviceName: (clientId: string) => string | undefined;
}): SafeHtml {
  const t = (x: { ko: string; en: string }) => pickT(o.lang, x);
  const valid = o.answers.flatMap((a) => (a.ok ? a.services.flatMap((s) => s.consents) : []));
  const members = o.answers.filter((a) => a.ok && a.member).length;
  const when = (d: string | undefined) => (d ? dateWording(d, o.lang) : '—');
  const operator = (a: OperatorAnswer) => {
    if (!a.ok) return html`<p class="error" role="status">${t(T.unknown)}: ${a.reason}</p>`;
    if (!a.member) return html`<p>${t(T.notMember)}</p>`;
    const consents = a.services.flatMap((s) => s.consents);
    if (consents.length === 0) return html`<p>${t(T.none)}</p>`;
    return html`${a.services.map(
      (s) => html`<h3>${t(T.service)}: ${o.serviceName(s.clientId) ?? s.clientId}</h3>
<table>
<thead><tr><th scope="col">${t(T.provider)}</th><th scope="col">${t(T.scope)}</th><th scope="col">${t(T.since)}</th><th scope="col">${t(T.until)}</th></tr></thead>
<tbody>
${s.consents.map(
  (c) =>
    html`<tr><th scope="row">${o.orgName(c.orgCode) ?? t(T.unknownName)} <span class="code">${c.orgCode}</span></th><td>${c.scope
      .split(' ')
      .filter((x) => x !== '')
      .map((x) => scopeWording(x, o.lang))
      .join(', ')}</td><td>${when(c.consentDate)}</td><td>${when(c.endDate)}</td></tr>`,
)}
</tbody>
</table>`,
    )}`;
  };
  return page(
    o.lang,
    MY_CONSENTS_RESULT_PATH,
    html`<h1>${t(T.title)}</h1>
<p class="notice" role="status">${T.summary[o.lang](valid.length, members)}</p>
${o.answers.map((a) => html`<section><h2>${a.name} <span class="code">${a.orgCode}</span></h2>${operator(a)}</section>`)}
<p><a href="${withLang(MY_CONSENTS_PATH, o.lang)}">${t(T.again)}</a></p>`,
  );
}
