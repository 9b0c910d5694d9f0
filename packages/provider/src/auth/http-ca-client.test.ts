import { createLogger, createLogSink, createService, type Service } from '@hannun/infra';
import type { RegisteredOrg } from '@hannun/registry';
import {
  CA_TOKEN_FORM,
  decodeMessage,
  encodeMessage,
  SIGN_VERIFICATION_BODY,
  SIGN_VERIFICATION_RESPONSE,
} from '@hannun/spec';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/manual-clock.ts';
import { CaUnavailableError } from './ca-client.ts';
import { createHttpCaClient } from './http-ca-client.ts';

/**
 * A small CA in the test (the real one is `@hannun/ca`): 통합인증-101 and 104 with the catalogue's shapes,
 * a signature valid when it is `sig:` + the consent, and switches to misbehave.
 */
const sink = createLogSink();
let ca: Service;
let caOrg: RegisteredOrg;
const state = { tokens: 0, verifications: 0, forgetTokens: false, fail500: false, expiresIn: 600 };
const issued = new Set<string>();

beforeAll(async () => {
  ca = createService({
    name: 'fake-ca',
    version: '0',
    logger: createLogger({ service: 'fake-ca', destination: sink }),
    metrics: false,
  });
  ca.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  ca.post('/ca-base/oauth/2.0/token', async (request, reply) => {
    const form = decodeMessage(CA_TOKEN_FORM, request.body, { location: 'form' });
    if (form.client_id !== 'BKNURI0001client' || form.client_secret !== 'rightSecret0001') {
      return reply.code(400).send({ error: 'invalid_client' });
    }
    state.tokens++;
    const token = `ca-token-${state.tokens}`;
    issued.add(token);
    return { token_type: 'Bearer', access_token: token, expires_in: String(state.expiresIn), scope: 'ca' };
  });
  ca.post('/ca-base/ca/sign_verification', async (request, reply) => {
    if (state.fail500) return reply.code(500).send({ rsp_code: '50001', rsp_msg: '시스템 장애' });
    const token = (request.headers.authorization ?? '').replace('Bearer ', '');
    if (!issued.has(token) || state.forgetTokens) {
      state.forgetTokens = false;
      issued.clear();
      return reply.code(401).send({ rsp_code: '40101', rsp_msg: '유효하지 않은 접근토큰' });
    }
    state.verifications++;
    const body = decodeMessage(SIGN_VERIFICATION_BODY, request.body, { location: 'body' });
    const ok = body.signed_consent === `sig:${body.consent}`;
    return {
      rsp_code: '00000',
      rsp_msg: '정상처리',
      ...encodeMessage(SIGN_VERIFICATION_RESPONSE, {
        tx_id: body.tx_id,
        result: ok,
        ...(ok ? { user_ci: 'Q0k=' } : {}),
      }),
    };
  });
  const url = await ca.start({ port: 0 });
  caOrg = {
    orgCode: 'CAHANNUN01',
    orgType: '06',
    name: 'CA',
    serialNum: '1',
    ips: [],
    caCode: 'HNCA000001',
    baseUrl: `${url}/ca-base/`,
  };
});
afterAll(async () => {
  await ca.stop();
  if (process.env['SHOW_CA_LOG']) console.log(sink.text());
});

const clock = createManualClock(1_000_000);
const dispatcher = new Agent();
afterAll(() => dispatcher.close());
const client = createHttpCaClient({
  dispatcher,
  clock,
  credentials: (org) =>
    org === 'BKNURI0001' ? { clientId: 'BKNURI0001client', clientSecret: 'rightSecret0001' } : undefined,
});
const request = (consent: string, signed: string) => ({
  tx_id: 'TX1',
  cert_tx_id: 'CERT1',
  signed_consent: signed,
  consent_type: '0' as const,
  consent,
});

describe('HTTP CA client (통합인증-101 token, 통합인증-104 verification) against a CA speaking the catalogue', () => {
  it('verifies: result true with the CI; a consent altered by one byte is result false', async () => {
    expect(await client.verify(caOrg, 'BKNURI0001', request('{"a":"1"}', 'sig:{"a":"1"}'))).toEqual({
      txId: 'TX1',
      result: true,
      userCi: 'Q0k=',
    });
    expect(await client.verify(caOrg, 'BKNURI0001', request('{"a":"2"}', 'sig:{"a":"1"}'))).toEqual({
      txId: 'TX1',
      result: false,
      userCi: undefined,
    });
  });

  it('caches the scope=ca token until shortly before it expires, then fetches a new one', async () => {
    const before = state.tokens;
    await client.verify(caOrg, 'BKNURI0001', request('x', 'sig:x'));
    await client.verify(caOrg, 'BKNURI0001', request('x', 'sig:x'));
    expect(state.tokens).toBe(before);
    clock.advance(539_000);
    await client.verify(caOrg, 'BKNURI0001', request('x', 'sig:x'));
    expect(state.tokens).toBe(before);
    clock.advance(2_000);
    await client.verify(caOrg, 'BKNURI0001', request('x', 'sig:x'));
    expect(state.tokens).toBe(before + 1);
  });

  it('a CA that forgot its token (401) gets one new token request and the call is retried once', async () => {
    const before = state.tokens;
    state.forgetTokens = true;
    expect((await client.verify(caOrg, 'BKNURI0001', request('y', 'sig:y'))).result).toBe(true);
    expect(state.tokens).toBe(before + 1);
  });

  it('5xx, refused credentials and an unreachable CA are CaUnavailableError', async () => {
    state.fail500 = true;
    await expect(client.verify(caOrg, 'BKNURI0001', request('z', 'sig:z'))).rejects.toBeInstanceOf(CaUnavailableError);
    state.fail500 = false;
    await expect(client.verify(caOrg, 'CDNURI0001', request('z', 'sig:z'))).rejects.toThrow(/no client credentials/);
    const gone = { ...caOrg, orgCode: 'CAGONE0001', baseUrl: 'http://127.0.0.1:9/' };
    await expect(client.verify(gone, 'BKNURI0001', request('z', 'sig:z'))).rejects.toBeInstanceOf(CaUnavailableError);
  });
});
