import { type Industry, INDUSTRIES, INDUSTRY_SCOPES, listScope, scopeWording } from '@hannun/spec';
import { extensionOpensOn } from '../../consent/consent-dates.ts';
import type { ConsentRecord } from '../../consent/consents.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';

/** A consent as the app shows it: the seven items, its state and what can be done with it. */
export function consentView(rt: OperatorRuntime, c: ConsentRecord) {
  return {
    id: c.id,
    orgCode: c.orgCode,
    institution: rt.providers.name(c.orgCode),
    industry: c.industry,
    version: c.version,
    status: c.status,
    proposal: c.proposal,
    authPath: c.authPath,
    scopes: c.scopes,
    items: c.scopes.map((s) => ({ scope: s, ko: scopeWording(s, 'ko'), en: scopeWording(s, 'en') })),
    // The data items of its sector it does not have: a change adding them is a new 전송요구 to authenticate.
    addable: addableScopes(c).map((s) => ({ scope: s, ko: scopeWording(s, 'ko'), en: scopeWording(s, 'en') })),
    target: c.target,
    assetCount: c.assetCount,
    isScheduled: c.isScheduled,
    fndCycle: c.fndCycle,
    addCycle: c.addCycle,
    endDate: c.endDate,
    purpose: c.purpose,
    period: c.period,
    flags: c.flags,
    signed: c.signed,
    createdAt: c.createdAt,
    activatedAt: c.activatedAt,
    endedAt: c.endedAt,
    endedReason: c.endedReason,
    ...(c.status === 'active' ? { extendableFrom: extensionOpensOn(c.endDate) } : {}),
  };
}

function addableScopes(c: ConsentRecord): string[] {
  const industry = c.industry;
  return INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry) && !c.scopes.includes(s));
}

/** The institutions of the registry by sector, with the scopes of each sector in words. */
export function sectorsOf(rt: OperatorRuntime) {
  const providers = rt.registry.snapshot.orgs.filter((o) => (o.orgType === '01' || o.orgType === '02') && o.industry);
  const out: {
    industry: Industry;
    name: { ko: string; en: string };
    scopes: { scope: string; ko: string; en: string }[];
    institutions: { orgCode: string; name: string }[];
  }[] = [];
  for (const industry of Object.keys(INDUSTRIES) as Industry[]) {
    const here = providers.filter((o) => o.industry === industry).sort((a, b) => a.orgCode.localeCompare(b.orgCode));
    if (here.length === 0) continue;
    out.push({
      industry,
      name: INDUSTRIES[industry],
      scopes: INDUSTRY_SCOPES[industry]
        .filter((s) => s !== listScope(industry))
        .map((s) => ({ scope: s, ko: scopeWording(s, 'ko'), en: scopeWording(s, 'en') })),
      institutions: here.map((o) => ({ orgCode: o.orgCode, name: o.name })),
    });
  }
  return out;
}
