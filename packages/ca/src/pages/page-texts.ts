import type { Bilingual } from './page-lang.ts';

/** Every fixed text of the approval pages, in Korean and English. */
export const TEXT = {
  skip: { ko: '본문으로 건너뛰기', en: 'Skip to the content' },
  languageNav: { ko: '언어', en: 'Language' },
  switchTo: { ko: 'English', en: '한국어' },
  footer: {
    ko: '이 화면은 통합인증기관이 직접 보여 드리는 화면입니다. PIN은 인증기관 밖으로 전달되지 않습니다.',
    en: 'This page is shown by the certificate authority itself. Your PIN never leaves it.',
  },
  title: { ko: '전자서명 요청', en: 'Signing request' },
  intro: {
    ko: '아래 기관이 내 개인신용정보 전송요구에 대한 전자서명을 요청했습니다. 내용을 확인하고, 동의하면 PIN을 입력한 뒤 동의(서명)를 누르세요.',
    en: 'The organisation below asks you to sign a request to transmit your personal credit information. Read it; if you agree, enter your PIN and choose Agree (sign).',
  },
  requestedBy: { ko: '요청한 곳', en: 'Requested by' },
  person: { ko: '정보주체', en: 'You' },
  validUntil: { ko: '서명 유효시간', en: 'Sign before' },
  consentCount: { ko: '전송요구 건수', en: 'Consents' },
  consentHeading: { ko: '전송요구', en: 'Consent' },
  provider: { ko: '전송요구를 받는 곳 (정보를 보내는 곳)', en: 'Sent by (the provider)' },
  recipient: { ko: '개인신용정보를 받는 곳', en: 'Received by' },
  items: { ko: '전송을 요구하는 개인신용정보', en: 'Information to be sent' },
  assets: { ko: '대상 자산', en: 'Assets' },
  schedule: { ko: '정기적 전송 여부와 주기', en: 'Regular transmission' },
  endDate: { ko: '전송요구 종료시점', en: 'Ends' },
  purpose: { ko: '전송을 요구하는 목적', en: 'Purpose' },
  period: { ko: '보유기간', en: 'Kept for' },
  sensitive: { ko: '추가 동의 항목', en: 'Further items' },
  agreed: { ko: '동의', en: 'agreed' },
  notAgreed: { ko: '동의하지 않음', en: 'not agreed' },
  pinLabel: { ko: '인증서 PIN (숫자 6자리)', en: 'Certificate PIN (6 digits)' },
  agree: { ko: '동의(서명)', en: 'Agree (sign)' },
  refuse: { ko: '거부', en: 'Refuse' },
  wrongPin: { ko: 'PIN이 맞지 않습니다.', en: 'That PIN is not right.' },
  badPinFormat: { ko: 'PIN은 숫자 6자리입니다.', en: 'The PIN is 6 digits.' },
  signedTitle: { ko: '전자서명 완료', en: 'Signed' },
  signedBody: {
    ko: '전자서명이 완료되었습니다. 요청한 앱으로 돌아가 다음 단계를 진행하세요.',
    en: 'Your signature is done. Go back to the app that asked for it to continue.',
  },
  backToApp: { ko: '요청한 앱으로 돌아가기', en: 'Back to the app' },
  refusedTitle: { ko: '전자서명 거부', en: 'Refused' },
  refusedBody: {
    ko: '전자서명을 거부했습니다. 아무 정보도 전송되지 않습니다.',
    en: 'You refused to sign. No information will be sent.',
  },
  expiredTitle: { ko: '유효시간 만료', en: 'Expired' },
  expiredBody: {
    ko: '이 서명 요청의 유효시간이 지났습니다. 요청한 앱에서 처음부터 다시 시작하세요.',
    en: 'This signing request has expired. Start again from the app that asked for it.',
  },
  notFoundTitle: { ko: '서명 요청을 찾을 수 없음', en: 'Signing request not found' },
  notFoundBody: {
    ko: '주소가 올바르지 않거나 없는 서명 요청입니다. 요청한 앱에서 다시 시작하세요.',
    en: 'The address is wrong or there is no such signing request. Start again from the app.',
  },
  forbiddenTitle: { ko: '요청을 확인할 수 없음', en: 'Request not accepted' },
  forbiddenBody: {
    ko: '이 화면에서 보낸 요청이 아닙니다. 서명 요청 화면을 다시 열어 시도하세요.',
    en: 'This did not come from the signing page. Open the signing request again and retry.',
  },
} as const satisfies Record<string, Bilingual>;

export const attemptsLeftText = (n: number, max: number, lockMinutes: number): Bilingual => ({
  ko: `남은 입력 횟수 ${n}회 (${max}회 연속으로 틀리면 ${lockMinutes}분 동안 서명할 수 없습니다)`,
  en: `${n} ${n === 1 ? 'attempt' : 'attempts'} left (${max} wrong PINs in a row lock signing for ${lockMinutes} minutes)`,
});

export const lockedText = (until: Bilingual): Bilingual => ({
  ko: `PIN을 여러 번 잘못 입력하여 ${until.ko}까지 서명할 수 없습니다. 그 이후에 다시 시도하세요.`,
  en: `Too many wrong PINs: signing is locked until ${until.en}. Try again after that.`,
});

export const expiresText = (at: Bilingual): Bilingual => ({ ko: `${at.ko}까지`, en: `until ${at.en}` });
