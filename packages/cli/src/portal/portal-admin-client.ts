import { readAdminAccess } from './portal-files.ts';

/** A refusal of the portal admin API, with what it said (field and message; never a secret). */
export class PortalAdminError extends Error {
  override readonly name = 'PortalAdminError';
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    const field = typeof body.field === 'string' ? body.field : undefined;
    const message = typeof body.message === 'string' ? body.message : `HTTP ${status}`;
    const ko = typeof body.message_ko === 'string' ? `\n${body.message_ko}` : '';
    super(field && !message.startsWith(`${field}:`) ? `${field}: ${message}${ko}` : `${message}${ko}`);
  }
}

/** The portal is not running (or never ran) with this data directory. */
export class PortalNotRunningError extends Error {
  override readonly name = 'PortalNotRunningError';
}

export interface PortalAdminClient {
  readonly url: string;
  call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Record<string, unknown>>;
}

/**
 * The admin API of the portal that runs with this data directory (its address and token are in
 * `<data dir>/portal/`), on loopback. Null when no portal ever started there.
 */
export async function portalAdminClient(dataDir: string): Promise<PortalAdminClient | null> {
  const access = await readAdminAccess(dataDir);
  if (!access) return null;
  const { endpoint, token } = access;
  return {
    url: endpoint.url,
    async call(method, path, body) {
      let res: Response;
      try {
        res = await fetch(`${endpoint.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new PortalNotRunningError(
          `the portal admin API at ${endpoint.url} does not answer (${(error as Error).message}): is \`hannun up\` running?`,
        );
      }
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status >= 400) throw new PortalAdminError(res.status, json);
      return json;
    },
  };
}
