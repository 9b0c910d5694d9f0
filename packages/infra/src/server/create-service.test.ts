import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.ts';
import { createLogSink, type LogSink } from '../logging/test-sink.ts';
import { createService, type Service, type ServiceOptions } from './create-service.ts';
import { PortInUseError } from './port-in-use-error.ts';

const TRAN_ID = 'BANK000001M0000000000001A';
const running: Service[] = [];

async function startService(extra: Partial<ServiceOptions> = {}, setup?: (s: Service) => void) {
  const sink = createLogSink();
  const service = createService({
    name: 'test-service',
    version: '1.2.3',
    logger: createLogger({ service: 'test-service', level: 'info', destination: sink }),
    ...extra,
  });
  setup?.(service);
  const url = await service.start({ host: '127.0.0.1', port: 0 });
  running.push(service);
  return { service, url, sink };
}

function requestLines(sink: LogSink) {
  return sink.records().filter((r) => r.msg === 'request completed' || r.msg === 'request failed');
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

describe('createService', () => {
  it('listens on an ephemeral port and answers real HTTP requests', async () => {
    const { url } = await startService({}, (s) => s.get('/hello', async () => ({ hello: '세계' })));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    const res = await fetch(`${url}/hello`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: '세계' });
  });

  it('echoes x-api-tran-id and sets a request id on every response', async () => {
    const { url } = await startService({}, (s) => s.get('/ok', async () => 'ok'));
    const res = await fetch(`${url}/ok`, { headers: { 'x-api-tran-id': TRAN_ID } });
    expect(res.headers.get('x-api-tran-id')).toBe(TRAN_ID);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const without = await fetch(`${url}/ok`);
    expect(without.headers.get('x-api-tran-id')).toBeNull();
  });

  it('echoes x-api-tran-id on errors and unknown routes too', async () => {
    const { url } = await startService({}, (s) =>
      s.get('/boom', async () => {
        throw new Error('database password=hunter2 rejected');
      }),
    );
    for (const path of ['/boom', '/no-such-route']) {
      const res = await fetch(`${url}${path}`, { headers: { 'x-api-tran-id': TRAN_ID } });
      expect(res.headers.get('x-api-tran-id')).toBe(TRAN_ID);
    }
    const bad = await fetch(`${url}/boom`, {
      method: 'POST',
      headers: { 'x-api-tran-id': TRAN_ID, 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-api-tran-id')).toBe(TRAN_ID);
  });

  it('answers an unexpected error with a clear JSON 500 and no stack or cause', async () => {
    const { url, sink } = await startService({}, (s) =>
      s.get('/boom', async () => {
        throw new Error('database password=hunter2 rejected at /srv/app/db.ts:42');
      }),
    );
    const res = await fetch(`${url}/boom`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: `The server could not complete this request. Quote request id ${res.headers.get('x-request-id')} when reporting it.`,
      requestId: res.headers.get('x-request-id'),
    });
    for (const leak of ['hunter2', 'db.ts', 'at ', 'stack', 'password']) expect(text).not.toContain(leak);
    // The log has the error, scrubbed.
    const log = sink.text();
    expect(log).toContain('unhandled error');
    expect(log).toContain('password=[REDACTED]');
    expect(log).not.toContain('hunter2');
  });

  it('answers client errors with the reason and fastify code', async () => {
    const { url } = await startService({}, (s) => s.post('/echo', async (req) => req.body));
    const res = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(typeof body.requestId).toBe('string');
  });

  it('answers unknown routes with a JSON 404 without echoing the query', async () => {
    const { url } = await startService();
    const res = await fetch(`${url}/nowhere?code=secret-code`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: 'No route GET /nowhere',
      code: 'ROUTE_NOT_FOUND',
    });
    expect(text).not.toContain('secret-code');
  });

  it('writes one request line carrying reqId and the incoming tranId, with secrets in the URL scrubbed', async () => {
    const { url, sink } = await startService({}, (s) => s.get('/callback', async () => 'ok'));
    const res = await fetch(`${url}/callback?code=ac-12345&state=s1`, { headers: { 'x-api-tran-id': TRAN_ID } });
    await res.text();
    await fetch(`${url}/callback`).then((r) => r.text());
    const lines = requestLines(sink);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      service: 'test-service',
      level: 'info',
      tranId: TRAN_ID,
      reqId: res.headers.get('x-request-id'),
      req: { method: 'GET', url: '/callback?code=[REDACTED]&state=s1', route: '/callback' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]!.responseTime).toBe('number');
    expect(lines[1]).toMatchObject({ tranId: null });
    expect(sink.text()).not.toContain('ac-12345');
  });

  it('serves liveness, and readiness that fails with the failing check names', async () => {
    let dbUp = true;
    const { url, service } = await startService({
      readiness: {
        database: async () => {
          if (!dbUp) throw new Error('connection refused');
        },
        queue: () => true,
      },
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      failing: [],
      checks: { database: { status: 'ok' }, queue: { status: 'ok' } },
    });
    dbUp = false;
    service.health.addCheck('cache', () => false);
    const notReady = await fetch(`${url}/readyz`);
    expect(notReady.status).toBe(503);
    const body = (await notReady.json()) as { failing: string[]; status: string };
    expect(body.status).toBe('unavailable');
    expect(body.failing.sort()).toEqual(['cache', 'database']);
    expect(JSON.stringify(body)).not.toContain('connection refused');
  });

  it('times out a readiness check that hangs', async () => {
    const { url } = await startService({ readinessTimeoutMs: 100 }, (s) =>
      s.health.addCheck('slow', () => new Promise<void>(() => {})),
    );
    const started = Date.now();
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { failing: string[] }).failing).toEqual(['slow']);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('exposes Prometheus metrics with route, status and rsp_code labels', async () => {
    const { url } = await startService({}, (s) => {
      s.get('/v2/bank/accounts', async () => ({
        rsp_code: '00000',
        rsp_msg: '성공',
        account_cnt: '0',
        account_list: [],
      }));
      s.get('/plain', async () => 'plain');
    });
    await fetch(`${url}/v2/bank/accounts`).then((r) => r.text());
    await fetch(`${url}/plain`).then((r) => r.text());
    await fetch(`${url}/missing/123`).then((r) => r.text());
    const res = await fetch(`${url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/v2\/bank\/accounts",status_code="200",rsp_code="00000",service="test-service"\} 1/,
    );
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/plain",status_code="200",service="test-service"\} 1/,
    );
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\(unmatched\)",status_code="404",service="test-service"\} 1/,
    );
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.005"');
    expect(text).toContain('process_cpu_user_seconds_total{service="test-service"}');
    expect(text).toContain('service_info{version="1.2.3",service="test-service"} 1');
    expect(text).toContain('nodejs_eventloop_lag_seconds{service="test-service"}');
  });

  it('counts unhandled errors', async () => {
    const { url, service } = await startService({}, (s) =>
      s.get('/boom', async () => {
        throw new Error('x');
      }),
    );
    await fetch(`${url}/boom`).then((r) => r.text());
    const metric = await service.metrics!.httpErrors.get();
    expect(metric.values).toEqual([{ labels: { method: 'GET', route: '/boom' }, value: 1 }]);
  });

  it('throws PortInUseError when the port is taken, and stop() is idempotent', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const service = createService({
      name: 'second',
      version: '0',
      logger: createLogger({ service: 'x', level: 'silent' }),
    });
    try {
      const error = await service.start({ port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect(error).toMatchObject({ port, host: '127.0.0.1', service: 'second' });
    } finally {
      await service.stop();
      await service.stop();
      await new Promise((r) => blocker.close(r));
    }
  });

  it('fails readiness while stopping and refuses connections after stop', async () => {
    const { url, service } = await startService();
    await service.stop();
    expect((await service.health.check()).failing).toEqual(['shutting_down']);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
