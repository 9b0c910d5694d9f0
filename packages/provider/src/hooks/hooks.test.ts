import { createLogger, createLogSink } from '@hannun/infra';
import { generateTranId } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kstTimestamp } from '../clock/kst.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import { createProviderEngine } from '../server/create-provider-engine.ts';
import { bodyOf, createHarness, type Harness, OPERATOR_ORG } from '../testing/engine-harness.ts';
import { FIXTURE_NOW, fixtureInstitution, KIM_CI } from '../testing/fixture-world.ts';
import { malform } from './malform.ts';

const ADMIN = 'admin-token-for-tests-only';
let h: Harness;
let token: string;
beforeAll(async () => {
  h = createHarness({ testHooks: { enabled: true, adminToken: ADMIN, prefix: '/_test' } });
  ({ token } = await h.grant('BKNURI0001'));
});
afterAll(() => h.close());

const call = (apiId = '은행-004', tranId = generateTranId(OPERATOR_ORG, 'M')) => {
  const { fields } = h.validRequest('BKNURI0001', apiId);
  return h.call('BKNURI0001', apiId, { token, fields, tranId }).then((r) => ({ r, tranId }));
};
const admin = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: unknown, auth = ADMIN) =>
  h.engine.inject({
    method,
    url: `/_test${url}`,
    headers: { authorization: `Bearer ${auth}` },
    ...(payload ? { payload: payload as object } : {}),
  });

