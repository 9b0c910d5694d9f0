/** The pages' languages: Korean first, English with `?lang=en`. */
export type PageLang = 'ko' | 'en';

export function pageLang(value: unknown): PageLang {
  return value === 'en' ? 'en' : 'ko';
}

/** Every fixed text of the login, one-time-code and consent pages, in both languages. */
export const TEXT = {
  otherLang: { ko: 'English', en: '한국어' },
  loginTitle: { ko: '본인 확인', en: 'Confirm it is you' },
  loginIntro: {
    ko: (service: string, org: string) =>
      `${service}에서 ${org}에 보관된 내 정보를 받으려고 합니다. ${org} 아이디로 로그인해 주세요.`,
    en: (service: string, org: string) =>
      `${service} asks for your information held at ${org}. Log in with your ${org} ID.`,
  },
  loginId: { ko: '아이디', en: 'Login ID' },
  password: { ko: '비밀번호', en: 'Password' },
  login: { ko: '로그인', en: 'Log in' },
  cancel: { ko: '취소', en: 'Cancel' },
  wrongLogin: { ko: '아이디 또는 비밀번호가 올바르지 않습니다.', en: 'The login ID or password is not correct.' },
  triesLeft: {
    ko: (n: number) => `${n}번 더 틀리면 30분 동안 로그인할 수 없습니다.`,
    en: (n: number) => `${n} more wrong tries lock the login for 30 minutes.`,
  },
  locked: {
    ko: '비밀번호를 여러 번 틀려 30분 동안 로그인할 수 없습니다.',
    en: 'Too many wrong passwords: this login is locked for 30 minutes.',
  },
  otpTitle: { ko: '휴대폰 인증', en: 'Phone verification' },
  otpIntro: {
    ko: (phone: string) => `${phone}(으)로 보낸 인증번호 6자리를 3분 안에 입력해 주세요.`,
    en: (phone: string) => `Enter the 6-digit code sent to ${phone} within 3 minutes.`,
  },
  otp: { ko: '인증번호 6자리', en: '6-digit code' },
  verify: { ko: '확인', en: 'Verify' },
  resend: { ko: '인증번호 다시 받기', en: 'Send a new code' },
  wrongOtp: {
    ko: (n: number) => `인증번호가 맞지 않습니다. ${n}번 더 입력할 수 있습니다.`,
    en: (n: number) => `Wrong code. ${n} tries left.`,
  },
  expiredOtp: {
    ko: '인증번호가 만료되었습니다. 새 인증번호를 받아 주세요.',
    en: 'The code has expired. Ask for a new one.',
  },
  exhaustedOtp: {
    ko: '입력 횟수를 넘었습니다. 새 인증번호를 받아 주세요.',
    en: 'Too many wrong tries. Ask for a new code.',
  },
  noMoreSends: { ko: '더 이상 인증번호를 보낼 수 없습니다.', en: 'No more codes can be sent.' },
  sent: { ko: '새 인증번호를 보냈습니다.', en: 'A new code has been sent.' },
  demoSmsTitle: { ko: '데모 문자 (실제 문자가 아닙니다)', en: 'Demo text message (not a real SMS)' },
  demoSmsTo: { ko: '받는 번호', en: 'To' },
  smsText: {
    ko: (org: string, code: string) =>
      `[${org}] 마이데이터 본인확인 인증번호 [${code}]. 3분 안에 입력하세요. 타인에게 알려주지 마세요.`,
    en: (org: string, code: string) =>
      `[${org}] MyData verification code [${code}]. Enter it within 3 minutes. Never share it.`,
  },
  consentTitle: { ko: '전송요구 내용 확인', en: 'What you are asking us to send' },
  consentIntro: {
    ko: '아래 내용을 확인하고 보낼 자산과 정보를 고르세요. 동의하면 선택한 정보가 받는 곳으로 전송됩니다.',
    en: 'Check the items below and choose the assets and information to send. If you agree, what you chose is sent to the recipient.',
  },
  sender: { ko: '1. 전송요구를 받는 곳', en: '1. Who sends your data' },
  recipient: { ko: '2. 정보를 받는 곳', en: '2. Who receives it' },
  items: { ko: '3. 보낼 정보와 자산', en: '3. What is sent' },
  listAlways: { ko: '항상 포함', en: 'always included' },
  noAssets: { ko: '이 항목의 자산이 없습니다.', en: 'No assets of this kind.' },
  sensitive: { ko: '추가로 보낼 거래 정보 (선택)', en: 'Further transaction details (optional)' },
  schedule: { ko: '4. 정기적 전송', en: '4. Regular transmission' },
  scheduledYes: {
    ko: '정기적으로 전송 (앱을 열지 않아도 최신 정보 유지)',
    en: 'Send regularly (keeps your data up to date)',
  },
  scheduledNo: { ko: '요청할 때만 전송', en: 'Send only when I ask' },
  cycle: { ko: '전송 주기', en: 'How often' },
  endDate: { ko: '5. 전송요구 종료일', en: '5. Until when' },
  endDateHint: { ko: '오늘부터 최대 5년까지 고를 수 있습니다.', en: 'Up to 5 years from today.' },
  purpose: { ko: '6. 전송 목적', en: '6. Why' },
  period: { ko: '7. 보유 기간', en: '7. How long it is kept' },
  agree: { ko: '동의하고 전송요구', en: 'Agree and send' },
  noAssetChosen: { ko: '보낼 자산을 하나 이상 고르세요.', en: 'Choose at least one asset to send.' },
  badCycle: { ko: '전송 주기를 다시 고르세요.', en: 'Choose how often again.' },
  badEndDate: {
    ko: '종료일은 오늘부터 5년 안의 날짜여야 합니다.',
    en: 'The end date must be between today and 5 years from today.',
  },
  staleForm: { ko: '화면이 오래되었습니다. 다시 시도해 주세요.', en: 'This page is out of date. Please try again.' },
  gone: { ko: '인증 요청을 찾을 수 없습니다', en: 'Authorisation request not found' },
  goneText: {
    ko: '요청이 만료되었거나 이미 끝났습니다. 앱으로 돌아가 처음부터 다시 시도해 주세요.',
    en: 'The request has expired or has already finished. Go back to the app and start again.',
  },
  otherBrowser: { ko: '다른 브라우저에서 진행 중인 요청입니다', en: 'This request is open in another browser' },
  otherBrowserText: {
    ko: '보안을 위해 처음 연 화면에서만 계속할 수 있습니다. 앱에서 다시 시도해 주세요.',
    en: 'For your safety it can only continue where it was first opened. Start again from the app.',
  },
  status: {
    ko: { dormant: '휴면', suspended: '정지', lost: '분실', matured: '만기' } as Record<string, string>,
    en: { dormant: 'dormant', suspended: 'suspended', lost: 'lost', matured: 'matured' } as Record<string, string>,
  },
} as const;
