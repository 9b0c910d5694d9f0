import type { FieldDef } from '../schema/shape.ts';
import { AH, aN, aNS, BOOL, N } from '../wire/wire-type.ts';

/**
 * Fields of the integrated CA's APIs (통합인증-101…104, 사설인증서 flow, 별첨2). 별첨2 is not public: names,
 * codes and lengths follow the RB testbed (roastedbeans/certification-authority-next) and the notes §4.3
 * Flow B, so every type here is provisional. Shared fields (client_id, user_ci, tx_id, cert_tx_id, consent,
 * consent_type, consent_len) are in fields/auth.ts; consent_cnt is in fields/support.ts.
 */
export const CA_FIELDS = {
  sign_tx_id: {
    type: aNS(49),
    ko: '서명 요청 거래고유번호',
    en: 'Signing transaction id: {org_code}_{ca_code}_{YYYYMMDDhhmmss}_{serial(12)}',
    provisional: true,
  },
  real_name: { type: AH(30), ko: '정보주체 성명', en: "The data subject's name", provisional: true },
  phone_num: {
    type: aNS(15),
    ko: '휴대폰 번호',
    en: 'Mobile number (RB sends it in +82 form)',
    provisional: true,
  },
  request_title: { type: AH(100), ko: '서명 요청 제목', en: 'Title shown in the CA app', provisional: true },
  device_code: {
    type: aN(2),
    ko: '요청 단말 구분',
    en: 'Device: PC, TB (tablet) or MO (mobile)',
    values: ['PC', 'TB', 'MO'],
    provisional: true,
  },
  device_browser: {
    type: aN(2),
    ko: '요청 브라우저 구분',
    en: 'Browser: WB (web), NA (native app) or HY (hybrid)',
    values: ['WB', 'NA', 'HY'],
    provisional: true,
  },
  return_app_scheme_url: {
    type: aNS(100),
    ko: '복귀 앱스킴 URL',
    en: 'App scheme the CA app returns to after signing',
    provisional: true,
  },
  consent_title: { type: AH(100), ko: '전송요구 제목', en: 'Title of one consent to sign', provisional: true },
  signed_consent_cnt: { type: N(4), ko: '서명된 전송요구 수', en: 'Number of signed consents', provisional: true },
  signed_consent_len: { type: N(5), ko: '서명된 전송요구 길이', en: 'Length of signed_consent', provisional: true },
  signed_consent: {
    type: aNS(20000),
    ko: '서명된 전송요구',
    en: 'Signed consent (Base64url CMS)',
    provisional: true,
  },
  result: {
    type: BOOL,
    ko: '서명 검증 결과',
    en: 'Whether the signature verified',
    provisional: true,
  },
} as const satisfies Record<string, FieldDef>;
