import { generateTranId } from '@hannun/spec';
import { fetch } from 'undici';
import type { PortalWorld } from './portal-world.ts';

export interface CallOptions {
  readonly token?: string;
  readonly tranId?: string | null;
  readonly form?: Record<string, string>;
  readonly json?: unknown;
  readonly headers?: Record<string, string>;
}

/** One call to the world's portal as the PKI organisation `as`; the status and the parsed JSON body. */
export async function supportCall(
  world: PortalWorld,
  as: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  opts: CallOptions = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.tranId !== null)
    headers['x-api-tran-id'] = opts.tranId ?? generateTranId(as.toUpperCase().padEnd(10, '0').slice(0, 10), 'M');
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  } else if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(new URL(path, world.url), { method, headers, body, dispatcher: world.agent(as) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A 지원-001 token for the registered organisation `orgCode` (its own certificate and credential). */
export async function manageToken(world: PortalWorld, orgCode: string): Promise<string> {
  const credential = world.credentials.get(orgCode);
  if (!credential) throw new Error(`no credential for ${orgCode}`);
  const { status, body } = await supportCall(world, orgCode.toLowerCase(), 'POST', '/mgmts/oauth/2.0/token', {
    form: {
      grant_type: 'client_credentials',
      client_id: credential.clientId,
      client_secret: credential.clientSecret,
      scope: 'manage',
    },
  });
  if (status !== 200 || typeof body.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}
