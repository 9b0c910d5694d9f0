import { listScope, requiredScope, type RspCode } from '@hannun/spec';
import type { ConformanceCase, TokenRef } from '../case-types.ts';
import type { ApiCases } from './case-kit.ts';

const NO_TOKEN_NOTE =
  'The catalogue has both 40002 (header missing or invalid) and 40101 (invalid access token) for a request without a usable Authorization header; RFC 6750 answers 401. Either is accepted.';

/** The access token (규격 §2.2, §2.3): missing, malformed, forged, expired, revoked, of an ended consent. */
export function tokenCases(g: ApiCases): ConformanceCase[] {
  const t = (code: string, title: string, token: TokenRef, expect: readonly RspCode[], provisional?: string) =>
    g.make({
      code,
      category: 'token',
      title,
      negative: true,
      expect,
      probe: g.usual({ token }),
      ...(provisional ? { provisional } : {}),
    });
  return [
    t('TOK-01', 'no Authorization header answers 40101', { kind: 'none' }, ['40101', '40002'], NO_TOKEN_NOTE),
    t(
      'TOK-02',
      'an Authorization header without Bearer answers 40101',
      { kind: 'raw', header: 'Basic ZXhhbWluZXI6eA==' },
      ['40101', '40002'],
      NO_TOKEN_NOTE,
    ),
    t('TOK-03', 'a token that is no JWS answers 40101', { kind: 'forged', how: 'garbage' }, ['40101']),
    t('TOK-04', 'the token re-sent with alg none and no signature answers 40101', { kind: 'forged', how: 'alg-none' }, [
      '40101',
    ]),
    t('TOK-05', 'the token signed by another key answers 40101', { kind: 'forged', how: 'other-signer' }, ['40101']),
    t('TOK-06', 'the token with an altered signature answers 40101', { kind: 'forged', how: 'bad-signature' }, [
      '40101',
    ]),
    t(
      'TOK-07',
      'the token with altered claims (wider scope, later expiry) answers 40101',
      { kind: 'forged', how: 'altered-claims' },
      ['40101'],
    ),
    t(
      'TOK-08',
      'a token longer than aNS(1500) answers 40101',
      { kind: 'forged', how: 'oversized' },
      ['40101', '40002'],
      NO_TOKEN_NOTE,
    ),
    t('TOK-09', 'an expired token answers 40101', { kind: 'given', name: 'expired' }, ['40101']),
    t('TOK-10', 'a revoked token answers 40101', { kind: 'given', name: 'revoked' }, ['40101']),
    t('TOK-11', 'a token of a consent past its end date answers 40106', { kind: 'given', name: 'consent-ended' }, [
      '40106',
    ]),
  ];
}

/** Scopes (규격 §2.2): a token without the API's scope answers 40104; every token carries <industry>.list. */
export function scopeCases(g: ApiCases): ConformanceCase[] {
  const scope = requiredScope(g.api, g.target.industry)!;
  const list = listScope(g.target.industry);
  const cases = [
    g.make({
      code: 'SCO-01',
      category: 'scope',
      title: `a token without ${scope} answers 40104`,
      negative: true,
      expect: ['40104'],
      probe: g.usual({ token: { kind: 'without-scope', scope } }),
    }),
  ];
  if (scope !== list) {
    cases.push(
      g.make({
        code: 'SCO-02',
        category: 'scope',
        title: `a token without ${list} answers 40104`,
        negative: true,
        expect: ['40104'],
        provisional: `§2.2: every token carries ${list}; that a token lacking it is refused for every API of the industry is our reading.`,
        probe: g.usual({ token: { kind: 'without-scope', scope: list } }),
      }),
    );
  }
  return cases;
}
