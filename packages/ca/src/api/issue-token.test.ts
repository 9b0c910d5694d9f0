import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BANK,
  CA,
  type CaHarness,
  type CaWorld,
  createCaWorld,
  OPERATOR,
  startHarness,
  tranId,
} from '../testing/ca-fixture.ts';
import { callApi, requestToken, tokenOf } from '../testing/inject-client.ts';

let world: CaWorld;
let h: CaHarness;

beforeAll(async () => {
  world = await createCaWorld();
  h = startHarness(world);
});
afterAll(async () => {
  await h.ca.api.stop();
  await h.ca.pages.stop();
});

describe('통합인증-101 CA access token (client_credentials, scope ca)', () => {
  it('AC01: an operator with its own credentials gets a JWS (ES256, kid, iss CA, aud operator, scope ca, jti, exp) and no refresh token', async () => {
    const { status, body } = await requestToken(h, OPERATOR);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: '3600', scope: 'ca' });
    expect(body).not.toHaveProperty('refresh_token');
    const token = body.access_token as string;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT', kid: world.caCredentials.signing!.kid });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: CA, aud: OPERATOR, scope: 'ca' });
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('AC02: a wrong client_secret answers invalid_client (400) and issues nothing', async () => {
    const { status, body } = await requestToken(h, OPERATOR, { client_secret: 'w'.repeat(50) });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_client');
    expect(body).not.toHaveProperty('access_token');
  });

  it('AC03: an unknown client_id answers invalid_client', async () => {
    const { body } = await requestToken(h, OPERATOR, { client_id: 'u'.repeat(50) });
    expect(body.error).toBe('invalid_client');
  });

  it('AC04: scope other than ca answers invalid_scope; grant_type other than client_credentials unsupported_grant_type', async () => {
    expect((await requestToken(h, OPERATOR, { scope: 'manage' })).body.error).toBe('invalid_scope');
    expect((await requestToken(h, OPERATOR, { grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
  });

  it('AC05: a missing client_secret or x-api-tran-id answers invalid_request naming it', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'a'.repeat(50), scope: 'ca' });
    const noSecret = await h.ca.api.inject({
      method: 'POST',
      url: '/oauth/2.0/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId(OPERATOR) },
      payload: form.toString(),
    });
    expect(noSecret.json()).toMatchObject({ error: 'invalid_request' });
    expect(noSecret.json().error_description).toContain('client_secret');
    const noTranId = await h.ca.api.inject({
      method: 'POST',
      url: '/oauth/2.0/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(noTranId.json().error_description).toContain('x-api-tran-id');
  });

  it('AC06: lifetime is configurable and capped at one year', async () => {
    const short = startHarness(world, { limits: { accessTokenSeconds: 60 } });
    expect((await requestToken(short, OPERATOR)).body.expires_in).toBe('60');
    expect(() => startHarness(world, { limits: { accessTokenSeconds: 366 * 86_400 } })).toThrow(/accessTokenSeconds/);
  });

  it('AC07: 102–104 need a bearer CA token (40101) that has not expired on the CA clock', async () => {
    expect((await callApi(h, '/ca/sign_request', null, {}, OPERATOR)).body.rsp_code).toBe('40101');
    expect((await callApi(h, '/ca/sign_request', 'not.a.token', {}, OPERATOR)).body.rsp_code).toBe('40101');
    const token = await tokenOf(h, OPERATOR);
    h.clock.advance(3601_000);
    const expired = await callApi(h, '/ca/sign_request', token, {}, OPERATOR);
    expect(expired.status).toBe(401);
    expect(expired.body.rsp_code).toBe('40101');
  });

  it('AC08: a token of the right CA key but without scope ca answers 40104', async () => {
    const { SignJWT } = await import('jose');
    const { createPrivateKey } = await import('node:crypto');
    const now = Math.floor(h.clock.nowMs() / 1000);
    const forged = await new SignJWT({ scope: 'manage' })
      .setProtectedHeader({ alg: 'ES256', kid: world.caCredentials.signing!.kid })
      .setIssuer(CA)
      .setAudience(OPERATOR)
      .setJti('j1')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(createPrivateKey(world.caCredentials.signing!.privateKeyPem));
    expect((await callApi(h, '/ca/sign_request', forged, {}, OPERATOR)).body.rsp_code).toBe('40104');
  });

  it('AC09: a provider token cannot call 102 (operators only): 40104', async () => {
    const token = await tokenOf(h, BANK);
    const { status, body } = await callApi(h, '/ca/sign_request', token, {}, BANK);
    expect(status).toBe(401);
    expect(body.rsp_code).toBe('40104');
  });

  it('AC10: the x-api-tran-id is echoed on answers, errors included', async () => {
    const id = tranId(OPERATOR);
    const res = await h.ca.api.inject({
      method: 'POST',
      url: '/ca/sign_result',
      headers: { 'content-type': 'application/json', 'x-api-tran-id': id },
      payload: '{}',
    });
    expect(res.headers['x-api-tran-id']).toBe(id);
    expect(res.json().rsp_code).toBe('40101');
  });

  it('AC12: an organisation that is neither operator nor provider (the CA itself) answers unauthorized_client', async () => {
    const { status, body } = await requestToken(h, CA);
    expect(status).toBe(400);
    expect(body.error).toBe('unauthorized_client');
  });

  it('AC11: client secrets and tokens never reach the log', async () => {
    const token = await tokenOf(h, OPERATOR);
    expect(h.log.text()).not.toContain(world.orgs[OPERATOR]!.clientSecret);
    expect(h.log.text()).not.toContain(token);
  });
});
