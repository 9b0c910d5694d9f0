import { randomUUID } from 'node:crypto';
import type { ConsentRecord, ConsentStore, CustomerBook, ProviderEngine } from '@hannun/provider';
import { kstDate, kstDateTime } from '@hannun/provider';
import { type Industry, type InformationScope, listScope } from '@hannun/spec';
import { COLLECT_CLIENT_ID, COLLECT_OPERATOR_ORG } from './collect-consent-protocol.ts';

export interface BenchGrant {
  readonly accessToken: string;
  readonly scope: string;
  /** Epoch ms. */
  readonly accessExpiresAt: number;
}

/**
 * What 통합인증-002 would leave at a provider, without the CA (the collection benches measure collection, not
 * authentication): a weekly consent to every asset the person holds there, with every optional item, and an
 * access token for it (90 days).
 */
export async function benchGrant(
  engine: ProviderEngine,
  consents: ConsentStore,
  g: {
    readonly orgCode: string;
    readonly industry: Industry;
    readonly ci: string;
    readonly book: CustomerBook;
    readonly scopes: readonly InformationScope[];
    readonly now: number;
  },
): Promise<BenchGrant> {
  const at = kstDateTime(g.now);
  const lists = engine.provider.apisOf(g.orgCode).filter((a) => a.kind === 'list');
  const consent: ConsentRecord = {
    id: `bench-${randomUUID()}`,
    orgCode: g.orgCode,
    ci: g.ci,
    recipientOrgCode: COLLECT_OPERATOR_ORG,
    clientId: COLLECT_CLIENT_ID,
    scopes: [...g.scopes],
    assets: lists.flatMap((a) => g.book.holdings(a.id, at)).map((h) => ({ listApi: h.listApi, key: h.key })),
    isScheduled: true,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: kstDate(g.now).add({ years: 1 }),
    purpose: '자산 통합조회 및 분석',
    period: '서비스 탈퇴 시까지',
    flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    createdAt: g.now,
  };
  consents.put(consent);
  const iat = Math.floor(g.now / 1000);
  const scope = [listScope(g.industry), ...g.scopes].join(' ');
  const exp = iat + 90 * 86_400;
  const accessToken = await engine.provider.mintAccessToken({
    iss: g.orgCode,
    aud: COLLECT_OPERATOR_ORG,
    sub: consent.id,
    jti: randomUUID(),
    scope,
    iat,
    exp,
  });
  return { accessToken, scope, accessExpiresAt: exp * 1000 };
}
