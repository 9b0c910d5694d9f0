import { createLogger, createLogSink } from '@hannun/infra';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartedService } from '../ecosystem/service-definition.ts';
import { providerService } from './provider-service.ts';

const TOKEN = 'test-hooks-token-0123456789';
let started: StartedService | undefined;

afterEach(async () => {
  await started?.stop();
  started = undefined;
  delete process.env['PROVIDER_TEST_HOOKS_TOKEN'];
});

function start() {
  return providerService.start({
    host: '127.0.0.1',
    port: 0,
    dataDir: '/nonexistent',
    logger: createLogger({ service: 'provider', level: 'warn', destination: createLogSink() }),
    logLevel: 'warn',
    version: 'test',
    running: () => [],
  });
}

describe('the provider service of hannun up', () => {
  it('offers its 26 institutions to demo.json, and no test hooks by default', async () => {
    started = await start();
    expect(started.demo?.institutions).toHaveLength(26);
    const res = await fetch(`${started.url}/_test/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
  });

  it('with PROVIDER_TEST_HOOKS_TOKEN, the clock is controllable through the hooks', async () => {
    process.env['PROVIDER_TEST_HOOKS_TOKEN'] = TOKEN;
    started = await start();
    const advance = (token: string) =>
      fetch(`${started!.url}/_test/clock`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ advance_ms: 2 * 86_400_000 }),
      });
    expect((await advance('wrong-token-wrong-token')).status).toBe(401);
    const res = await advance(TOKEN);
    expect(res.status).toBe(200);
    const { now } = (await res.json()) as { now: string };
    const day = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
    const inTwoDays = new Date(Date.now() + 9 * 3_600_000 + 2 * 86_400_000);
    expect(now.slice(0, 8)).toBe(day(inTwoDays));
  });
});
