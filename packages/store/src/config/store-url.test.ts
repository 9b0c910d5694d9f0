import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStoreUrl, redactStoreUrl, StoreConfigError } from './store-url.ts';

describe('parseStoreUrl', () => {
  it('reads sqlite files (relative, absolute, sqlite:///abs), memory and both postgres spellings', () => {
    expect(parseStoreUrl('sqlite:data/hannun.db')).toEqual({ dialect: 'sqlite', file: resolve('data/hannun.db') });
    expect(parseStoreUrl('sqlite:/var/lib/hannun/h.db')).toEqual({ dialect: 'sqlite', file: '/var/lib/hannun/h.db' });
    expect(parseStoreUrl('sqlite:///var/lib/hannun/h.db')).toEqual({ dialect: 'sqlite', file: '/var/lib/hannun/h.db' });
    expect(parseStoreUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', memory: true });
    expect(parseStoreUrl('postgres://u@db:5432/hannun')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://u@db:5432/hannun',
    });
    expect(parseStoreUrl('postgresql://u@db/hannun').dialect).toBe('postgres');
  });

  it('rejects what it cannot use with a StoreConfigError that never shows the password', () => {
    for (const bad of ['', 'sqlite:', 'sqlite://host/x.db', 'mysql://u:topsecret@h/db', 'postgres://u:topsecret@/db']) {
      let error: unknown;
      try {
        parseStoreUrl(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(StoreConfigError);
      expect((error as Error).message).not.toContain('topsecret');
    }
  });
});

describe('redactStoreUrl', () => {
  it('replaces the password, also one with an unencoded @ or /, and a password= parameter', () => {
    expect(redactStoreUrl('postgres://user:pass@host:5432/db')).toBe('postgres://user:***@host:5432/db');
    expect(redactStoreUrl('postgresql://user:p@ss/w0rd@host/db')).toBe('postgresql://user:***@host/db');
    expect(redactStoreUrl('postgres://host/db?user=u&password=hunter2&sslmode=require')).toBe(
      'postgres://host/db?user=u&password=***&sslmode=require',
    );
  });

  it('leaves URLs without a password as they are', () => {
    for (const url of ['postgres://postgres@127.0.0.1:5432/test', 'sqlite:/data/hannun.db', 'sqlite::memory:']) {
      expect(redactStoreUrl(url)).toBe(url);
    }
  });
});
