import { resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { describeConfig, loadConfig } from './load-config.ts';
import { setting } from './settings.ts';

const schema = {
  PORT: setting.port({ default: 3000, description: 'HTTP port of the docs hub' }),
  HOST: setting.string({ default: '127.0.0.1', description: 'Interface to listen on' }),
  LOG_LEVEL: setting.enum(['error', 'warn', 'info', 'debug'], { default: 'info', description: 'Log level' }),
  WORKERS: setting.int({ min: 1, max: 16, default: 2, description: 'Collection workers' }),
  DATA_DIR: setting.path({ default: './data', description: 'Data directory' }),
  PUBLIC_URL: setting.url({ optional: true, protocols: ['http', 'https'], description: 'Public base URL' }),
  DEMO: setting.boolean({ default: false, description: 'Seed demo data' }),
  DATABASE_URL: setting.url({
    optional: true,
    secret: true,
    protocols: ['postgres'],
    description: 'PostgreSQL connection',
  }),
  API_KEY: setting.string({ secret: true, minLength: 8, description: 'Key for the admin API' }),
};

describe('loadConfig', () => {
  it('applies defaults and parses values into their types', () => {
    const cfg = loadConfig(schema, {
      API_KEY: 'k'.repeat(8),
      WORKERS: '4',
      DEMO: 'yes',
      PUBLIC_URL: 'https://hannun.example',
    });
    expect(cfg).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      WORKERS: 4,
      DATA_DIR: resolve('./data'),
      PUBLIC_URL: 'https://hannun.example',
      DEMO: true,
      DATABASE_URL: undefined,
      API_KEY: 'kkkkkkkk',
    });
    expectTypeOf(cfg.PORT).toEqualTypeOf<number>();
    expectTypeOf(cfg.LOG_LEVEL).toEqualTypeOf<'error' | 'warn' | 'info' | 'debug'>();
    expectTypeOf(cfg.PUBLIC_URL).toEqualTypeOf<string | undefined>();
    expectTypeOf(cfg.API_KEY).toEqualTypeOf<string>();
  });

  it('treats an empty variable as unset and accepts port 0', () => {
    const cfg = loadConfig(schema, { API_KEY: '12345678', PORT: '0', HOST: '' });
    expect(cfg.PORT).toBe(0);
    expect(cfg.HOST).toBe('127.0.0.1');
  });

  it('lists every problem at once, naming variable, rule, value and what is accepted', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: '70000', LOG_LEVEL: 'loud', WORKERS: 'two', PUBLIC_URL: 'ftp://x', DEMO: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((p) => p.variable)).toEqual(['PORT', 'LOG_LEVEL', 'WORKERS', 'PUBLIC_URL', 'DEMO', 'API_KEY']);
    expect(problems[0]).toMatchObject({ rule: 'is above the maximum 65535', seen: '"70000"' });
    expect(problems[5]).toMatchObject({ rule: 'is required but not set' });
    expect(problems[5]!.seen).toBeUndefined();
    expect(message).toContain('PORT is above the maximum 65535 (got "70000"). Accepted: a TCP port from 0 to 65535');
    expect(message).toContain(
      'LOG_LEVEL is not one of the allowed values (got "loud"). Accepted: one of error, warn, info, debug',
    );
    expect(message).toContain('WORKERS is not a whole number (got "two"). Accepted: a whole number from 1 to 16');
    expect(message).toContain(
      'PUBLIC_URL has the protocol ftp: (got "ftp://x"). Accepted: an absolute URL starting with http:// or https://',
    );
    expect(message).toContain('DEMO is not a yes/no value');
    expect(message).toContain('API_KEY is required but not set');
    expect(message.split('\n')[0]).toContain('6 environment variables');
  });

  it('never prints the value of a secret setting', () => {
    const secretUrl = 'mysql://admin:pa55w0rd@db.internal/hannun';
    let message = '';
    try {
      loadConfig(schema, { DATABASE_URL: secretUrl, API_KEY: 'short' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('DATABASE_URL has the protocol mysql: (got (hidden: secret))');
    expect(message).toContain('API_KEY is shorter than 8 character(s) (got (hidden: secret))');
    expect(message).not.toContain('pa55w0rd');
    expect(message).not.toContain('short"');
  });

  it('describes the settings for help texts without showing secret defaults', () => {
    const lines = describeConfig({
      PORT: setting.port({ default: 3000, description: 'HTTP port' }),
      TOKEN: setting.string({ default: 'dev-token', secret: true, description: 'Token' }),
    });
    expect(lines[0]).toMatch(/PORT\s+HTTP port \(default: 3000\)\. Accepts a TCP port/);
    expect(lines[1]).toContain('(default: hidden)');
    expect(lines.join('\n')).not.toContain('dev-token');
  });
});
