/** A refused call: the operator's error shape (`code`, `field`, Korean `ko`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly ko: string | undefined,
    readonly field: string | undefined,
  ) {
    super(message);
  }
  /** The sentence for the person in their language. */
  text(lang: string): string {
    return lang === 'ko' && this.ko ? this.ko : this.message;
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token (from /api/session, login or sign-up): sent on every state-changing call. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** One call to the operator's JSON API: JSON in, JSON out, the CSRF header on POSTs, errors as {@link ApiError}. */
export async function api<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(method === 'POST' ? { body: JSON.stringify(init.body ?? {}) } : {}),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'The app could not reach the server. Check your connection and try again.',
      '서버에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요.',
      undefined,
    );
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string; ko?: string; field?: string };
    throw new ApiError(
      res.status,
      e.code ?? `HTTP_${res.status}`,
      e.message ?? `The server answered ${res.status}.`,
      e.ko,
      e.field,
    );
  }
  return body as T;
}
