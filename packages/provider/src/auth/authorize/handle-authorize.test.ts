import { afterAll, describe, expect, it } from 'vitest';
import { KIM_CI } from '../../testing/fixture-world.ts';
import { createAuthWorld, OTHER_REDIRECT_URI, REDIRECT_URI } from '../testing/auth-world.ts';
import { authorize, STATE } from '../testing/person.ts';

const world = createAuthWorld();
afterAll(() => world.close());

function redirected(location: string | undefined) {
  const url = new URL(location ?? 'about:blank');
  return { url, query: Object.fromEntries(url.searchParams) };
}

describe('개별인증-001 authorize', () => {
  it('AC01: a valid request answers 302 to the provider’s own login page (web mode), nothing to the callback yet', async () => {
    const response = await authorize(world, 'BKNURI0001');
    expect(response.statusCode).toBe(302);
    const { url } = redirected(response.headers.location as string);
    expect(url.pathname).toBe('/BKNURI0001/auth/login');
    expect(url.searchParams.get('request')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['an unknown client_id', { clientId: 'nobody0000000000000000000000000000000000000000000' }, 'client_id'],
    ['a malformed client_id', { clientId: 'bad id!' }, 'client_id'],
    ['no client_id', { omit: ['client_id'] }, 'client_id'],
    ['a redirect_uri not registered for the client', { redirectUri: 'https://evil.example/cb' }, 'redirect_uri'],
    ['the redirect_uri of another service', { redirectUri: OTHER_REDIRECT_URI }, 'redirect_uri'],
    ['no redirect_uri', { omit: ['redirect_uri'] }, 'redirect_uri'],
  ])(
    'AC02: %s answers JSON 400 invalid_request naming %s, state and api_tran_id echoed, no redirect',
    async (_what, params, field) => {
      const tranId = 'MDHANNUN01M0000000000000A';
      const response = await authorize(world, 'BKNURI0001', { ...params, tranId });
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
      const body = response.json() as Record<string, string>;
      expect(body).toMatchObject({ error: 'invalid_request', state: STATE, api_tran_id: tranId });
      expect(body['error_description']).toContain(field);
    },
  );

  it.each([
    ['an app_scheme not registered', { appScheme: 'evil://x' }, 'invalid_request', 'app_scheme'],
    ['response_type other than code', { responseType: 'token' }, 'unsupported_response_type', 'response_type'],
    ['an org_code of another institution', { orgCode: 'CDNURI0001' }, 'invalid_request', 'org_code'],
    ['no x-user-ci', { omit: ['x-user-ci'] }, 'invalid_request', 'x-user-ci'],
    ['an x-user-ci that is not Base64', { ci: 'not base64 ***' }, 'invalid_request', 'x-user-ci'],
    ['no x-api-tran-id', { omit: ['x-api-tran-id'] }, 'invalid_request', 'x-api-tran-id'],
    ['a state that is not aN(40)', { state: 'bad state&x=1' }, 'invalid_request', 'state'],
    ['no state', { omit: ['state'] }, 'invalid_request', 'state'],
  ])('AC03: %s redirects to the callback with %s naming %s', async (_what, params, error, field) => {
    const response = await authorize(world, 'BKNURI0001', params);
    expect(response.statusCode).toBe(302);
    const { url, query } = redirected(response.headers.location as string);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    expect(query['error']).toBe(error);
    expect(query['error_description']).toContain(field);
    expect(query['api_tran_id']).toMatch(/^[A-Z0-9]{10}[MSRCPA][A-Z0-9]{14}$/);
  });

  it('AC04: state is echoed exactly as received, even a malformed one: comparing it is the operator’s check', async () => {
    const odd = 'bad state&x=1';
    const response = await authorize(world, 'BKNURI0001', { state: odd, appScheme: 'evil://' });
    expect(redirected(response.headers.location as string).query['state']).toBe(odd);
    const json = await authorize(world, 'BKNURI0001', {
      state: 'WrongStateFromAnAttacker',
      redirectUri: 'https://evil/',
    });
    expect((json.json() as Record<string, string>)['state']).toBe('WrongStateFromAnAttacker');
  });

  it('AC05: other methods answer 405 method_not_allowed', async () => {
    const response = await world.engine.inject({ method: 'POST', url: '/BKNURI0001/oauth/2.0/authorize' });
    expect(response.statusCode).toBe(405);
    expect(response.json()).toMatchObject({ error: 'method_not_allowed' });
  });

  it('AC06: an engine without a registry answers a clear server_error, never a crash', async () => {
    const bare = createAuthWorld({ registry: null });
    try {
      const response = await authorize(bare, 'BKNURI0001');
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ error: 'server_error', state: STATE });
      expect((response.json() as Record<string, string>)['error_description']).toContain('registry');
    } finally {
      await bare.close();
    }
  });

  it('AC07: the CI is never logged', async () => {
    await authorize(world, 'BKNURI0001', { appScheme: 'evil://' });
    expect(world.logs.text()).not.toContain(KIM_CI.slice(0, 20));
  });
});