describe('fault injection', () => {
  it('answers the configured rsp_code, echoing the tran id', async () => {
    h.engine.provider.faults!.set('BKNURI0001', { rspCode: '50001' });
    try {
      const { r, tranId } = await call();
      expect(r.statusCode).toBe(500);
      expect(bodyOf(r)).toEqual({ rsp_code: '50001', rsp_msg: '시스템 장애' });
      expect(r.headers['x-api-tran-id']).toBe(tranId);
    } finally {
      h.engine.provider.faults!.clear();
    }
  });

  it('answers 50008 inside a maintenance window only, and only for the APIs named', async () => {
    const faults = h.engine.provider.faults!;
    faults.set('BKNURI0001', { maintenance: ['0200:0400'], apis: ['은행-004'] });
    try {
      expect(bodyOf((await call()).r)['rsp_code']).toBe('50008');
      expect(bodyOf((await call('은행-002')).r)['rsp_code']).toBe('00000');
      faults.set('BKNURI0001', { maintenance: ['0400:0500'] });
      expect(bodyOf((await call()).r)['rsp_code']).toBe('00000');
    } finally {
      faults.clear();
    }
  });

  it('adds latency', async () => {
    h.engine.provider.faults!.set('BKNURI0001', { latencyMs: 120 });
    try {
      const started = performance.now();
      const { r } = await call();
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
      expect(bodyOf(r)['rsp_code']).toBe('00000');
    } finally {
      h.engine.provider.faults!.clear();
    }
  });

  it('sends malformed bodies: cut-off JSON, or numbers and booleans where strings belong', async () => {
    const faults = h.engine.provider.faults!;
    try {
      faults.set('BKNURI0001', { malformed: 'invalid-json' });
      const cut = (await call()).r;
      expect(() => JSON.parse(cut.body)).toThrow();
      faults.set('BKNURI0001', { malformed: 'wrong-types' });
      const typed = JSON.parse((await call()).r.body) as Record<string, unknown>;
      expect(typed['rsp_code']).toBe(0);
      expect(typeof typed['trans_cnt']).toBe('number');
    } finally {
      faults.clear();
    }
  });

  it('never answers when told to time out, and stopping the engine does not wait for it', async () => {
    const engine = createProviderEngine({
      institutions: [fixtureInstitution('BKNURI0001').institution],
      books: [fixtureInstitution('BKNURI0001').book],
      consents: createMemoryConsentStore(),
      config: {
        testHooks: { enabled: true, adminToken: ADMIN },
        metrics: false,
        logger: createLogger({ service: 't', destination: createLogSink() }),
      },
    });
    const url = await engine.start({ port: 0 });
    engine.provider.faults!.set('BKNURI0001', { timeout: true });
    const outcome = await fetch(`${url}/BKNURI0001/v2/bank/accounts?org_code=BKNURI0001`, {
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(outcome).toBe('TimeoutError');
    const stopped = Date.now();
    await engine.stop();
    expect(Date.now() - stopped).toBeLessThan(2000);
  });

  it('refuses faults it cannot honour', () => {
    expect(() => h.engine.provider.faults!.set('BKNURI0001', { latencyMs: -1 })).toThrow(RangeError);
    expect(() => h.engine.provider.faults!.set('BKNURI0001', { maintenance: ['9999'] })).toThrow();
  });
});

describe('admin routes', () => {
  it('need the admin token', async () => {
    for (const auth of ['wrong', '']) {
      const r = await admin('GET', '/faults', undefined, auth);
      expect(r.statusCode).toBe(401);
    }
  });

  it('set, list and clear faults over HTTP', async () => {
    expect((await admin('PUT', '/faults/BKNURI0001', { rspCode: '50002' })).json()).toEqual({ rspCode: '50002' });
    expect((await admin('GET', '/faults')).json()).toEqual({ BKNURI0001: { rspCode: '50002' } });
    expect(bodyOf((await call()).r)['rsp_code']).toBe('50002');
    expect((await admin('PUT', '/faults/BKNURI0001', { rspCode: '12345' })).statusCode).toBe(400);
    expect((await admin('PUT', '/faults/NOSUCHORG1', { rspCode: '50002' })).statusCode).toBe(404);
    await admin('DELETE', '/faults/BKNURI0001');
    expect(bodyOf((await call()).r)['rsp_code']).toBe('00000');
  });

  it('set and advance the manual clock', async () => {
    try {
      expect((await admin('POST', '/clock', { set: '20250316011500' })).json()).toEqual({ now: '20250316011500' });
      expect((await admin('POST', '/clock', { advance_ms: 60_000 })).json()).toEqual({ now: '20250316011600' });
      expect((await admin('POST', '/clock', { set: '2025-03-16' })).statusCode).toBe(400);
    } finally {
      h.clock.set(FIXTURE_NOW);
    }
    expect(kstTimestamp(h.clock.nowMs())).toBe(20250315030000);
  });

  it("the read-only view shows a customer's data as the institution holds it, and changes nothing", async () => {
    const r = await admin('POST', '/view', {
      org_code: 'BKNURI0001',
      ci: KIM_CI,
      from_date: '20250228',
      to_date: '20250315',
    });
    expect(r.statusCode).toBe(200);
    const view = r.json() as {
      lists: Record<string, { status: string; item: Record<string, string> }[]>;
      assets: { list_api: string; key: Record<string, string>; data: Record<string, unknown> }[];
      customer: Record<string, unknown>;
    };
    const kim = h.fixtures.BKNURI0001.kim.filter((x) => x.listApi === '은행-001');
    expect(view.lists['은행-001']!.map((x) => x.item['account_num']).sort()).toEqual(
      kim.map((x) => x.key['account_num']).sort(),
    );
    const mine = h.assetFor('BKNURI0001', '은행-004')!;
    const asset = view.assets.find((a) => a.key['account_num'] === mine.key['account_num'])!;
    expect(Array.isArray(asset.data['은행-004'])).toBe(true);
    expect((asset.data['은행-004'] as unknown[]).length).toBe(8);
    expect(asset.data['은행-002']).toMatchObject({ body: { saving_method: expect.any(String) } });
    expect(asset.data).not.toHaveProperty('은행-008');
    // The customer's data is the same after the view: a call still answers as before.
    expect(bodyOf((await call()).r)['rsp_code']).toBe('00000');
    expect((await admin('POST', '/view', { org_code: 'BKNURI0001', ci: 'nobody' })).statusCode).toBe(404);
    expect((await admin('POST', '/view', { org_code: 'NOSUCHORG1', ci: KIM_CI })).statusCode).toBe(404);
  });

  it('are not there at all when test hooks are off', async () => {
    const plain = createHarness();
    try {
      expect(plain.engine.provider.faults).toBeUndefined();
      const r = await plain.engine.inject({
        method: 'GET',
        url: '/_test/faults',
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      expect(bodyOf(r)['rsp_code']).toBe('40401');
    } finally {
      await plain.close();
    }
  });

  it('cannot be enabled without an admin token', () => {
    expect(() => createHarness({ testHooks: { enabled: true } })).toThrow(/adminToken/);
  });
});

describe('malform', () => {
  it('keeps structure but breaks types', () => {
    expect(JSON.parse(malform('{"a":"1","b":["true","x"]}', 'wrong-types'))).toEqual({ a: 1, b: [true, 'x'] });
    expect(malform('{"a":"1"}', 'invalid-json')).toBe('{"a"');
  });
});
