import { describe, expect, it } from 'vitest';
import { planShutdown, runShutdown, type ShutdownHandler } from './plan-shutdown.ts';

function recorder() {
  const calls: string[] = [];
  const step = (name: string, kind: ShutdownHandler['kind'], fail = false): ShutdownHandler => ({
    name,
    kind,
    async close() {
      await new Promise((r) => setTimeout(r, 1));
      calls.push(name);
      if (fail) throw new Error(`${name} would not close`);
    },
  });
  return { calls, step };
}

describe('planShutdown', () => {
  it('stops servers first, then cleanups, each in reverse registration order', () => {
    const { step } = recorder();
    const handlers = [
      step('database', 'cleanup'),
      step('provider', 'server'),
      step('queue', 'cleanup'),
      step('operator', 'server'),
      step('key-cache', 'cleanup'),
    ];
    expect(planShutdown(handlers).map((h) => h.name)).toEqual([
      'operator',
      'provider',
      'key-cache',
      'queue',
      'database',
    ]);
  });

  it('does not reorder the caller array', () => {
    const { step } = recorder();
    const handlers = [step('a', 'cleanup'), step('b', 'server')];
    planShutdown(handlers);
    expect(handlers.map((h) => h.name)).toEqual(['a', 'b']);
  });
});

describe('runShutdown', () => {
  it('runs the steps one after another in plan order', async () => {
    const { calls, step } = recorder();
    const report = await runShutdown([step('db', 'cleanup'), step('docs', 'server'), step('cache', 'cleanup')]);
    expect(calls).toEqual(['docs', 'cache', 'db']);
    expect(report).toEqual({ completed: ['docs', 'cache', 'db'], failed: [] });
  });

  it('keeps going after a failing step and reports it', async () => {
    const { calls, step } = recorder();
    const logged: string[] = [];
    const log = {
      info: (_: object, m: string) => logged.push(`info ${m}`),
      error: (_: object, m: string) => logged.push(`error ${m}`),
    };
    const report = await runShutdown([step('db', 'cleanup'), step('docs', 'server', true)], log);
    expect(calls).toEqual(['docs', 'db']);
    expect(report.completed).toEqual(['db']);
    expect(report.failed.map((f) => f.name)).toEqual(['docs']);
    expect(logged).toEqual(['error could not stop docs cleanly', 'info stopped db']);
  });
});
