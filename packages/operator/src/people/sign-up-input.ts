import { Temporal } from 'temporal-polyfill';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import { ageOn, kstDate, parseYmd } from '../time/kst.ts';

/** The youngest a person may sign up (MyData 2.0: 만 14세 이상). */
export const MINIMUM_AGE = 14;

export interface SignUpInput {
  /** The CI the CA's identity check gave (B64, at most 100 characters; usually 88). */
  readonly ci: string;
  readonly name: string;
  /** YYYYMMDD: required, the age rule depends on it. */
  readonly birthDate: string;
  /** The mobile number from the identity check (통합인증-102 sends it with the name); digits, 10–11. */
  readonly phone?: string;
  readonly loginName: string;
  readonly password: string;
}

const CI = /^[A-Za-z0-9+/]{20,98}={0,2}$/;
const LOGIN = /^[a-z0-9][a-z0-9._-]{3,29}$/;

/** Login names compare case-insensitively and without surrounding blanks. */
export function normaliseLoginName(loginName: string): string {
  return loginName.trim().toLowerCase();
}

/** Password rules (NIST SP 800-63B): length 10–128, not the login name; any characters. */
export function checkPassword(password: string, loginName: string, field = 'password'): void {
  if (typeof password !== 'string' || [...password].length < 10) {
    throw invalid(field, 'must be at least 10 characters', '비밀번호는 10자 이상이어야 합니다');
  }
  if ([...password].length > 128)
    throw invalid(field, 'must be at most 128 characters', '비밀번호는 128자 이하여야 합니다');
  if (password.toLowerCase().includes(loginName)) {
    throw invalid(field, 'must not contain the login name', '비밀번호에 아이디를 포함할 수 없습니다');
  }
}

/** Checks every field (the first problem is thrown, naming its field); the person must be 14 or older today (KST). */
export function checkSignUp(input: SignUpInput, nowMs: number): { loginName: string } {
  if (typeof input.ci !== 'string' || !CI.test(input.ci)) throw invalid('ci', 'is not a CI (Base64)', 'CI 형식 오류');
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length < 1 || name.length > 50) throw invalid('name', 'must be 1–50 characters', '이름은 1~50자여야 합니다');
  const birth = typeof input.birthDate === 'string' ? parseYmd(input.birthDate) : undefined;
  if (!birth) throw invalid('birthDate', 'must be a real date YYYYMMDD', '생년월일은 YYYYMMDD 형식의 날짜여야 합니다');
  const today = kstDate(nowMs);
  if (Temporal.PlainDate.compare(birth, today) > 0)
    throw invalid('birthDate', 'is in the future', '생년월일이 미래입니다');
  if (ageOn(birth, today) < MINIMUM_AGE) {
    throw new OperatorError(
      'OP_TOO_YOUNG',
      `must be ${MINIMUM_AGE} or older (MyData 2.0)`,
      `만 ${MINIMUM_AGE}세 이상만 가입할 수 있습니다`,
      'birthDate',
    );
  }
  if (input.phone !== undefined && (typeof input.phone !== 'string' || !/^01[016789][0-9]{7,8}$/.test(input.phone))) {
    throw invalid('phone', 'must be a Korean mobile number as digits (01012345678)', '휴대폰 번호 형식 오류');
  }
  const loginName = normaliseLoginName(typeof input.loginName === 'string' ? input.loginName : '');
  if (!LOGIN.test(loginName)) {
    throw invalid(
      'loginName',
      'must be 4–30 of a-z, 0-9, . _ - (starting with a letter or digit)',
      '아이디는 영문 소문자, 숫자, . _ - 로 4~30자여야 합니다',
    );
  }
  checkPassword(input.password, loginName);
  return { loginName };
}
