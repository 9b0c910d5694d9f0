import { createLogger, createLogSink } from '@hannun/infra';
import { generateTranId } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallerRegistry } from '../check-chain/caller-registry.ts';
import type { InstitutionBook } from '../ledger/ledger.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import { bodyOf, createHarness, type Harness, OPERATOR_ORG } from '../testing/engine-harness.ts';
import { fixtureInstitution, KIM_CI } from '../testing/fixture-world.ts';
import { createProviderEngine } from './create-provider-engine.ts';

describe('the engine over real HTTP', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = createHarness();
    url = await h.engine.start({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => h.close());

  it('은행-004 / AC10: a transaction page over a socket, tran id echoed', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-004');
    const tranId = generateTranId(OPERATOR_ORG, 'M');
    const response = await fetch(`${url}/BKNURI0001/v2/bank/accounts/deposit/transactions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-api-tran-id': tranId,
        'x-api-type': 'user-consent',
        'content-type': 'application/json',
      },
      body: JSON.stringify(fields),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-api-tran-id')).toBe(tranId);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['rsp_code']).toBe('00000');
    expect(Number(body['trans_cnt'])).toBeGreaterThan(0);
  });

  it('serves health and metrics beside the institutions', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('40401 for a path under no institution, as an rsp_code envelope', async () => {
    const response = await fetch(`${url}/nowhere/v2/bank/accounts`, {
      headers: { 'x-api-tran-id': 'MDHANNUN01M00000000000001' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-api-tran-id')).toBe('MDHANNUN01M00000000000001');
    expect(await response.json()).toEqual({ rsp_code: '40401', rsp_msg: '존재하지 않는 엔드포인트' });
  });

  it('HEAD on a GET API answers 40501', async () => {
    const response = await fetch(`${url}/BKNURI0001/v2/bank/accounts`, { method: 'HEAD' });
    expect(response.status).toBe(405);
  });

  it('a broken JSON body answers 40001, but only once the token is good (the chain’s order)', async () => {
    const { token } = await h.grant('BKNURI0001');
    const send = (auth: string | undefined) =>
      fetch(`${url}/BKNURI0001/v2/bank/accounts/deposit/basic`, {
        method: 'POST',
        headers: {
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          'x-api-tran-id': generateTranId(OPERATOR_ORG, 'M'),
          'content-type': 'application/json',
        },
        body: '{"org_code": "BKNURI0001",',
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect((await send(undefined))['rsp_code']).toBe('40101');
    expect((await send(token))['rsp_code']).toBe('40001');
  });

  it('a body over the size limit answers 40001', async () => {
    const response = await fetch(`${url}/BKNURI0001/v2/bank/accounts/deposit/basic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-tran-id': generateTranId(OPERATOR_ORG, 'M') },
      body: JSON.stringify({ org_code: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Record<string, unknown>)['rsp_code']).toBe('40001');
  });

  it('logs no token, CI or account number', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-004');
    await h.call('BKNURI0001', '은행-004', { token, fields });
    const text = h.logs.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(KIM_CI);
    expect(text).not.toContain(fields['account_num']);
  });

  it('warns loudly at start that mutual TLS is off', () => {
    expect(h.logs.text()).toContain('MUTUAL TLS IS OFF');
  });
});

