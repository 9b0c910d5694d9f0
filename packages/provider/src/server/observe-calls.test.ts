import { generateTranId } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, OPERATOR_ORG } from '../testing/engine-harness.ts';
import type { ObservedCall } from './observe-calls.ts';

describe('onCall: the engine tells an observer about every answered request', () => {
  const seen: ObservedCall[] = [];
  let throwNext = false;
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = createHarness({
      onCall: (call) => {
        if (throwNext) {
          throwNext = false;
          throw new Error('observer broke');
        }
        seen.push(call);
      },
    });
    url = await h.engine.start({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => h.close());

  it('an information API call: request as sent, status, body, provider clock and real times', async () => {
    seen.length = 0;
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-004');
    const tranId = generateTranId(OPERATOR_ORG, 'M');
    const before = Date.now();
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
    await response.arrayBuffer();
    expect(seen).toHaveLength(1);
    const call = seen[0]!;
    expect(call.request.method).toBe('POST');
    expect(call.request.url).toBe('/BKNURI0001/v2/bank/accounts/deposit/transactions');
    expect(call.request.headers['x-api-tran-id']).toBe(tranId);
    expect(JSON.parse(call.request.body as string)).toEqual(fields);
    expect(call.statusCode).toBe(200);
    expect(JSON.parse(call.responseBody)['rsp_code']).toBe('00000');
    expect(call.atMs).toBe(h.clock.nowMs());
    expect(call.startedAt).toBeGreaterThanOrEqual(before - 1);
    expect(call.endedAt).toBeGreaterThanOrEqual(call.startedAt);
  });

  it('refusals, unknown paths and the token endpoint are observed too', async () => {
    seen.length = 0;
    await h.engine.inject({ method: 'GET', url: '/BKNURI0001/v2/bank/accounts?limit=10' });
    await h.engine.inject({ method: 'GET', url: '/nowhere/v2/bank/accounts' });
    await h.engine.inject({
      method: 'POST',
      url: '/BKNURI0001/oauth/2.0/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=refresh_token&org_code=BKNURI0001',
    });
    expect(seen.map((c) => [c.request.url.split('?')[0], c.statusCode])).toEqual([
      ['/BKNURI0001/v2/bank/accounts', 400], // no x-api-tran-id: 40002
      ['/nowhere/v2/bank/accounts', 404],
      ['/BKNURI0001/oauth/2.0/token', 500], // the harness has no registry: server_error
    ]);
    expect(JSON.parse(seen[0]!.responseBody)['rsp_code']).toBe('40002');
    expect(JSON.parse(seen[1]!.responseBody)['rsp_code']).toBe('40401');
    expect(JSON.parse(seen[2]!.responseBody)).toHaveProperty('error');
  });

  it('an observer that throws is logged; the caller still gets its answer', async () => {
    throwNext = true;
    const response = await h.engine.inject({ method: 'GET', url: '/nowhere/v2/bank/accounts' });
    expect(response.statusCode).toBe(404);
    expect(h.logs.lines.some((l) => l.includes('a call observer failed'))).toBe(true);
  });
});
