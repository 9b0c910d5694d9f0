import { apisForIndustry, INDUSTRY_SCOPES, type InformationScope } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { kstToEpochMs } from '../clock/kst.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import { type CompiledApi, compileApi } from '../engine/compile-api.ts';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import type { Institution } from '../institutions/institution.ts';
import type { Holding, HoldingStatus, InstitutionBook } from '../ledger/ledger.ts';
import { createFixtureBook, type FixtureCustomer } from './fixture-book.ts';
import { fixtureRow } from './fixture-values.ts';

/**
 * The engine tests' world: four institutions of the demo list (a bank, a card issuer, an insurer, a
 * telecom), two customers, and for every kind of asset each industry lists (deposit, loan, invest, IRP
 * accounts; cards and prepaid cards; policies and policy loans; contracts) five holdings: two of Kim's in
 * normal state, Kim's closed one, Kim's one left out of the consent, and Lee's. Kim also has a 마이너스통장.
 */
export const FIXTURE_ORGS = ['BKNURI0001', 'CDNURI0001', 'ISDEUNDN01', 'TCHANEUL01'] as const;
export type FixtureOrg = (typeof FIXTURE_ORGS)[number];

export const KIM_CI = `${'K'.repeat(86)}==`;
export const LEE_CI = `${'L'.repeat(86)}==`;

/** 2025-03-15 03:00 KST, a Saturday inside every fixture institution's np_time (0000:0700). */
export const FIXTURE_NOW = kstToEpochMs(2025, 3, 15, 3, 0, 0);
/** When every holding and customer-level datum last changed. */
export const FIXTURE_CHANGED_AT = kstToEpochMs(2025, 1, 10, 12, 0, 0);
export const FIXTURE_OPENED = new Temporal.PlainDate(2020, 1, 1);

export type Variant = 'mine' | 'second' | 'closed' | 'unconsented' | 'theirs';
const VARIANTS: readonly Variant[] = ['mine', 'second', 'closed', 'unconsented', 'theirs'];
const CLOSED_STATE: HoldingStatus = 'closed';

/** One kind of asset of an institution: the list that lists it and the scope of the APIs about it. */
export interface AssetGroup {
  readonly listApi: string;
  readonly scope: InformationScope;
  readonly identityKeys: readonly string[];
}

export interface FixtureInstitution {
  readonly institution: Institution;
  readonly apis: readonly CompiledApi[];
  readonly groups: readonly AssetGroup[];
  readonly book: InstitutionBook;
  /** Holdings by group index and variant. */
  holding(group: AssetGroup, variant: Variant): Holding;
  /** Kim's 마이너스통장 (bank only): a deposit account that is also a loan. */
  readonly overdraft: Holding | undefined;
  readonly kim: readonly Holding[];
  readonly lee: readonly Holding[];
}

function compiled(institution: Institution): CompiledApi[] {
  const industryApis = apisForIndustry(institution.industry);
  return industryApis
    .map((a) => compileApi(a, institution.industry, industryApis))
    .filter((a): a is CompiledApi => a !== null);
}

function groupsOf(apis: readonly CompiledApi[]): AssetGroup[] {
  const groups = new Map<string, AssetGroup>();
  for (const api of apis) {
    if (!api.asset) continue;
    groups.set(`${api.asset.listApi}/${api.scope}`, {
      listApi: api.asset.listApi,
      scope: api.scope,
      identityKeys: api.asset.identityKeys,
    });
  }
  return [...groups.values()];
}

/** The key fields of a list nobody reads assets from: its item's first required text field ending in _id or _num. */
function identityOfList(list: CompiledApi): string[] {
  const key = list.listNode!.item.find((n) => n.kind === 'field' && n.required && /_(id|num)$/.test(n.name));
  return key ? [key.name] : [];
}