describe('client certificates and IPs', () => {
  const SERIAL_HEADER = 'x-test-client-serial';
  const callers = createCallerRegistry({
    callers: [
      { orgCode: 'MDHANNUN01', serials: ['1018112345'], ips: [] },
      { orgCode: 'MDOTHER001', serials: ['1018199999'], ips: [] },
    ],
  });
  let h: Harness;
  beforeAll(() => {
    h = createHarness({
      requireMtls: true,
      callers,
      // Tests stand in for the TLS layer (the PKI issue): the serial comes from a header here.
      clientCertSerial: (request) => request.headers[SERIAL_HEADER] as string | undefined,
    });
  });
  afterAll(() => h.close());

  const call = async (serial: string | undefined, apiId = '은행-002', aud?: string) => {
    const { token } = await h.grant('BKNURI0001', aud ? { aud } : {});
    const { fields } = h.validRequest('BKNURI0001', apiId);
    const tranId = generateTranId(OPERATOR_ORG, 'M');
    const r = await h.call('BKNURI0001', apiId, {
      token,
      fields,
      tranId,
      headers: serial ? { [SERIAL_HEADER]: serial } : {},
    });
    expect(r.headers['x-api-tran-id']).toBe(tranId);
    return bodyOf(r)['rsp_code'];
  };

  it('no client certificate, or an unregistered one, answers 40103 before anything else', async () => {
    expect(await call(undefined)).toBe('40103');
    expect(await call('0000000000')).toBe('40103');
    const unknownPath = await h.engine.inject({ method: 'GET', url: '/nowhere' });
    expect(bodyOf(unknownPath)['rsp_code']).toBe('40103');
  });

  it('a registered certificate passes; a token issued to another operator answers 40101', async () => {
    expect(await call('1018112345')).toBe('00000');
    expect(await call('1018199999')).toBe('40101');
    expect(await call('1018199999', '은행-002', 'MDOTHER001')).toBe('00000');
  });

  it('does not warn about mutual TLS when it is on', () => {
    expect(h.logs.text()).not.toContain('MUTUAL TLS IS OFF');
  });

  it('an IP off the allow-list answers 40102, also on unknown paths and wrong methods', async () => {
    const strict = createHarness({ callers: createCallerRegistry({ allowLoopback: false }) });
    try {
      const { token } = await strict.grant('BKNURI0001');
      const { fields } = strict.validRequest('BKNURI0001', '은행-002');
      expect(bodyOf(await strict.call('BKNURI0001', '은행-002', { token, fields }))['rsp_code']).toBe('40102');
      expect(bodyOf(await strict.call('BKNURI0001', '은행-002', { token, fields, method: 'GET' }))['rsp_code']).toBe(
        '40102',
      );
      expect(bodyOf(await strict.engine.inject({ method: 'GET', url: '/nowhere' }))['rsp_code']).toBe('40102');
    } finally {
      await strict.close();
    }
  });
});

describe('engine set-up', () => {
  it('needs a book for every institution', () => {
    const bank = fixtureInstitution('BKNURI0001');
    expect(() =>
      createProviderEngine({
        institutions: [bank.institution],
        books: [],
        consents: createMemoryConsentStore(),
        config: { metrics: false },
      }),
    ).toThrow(/no book for institution BKNURI0001/);
  });

  it('a book that fails answers 50001 and does not use up the scheduled cycle', async () => {
    const bank = fixtureInstitution('BKNURI0001');
    let broken = true;
    const book: InstitutionBook = {
      orgCode: bank.book.orgCode,
      customers: () => bank.book.customers(),
      customer(ci) {
        const inner = bank.book.customer(ci);
        if (!inner) return undefined;
        return {
          ...inner,
          holdings: inner.holdings.bind(inner),
          snapshot: inner.snapshot.bind(inner),
          series(apiId, holding, ctx) {
            if (broken) throw new Error('disk on fire');
            return inner.series(apiId, holding, ctx);
          },
        };
      },
    };
    const h = createHarness();
    const engine = createProviderEngine({
      institutions: [bank.institution],
      books: [book],
      consents: h.engine.provider.consents,
      clock: h.clock,
      config: {
        metrics: false,
        signingKeys: h.engine.provider.signingKeys,
        logger: createLogger({ service: 't', destination: createLogSink() }),
      },
    });
    try {
      const { token } = await h.grant('BKNURI0001');
      const { fields } = h.validRequest('BKNURI0001', '은행-004');
      const send = () =>
        engine.inject({
          method: 'POST',
          url: '/BKNURI0001/v2/bank/accounts/deposit/transactions',
          headers: {
            authorization: `Bearer ${token}`,
            'x-api-tran-id': generateTranId(OPERATOR_ORG, 'M'),
            'x-api-type': 'scheduled',
            'content-type': 'application/json',
          },
          payload: JSON.stringify(fields),
        });
      const failed = await send();
      expect(failed.statusCode).toBe(500);
      expect(bodyOf(failed)).toEqual({ rsp_code: '50001', rsp_msg: '시스템 장애' });
      broken = false;
      expect(bodyOf(await send())['rsp_code']).toBe('00000');
      expect(bodyOf(await send())['rsp_code']).toBe('42901');
    } finally {
      await engine.stop();
      await h.close();
    }
  });
});
