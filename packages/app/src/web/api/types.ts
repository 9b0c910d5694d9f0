/** The operator's answers, as the app reads them (see packages/operator/src/http/README.md). */

export interface Person {
  readonly name: string;
  readonly loginName: string;
  readonly totpEnabled: boolean;
}

export interface SessionInfo {
  readonly authenticated: boolean;
  readonly person?: Person | null;
  readonly csrfToken?: string;
}

export interface Words {
  readonly ko: string;
  readonly en: string;
}

export interface ScopeItem extends Words {
  readonly scope: string;
}

export interface InstitutionEntry {
  readonly orgCode: string;
  readonly name: string;
  readonly consent: { readonly id: string; readonly status: string; readonly endDate: string } | null;
}

export interface Sector {
  readonly industry: string;
  readonly name: Words;
  readonly scopes: readonly ScopeItem[];
  readonly institutions: readonly InstitutionEntry[];
}

export interface Consent {
  readonly id: string;
  readonly orgCode: string;
  readonly institution: string;
  readonly industry: string;
  readonly version: number;
  readonly status: string;
  readonly authPath: 'integrated' | 'individual';
  readonly scopes: readonly string[];
  readonly items: readonly ScopeItem[];
  /** Its sector's data items it does not have: adding one is a new 전송요구 to authenticate. */
  readonly addable: readonly ScopeItem[];
  readonly isScheduled: boolean;
  readonly fndCycle: string;
  readonly addCycle: string;
  readonly endDate: string;
  readonly purpose: string;
  readonly period: string;
  readonly flags: { readonly transMemo: boolean; readonly merchantNameRegno: boolean; readonly transCategory: boolean };
  readonly signed: boolean;
  readonly createdAt: number;
  readonly activatedAt: number | null;
  readonly endedAt: number | null;
  readonly extendableFrom?: string;
}

export interface IntegratedFlow {
  readonly id: string;
  readonly caPageUrl: string;
  readonly status: 'waiting' | 'connecting' | 'done' | 'refused' | 'expired' | 'failed';
  readonly institutions: readonly {
    readonly orgCode: string;
    readonly status: 'waiting' | 'connected' | 'failed';
    readonly reason?: { readonly code?: string; readonly ko?: string; readonly en?: string } | string | null;
  }[];
}

export interface Asset {
  readonly id: string;
  readonly orgCode: string;
  readonly institution: string;
  readonly listApi: string;
  readonly name: string | null;
  readonly typeCode: string | null;
  readonly statusCode: string | null;
  readonly isConsent: boolean;
  readonly number: string | null;
  readonly attrs: Readonly<Record<string, unknown>>;
  readonly collectedAt: number;
  readonly hasTransactions: boolean;
}

export interface Movement {
  readonly id: string;
  readonly kind: string;
  readonly apiId: string;
  readonly time: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly collectedAt: number;
}

export interface DeletionOffer {
  readonly id: string;
  readonly orgCode: string;
  readonly institution: string;
  readonly createdAt: number;
}
