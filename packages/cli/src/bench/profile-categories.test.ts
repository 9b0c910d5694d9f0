import { describe, expect, it } from 'vitest';
import {
  addKinds,
  type CpuKind,
  type CpuProfile,
  categoriseProfile,
  cpuKindOf,
  describeKinds,
} from './profile-categories.ts';

const frame = (functionName: string, url: string) => ({ functionName, url });

describe('cpuKindOf', () => {
  it('sorts frames by the library or part of node they belong to', () => {
    expect(cpuKindOf(frame('#execute', 'file:///w/packages/store/src/sqlite/sqlite-driver.ts'))).toMatch(/^SQLite/);
    expect(cpuKindOf(frame('visitNode', 'file:///w/node_modules/kysely/dist/esm/x.js'))).toMatch(/^SQLite/);
    expect(cpuKindOf(frame('', 'node:internal/crypto/util'))).toMatch(/^crypto/);
    expect(cpuKindOf(frame('sign', 'file:///w/node_modules/jose/dist/webapi/jws/compact/sign.js'))).toMatch(/^crypto/);
    expect(cpuKindOf(frame('writev', ''))).toMatch(/^HTTP and TLS/);
    expect(cpuKindOf(frame('parserOnIncoming', 'node:_http_server'))).toMatch(/^HTTP and TLS/);
    expect(cpuKindOf(frame('writeH1', 'file:///w/node_modules/undici/lib/dispatcher/client-h1.js'))).toMatch(/^HTTP/);
    expect(cpuKindOf(frame('from', 'file:///w/node_modules/temporal-polyfill/chunks/x.js'))).toBe(
      'Temporal (polyfill)',
    );
    expect(cpuKindOf(frame('asJson', 'file:///w/node_modules/pino/lib/tools.js'))).toBe('logging and metrics');
    expect(cpuKindOf(frame('passwordGrant', 'file:///w/packages/provider/src/auth/token/password-grant.ts'))).toBe(
      'Hannun code (spec, ca, provider, infra)',
    );
    expect(cpuKindOf(frame('(garbage collector)', ''))).toBe('garbage collection');
    expect(cpuKindOf(frame('(idle)', ''))).toBe('idle');
    expect(cpuKindOf(frame('emit', 'node:events'))).toBe('other (node internals, async bookkeeping, V8)');
  });
});

describe('categoriseProfile', () => {
  it('gives each sample the time until the next one, to its own frame, and leaves idle and the last sample out', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('#execute', 'file:///w/packages/store/src/sqlite/d.ts') },
        { id: 3, callFrame: frame('writev', '') },
      ],
      samples: [2, 3, 1, 2, 3],
      timeDeltas: [0, 1000, 2000, 500, 4000],
    };
    const kinds = categoriseProfile(profile);
    // sample 0 (SQLite) lasts 1000 µs, 1 (HTTP) 2000, 2 (idle) 500, 3 (SQLite) 4000, 4 (HTTP) unknown.
    expect(Object.fromEntries(kinds)).toEqual({
      'SQLite (better-sqlite3, kysely, @hannun/store)': 5,
      'HTTP and TLS (node, fastify, undici)': 2,
    });
  });
});

describe('categoriseProfile and native functions', () => {
  it('counts a native function as the kind of the script that called it', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
        {
          id: 2,
          callFrame: frame('run', 'file:///w/node_modules/better-sqlite3/lib/methods/wrappers.js'),
          children: [3],
        },
        { id: 3, callFrame: frame('run', '') },
        { id: 4, callFrame: frame('(program)', '') },
      ],
      samples: [3, 4, 3],
      timeDeltas: [0, 3000, 1000, 0],
    };
    expect(Object.fromEntries(categoriseProfile(profile))).toEqual({
      'SQLite (better-sqlite3, kysely, @hannun/store)': 3,
      'other (node internals, async bookkeeping, V8)': 1,
    });
  });
});

describe('addKinds / describeKinds', () => {
  it('adds up kinds and describes them largest first, per round, with their shares', () => {
    const total = new Map<CpuKind, number>([['Temporal (polyfill)', 2]]);
    addKinds(
      total,
      new Map<CpuKind, number>([
        ['Temporal (polyfill)', 2],
        ['garbage collection', 12],
      ]),
    );
    expect(describeKinds(total, 2)).toBe('garbage collection 6.0 ms (75%); Temporal (polyfill) 2.0 ms (25%)');
    expect(describeKinds(new Map(), 2)).toBe('no samples');
  });
});
