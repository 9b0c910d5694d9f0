import { createRegistry } from '@hannun/registry';
import { afterAll, describe, expect, it } from 'vitest';
import { createCallerRegistry } from '../check-chain/caller-registry.ts';
import { CLIENT_ID, CLIENT_SECRET, createAuthWorld, REDIRECT_URI, testSnapshot } from './testing/auth-world.ts';
import { authorize } from './testing/person.ts';

/** Mutual TLS (serial from the certificate, read here from a test header) and source addresses at the auth endpoints. */
const registry = createRegistry(testSnapshot());
const world = createAuthWorld({
  registry,
  config: {
    requireMtls: true,
    clientCertSerial: (request) => request.headers['x-test-serial'] as string | undefined,
    callers: createCallerRegistry({
      registry,
      allowLoopback: false,
      callers: [
        { orgCode: 'MDHANNUN01', serials: [], ips: ['127.0.0.1'] },
        { orgCode: 'MDOTHERS01', serials: [], ips: ['127.0.0.1'] },
      ],
    }),
  },
});
afterAll(() => world.close());
const ORG = 'BKNURI0001';
const OPERATOR_SERIAL = '2208100001';
const OTHER_SERIAL = '2208100009';

const tokenRequest = (serial: string | undefined) =>
  world.post(
    ORG,
    'token',
    {
      org_code: ORG,
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    },
    serial ? { 'x-test-serial': serial } : {},
  );

describe('auth endpoints behind the transport checks', () => {
  it('AC70: a client certificate of another organisation than the service’s → unauthorized_client, no token', async () => {
    const response = await tokenRequest(OTHER_SERIAL);
    expect(response.json()).toMatchObject({
      error: 'unauthorized_client',
      error_description: 'client_id: 인증서의 기관이 서비스 운영 기관과 다릅니다',
    });
    expect((await world.engine.provider.auth.store.pairs.list(ORG)).length).toBe(0);
  });

  it('AC71: no client certificate, or one not registered → unauthorized_client', async () => {
    expect((await tokenRequest(undefined)).json()).toMatchObject({ error: 'unauthorized_client' });
    expect((await tokenRequest('9999999999')).json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('AC72: the service’s own certificate passes to the grant (here: an invalid refresh token)', async () => {
    expect((await tokenRequest(OPERATOR_SERIAL)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('AC73: a request from an unregistered address → unauthorized_client (this caller has no IPs registered)', async () => {
    const response = await world.post(
      ORG,
      'revoke',
      { org_code: ORG, token: 'x', client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
      { 'x-test-serial': '1018100011' },
    );
    expect(response.json()).toMatchObject({
      error: 'unauthorized_client',
      error_description: '허용되지 않은 원격지 IP',
    });
  });

  it('AC74: 개별인증-001 from another organisation’s certificate, or without one, redirects with unauthorized_client', async () => {
    const response = await world.engine.inject({
      method: 'GET',
      url: `/${ORG}/oauth/2.0/authorize?${new URLSearchParams({
        org_code: ORG,
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        app_scheme: 'hannun://auth',
        state: 'abc',
      })}`,
      headers: { 'x-user-ci': 'Q0k=', 'x-api-tran-id': 'MDHANNUN01M00000000000009', 'x-test-serial': '1018100010' },
    });
    expect(response.statusCode).toBe(302);
    const query = new URL(response.headers.location as string).searchParams;
    expect(query.get('error')).toBe('unauthorized_client');
    const own = await authorize(world, ORG);
    expect(new URL(own.headers.location as string).searchParams.get('error')).toBe('unauthorized_client');
  });
});
