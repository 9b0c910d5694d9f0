import type { Bilingual } from '../pages/page-lang.ts';

/** The fixed texts of the identity-check page (본인확인, PROVISIONAL), in Korean and English. */
export const IDENTITY_TEXT = {
  title: { ko: '본인확인 요청', en: 'Identity check' },
  intro: {
    ko: '아래 기관이 회원가입을 위해 본인확인을 요청했습니다. 본인이 요청한 것이 맞으면 인증서 PIN을 입력하고 확인을 누르세요. 확인하면 이 기관에 내 연계정보(CI)와 이름, 생년월일이 전달됩니다.',
    en: 'The organisation below asks to confirm who you are, to sign you up. If you asked for it, enter your certificate PIN and choose Confirm. Confirming gives it your CI (linking information), name and birth date.',
  },
  requestedBy: { ko: '요청한 곳', en: 'Requested by' },
  purpose: { ko: '요청 내용', en: 'Request' },
  person: { ko: '정보주체', en: 'You' },
  validUntil: { ko: '유효시간', en: 'Confirm before' },
  shared: { ko: '전달되는 정보', en: 'What is shared' },
  sharedItems: { ko: '연계정보(CI), 이름, 생년월일', en: 'CI (linking information), name, birth date' },
  confirm: { ko: '확인', en: 'Confirm' },
  refuse: { ko: '거부', en: 'Refuse' },
  confirmedTitle: { ko: '본인확인 완료', en: 'Identity confirmed' },
  confirmedBody: {
    ko: '본인확인이 완료되었습니다. 요청한 앱으로 돌아가 가입을 마치세요.',
    en: 'Your identity is confirmed. Go back to the app to finish signing up.',
  },
  refusedTitle: { ko: '본인확인 거부', en: 'Refused' },
  refusedBody: {
    ko: '본인확인을 거부했습니다. 아무 정보도 전달되지 않습니다.',
    en: 'You refused. Nothing is shared.',
  },
  expiredTitle: { ko: '유효시간 만료', en: 'Expired' },
  expiredBody: {
    ko: '이 본인확인 요청의 유효시간이 지났습니다. 요청한 앱에서 처음부터 다시 시작하세요.',
    en: 'This identity check has expired. Start again from the app that asked for it.',
  },
  notFoundTitle: { ko: '본인확인 요청을 찾을 수 없음', en: 'Identity check not found' },
  notFoundBody: {
    ko: '주소가 올바르지 않거나 없는 요청입니다. 요청한 앱에서 다시 시작하세요.',
    en: 'The address is wrong or there is no such request. Start again from the app.',
  },
} as const satisfies Record<string, Bilingual>;