function makeHolding(
  inst: Institution,
  apis: readonly CompiledApi[],
  group: AssetGroup,
  gi: number,
  variant: Variant,
  extra: Record<string, unknown> = {},
): Holding {
  const tag = `${inst.orgCode.slice(0, 2)}${gi}${VARIANTS.indexOf(variant)}`;
  const key: Record<string, string> = {};
  for (const k of group.identityKeys) key[k] = `${k.slice(0, 2).toUpperCase()}${tag}`;
  const list = apis.find((a) => a.id === group.listApi)!.listNode!;
  const listItem = {
    ...fixtureRow(list.item, gi * 10 + VARIANTS.indexOf(variant), FIXTURE_OPENED, 1, new Set(['is_consent'])),
    ...key,
    ...extra,
  };
  if ('is_minus' in listItem && !('is_minus' in extra)) listItem['is_minus'] = false;
  return {
    id: `${inst.orgCode}/${group.listApi}/${group.scope}/${variant}`,
    listApi: group.listApi,
    scope: group.scope,
    key,
    status: variant === 'closed' ? CLOSED_STATE : 'normal',
    listItem,
    changedAt: FIXTURE_CHANGED_AT,
    openedOn: FIXTURE_OPENED,
  };
}

export function fixtureInstitution(orgCode: FixtureOrg): FixtureInstitution {
  const institution = DEMO_INSTITUTIONS.find((i) => i.orgCode === orgCode)!;
  const apis = compiled(institution);
  const groups = groupsOf(apis);
  const byGroup = new Map<AssetGroup, Map<Variant, Holding>>();
  groups.forEach((group, gi) => {
    byGroup.set(group, new Map(VARIANTS.map((v) => [v, makeHolding(institution, apis, group, gi, v)])));
  });
  const deposit = groups.find((g) => g.scope === 'bank.deposit');
  const overdraft = deposit
    ? { ...makeHolding(institution, apis, deposit, 9, 'mine', { is_minus: true }), id: `${orgCode}/overdraft` }
    : undefined;
  const kim = [...byGroup.values()].flatMap((m) => [
    m.get('mine')!,
    m.get('second')!,
    m.get('closed')!,
    m.get('unconsented')!,
  ]);
  if (overdraft) kim.push(overdraft);
  const lee = [...byGroup.values()].map((m) => m.get('theirs')!);
  // Lists no asset API reads from (a bank's 선불-001): two holdings of Kim's, so they list and page too.
  for (const list of apis.filter((a) => a.kind === 'list' && !groups.some((g) => g.listApi === a.id))) {
    const group: AssetGroup = { listApi: list.id, scope: list.scope, identityKeys: identityOfList(list) };
    kim.push(
      makeHolding(institution, apis, group, 20 + kim.length, 'mine'),
      makeHolding(institution, apis, group, 21 + kim.length, 'second'),
    );
  }
  const customers: FixtureCustomer[] = [
    { ci: KIM_CI, holdings: kim, changedAt: FIXTURE_CHANGED_AT },
    { ci: LEE_CI, holdings: lee, changedAt: FIXTURE_CHANGED_AT },
  ];
  return {
    institution,
    apis,
    groups,
    book: createFixtureBook(orgCode, customers, new Temporal.PlainDate(2025, 1, 10)),
    holding: (group, variant) => byGroup.get(group)!.get(variant)!,
    overdraft,
    kim,
    lee,
  };
}

let consentSerial = 0;

/** A consent of Kim (or Lee) at an institution: every scope, every holding but the unconsented ones. */
export function fixtureConsent(
  fixture: FixtureInstitution,
  overrides: Partial<ConsentRecord> & { readonly ci?: string } = {},
): ConsentRecord {
  const ci = overrides.ci ?? KIM_CI;
  const holdings = (ci === KIM_CI ? fixture.kim : fixture.lee).filter((h) => !h.id.endsWith('/unconsented'));
  consentSerial++;
  return {
    id: `consent-${fixture.institution.orgCode}-${consentSerial}`,
    orgCode: fixture.institution.orgCode,
    ci,
    recipientOrgCode: 'MDHANNUN01',
    clientId: 'hannun-app',
    scopes: [...INDUSTRY_SCOPES[fixture.institution.industry]],
    assets: holdings.map((h) => ({ listApi: h.listApi, key: h.key })),
    isScheduled: true,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: new Temporal.PlainDate(2026, 3, 14),
    purpose: '자산 현황 조회 및 분석',
    period: '20260314',
    flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    createdAt: FIXTURE_NOW - 86_400_000,
    ...overrides,
  };
}
