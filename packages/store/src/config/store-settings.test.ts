import { join } from 'node:path';
import { ConfigError, describeConfig } from '@hannun/infra';
import { describe, expect, it } from 'vitest';
import { STORE_SETTINGS, storeUrlFor } from './store-settings.ts';

describe('HANNUN_DATABASE_URL', () => {
  it('defaults to the embedded SQLite file <data dir>/hannun.db', () => {
    expect(storeUrlFor('/srv/hannun', {})).toBe(`sqlite:${join('/srv/hannun', 'hannun.db')}`);
    expect(storeUrlFor('/srv/hannun', { HANNUN_DATABASE_URL: '' })).toBe('sqlite:/srv/hannun/hannun.db');
  });

  it('takes a PostgreSQL or SQLite URL when set', () => {
    const pg = 'postgres://hannun:pw@db.internal:5432/hannun';
    expect(storeUrlFor('/srv/hannun', { HANNUN_DATABASE_URL: pg })).toBe(pg);
    expect(storeUrlFor('/srv/hannun', { HANNUN_DATABASE_URL: 'sqlite::memory:' })).toBe('sqlite::memory:');
  });

  it('rejects another scheme with a ConfigError that does not print the value (it may hold a password)', () => {
    let error: unknown;
    try {
      storeUrlFor('/srv', { HANNUN_DATABASE_URL: 'mysql://root:hunter2@db/hannun' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('HANNUN_DATABASE_URL');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('is described for --help as optional, without a default value shown', () => {
    const [line] = describeConfig(STORE_SETTINGS);
    expect(line).toMatch(/HANNUN_DATABASE_URL .*\(optional\)\. Accepts sqlite:<path>/);
  });
});
