import { OperatorError } from '../shared/operator-error.ts';
import { CaCallError } from './ca-client.ts';
import { ProviderAuthError } from './provider-auth-client.ts';

/** Why a step failed, for the person (ko/en) and for machines (code); never a token, CI or secret. */
export interface FailureReason {
  readonly code: string;
  readonly ko: string;
  readonly en: string;
}

/** Describe an error of a connect step in words the app can show. */
export function failureReason(error: unknown): FailureReason {
  if (error instanceof ProviderAuthError) {
    if (error.error === 'temporarily_unavailable' || error.status >= 500) {
      return {
        code: error.error,
        ko: '기관이 잠시 응답하지 않습니다. 잠시 후 다시 시도하세요.',
        en: 'The institution is not answering right now. Try again shortly.',
      };
    }
    return {
      code: error.error,
      ko: `기관이 연결을 거절했습니다 (${error.error}).`,
      en: `The institution refused the connection (${error.error}).`,
    };
  }
  if (error instanceof CaCallError) {
    return {
      code: `ca_${error.code}`,
      ko: '인증기관과 통신하지 못했습니다. 잠시 후 다시 시도하세요.',
      en: 'Could not complete the exchange with the certificate authority. Try again shortly.',
    };
  }
  if (error instanceof OperatorError) return { code: error.code, ko: error.ko, en: error.message };
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { code: 'timeout', ko: '응답 시간이 초과되었습니다.', en: 'The call timed out.' };
  }
  return { code: 'unreachable', ko: '기관에 연결하지 못했습니다.', en: 'Could not reach the institution.' };
}
