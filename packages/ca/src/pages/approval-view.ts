import type { Registry } from '@hannun/registry';
import {
  endDateWording,
  parseConsentDocument,
  scheduleWording,
  scopeWording,
  sensitiveItemsWording,
  targetWording,
} from '@hannun/spec';
import { kstDateTimeWording } from '../kst.ts';
import { maskName } from '../people/mask-name.ts';
import type { SignTransaction } from '../store/ca-repository.ts';
import type { Bilingual, PageLang } from './page-lang.ts';

/** One consent as the person reads it. */
export interface ConsentView {
  readonly title: string;
  readonly providerName: string;
  readonly recipientName: string;
  readonly items: readonly string[];
  readonly assets: readonly string[];
  readonly schedule: string;
  readonly endDate: string;
  readonly purpose: string;
  readonly period: string;
  readonly sensitive: readonly { readonly label: string; readonly agreed: boolean }[];
}

/** Everything the approval page shows about a transaction (no CI, no phone, the name masked). */
export interface ApprovalView {
  readonly requestTitle: string;
  readonly requestedBy: string;
  readonly maskedName: string;
  readonly expiresAt: Bilingual;
  readonly consents: readonly ConsentView[];
}

function orgName(registry: Registry, orgCode: string): string {
  return registry.org(orgCode)?.name ?? orgCode;
}

export function consentView(
  registry: Registry,
  consent: { readonly title: string; readonly consent: string },
  lang: PageLang,
): ConsentView {
  const parsed = parseConsentDocument(consent.consent);
  // 통합인증-102 stored only consents that parse; a row that does not is shown as its title alone.
  if (!parsed.ok) {
    return {
      title: consent.title,
      providerName: '',
      recipientName: '',
      items: [],
      assets: [],
      schedule: '',
      endDate: '',
      purpose: '',
      period: '',
      sensitive: [],
    };
  }
  const c = parsed.consent;
  const service = registry.service(c.client_id);
  const recipient = orgName(registry, c.rcv_org_code);
  return {
    title: consent.title,
    providerName: orgName(registry, c.org_code),
    recipientName: service && service.name !== recipient ? `${recipient} (${service.name})` : recipient,
    items: parsed.scopes.map((s) => scopeWording(s, lang)),
    assets: targetWording(c, lang),
    schedule: scheduleWording(c, lang),
    endDate: endDateWording(c.end_date, lang),
    purpose: c.purpose,
    period: c.period,
    sensitive: sensitiveItemsWording(c, lang),
  };
}

export function approvalView(
  registry: Registry,
  tx: SignTransaction,
  personName: string,
  lang: PageLang,
): ApprovalView {
  return {
    requestTitle: tx.requestTitle,
    requestedBy: orgName(registry, tx.operatorOrgCode),
    maskedName: maskName(personName),
    expiresAt: { ko: kstDateTimeWording(tx.expiresAt, 'ko'), en: kstDateTimeWording(tx.expiresAt, 'en') },
    consents: tx.consents.map((c) => consentView(registry, c, lang)),
  };
}
