import type { Industry } from '@hannun/spec';
import type { EcosystemRole } from './roles.ts';

/**
 * `<data dir>/demo.json`, written by `hannun up` (mode 0600: it holds demo passwords and secrets).
 * It tells a person, a browser test or a script what runs where and how to log in. The shape is a
 * contract: later services fill the empty parts; keys are never renamed.
 */
export interface DemoFile {
  /** Every service this run started: its name, its role in the ecosystem and the base URL it answers on. */
  readonly services: readonly DemoService[];
  /** The institutions the provider engine serves, one per (org_code, industry). Empty until the provider exists. */
  readonly institutions: readonly DemoInstitution[];
  /** Demo people who can log in to the app and consent. Empty until the operator exists. */
  readonly people: readonly DemoPerson[];
  /** Files of the local PKI (absolute paths), null until the CA exists. */
  readonly pki: DemoPki;
  /** The operator's credentials at the portal, null until the portal exists. */
  readonly operator: DemoOperator;
  /** When this file was written (ISO 8601, UTC). */
  readonly generatedAt: string;
}

export interface DemoService {
  readonly name: string;
  readonly role: EcosystemRole;
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
}

export interface DemoInstitution {
  /** The 10-character 기관코드 given by the portal. */
  readonly org_code: string;
  readonly industry: Industry;
  /** Display name, e.g. `한눈은행`. */
  readonly name: string;
  /** The institution's base URL: API paths (`/v2/bank/accounts`) go after it. */
  readonly baseUrl: string;
}

export interface DemoPerson {
  /** Login name in the demo app. */
  readonly login: string;
  /** Demo password (synthetic people only: never a real person's). */
  readonly password: string;
  /** The person's synthetic CI (연계정보), which the providers know them by. */
  readonly ci: string;
}

export interface DemoPki {
  /** The root CA certificate (PEM) every participant trusts. */
  readonly rootCa: string | null;
  /** The operator's mTLS client certificate (PEM), for calling providers directly. */
  readonly operatorClientCert: string | null;
  /** Its private key (PEM). */
  readonly operatorClientKey: string | null;
}

export interface DemoOperator {
  /** client_id and client_secret the operator uses at the portal (지원-001). */
  readonly portalCredentials: { readonly client_id: string; readonly client_secret: string } | null;
}

/** The demo file before any later service has contributed: services only. */
export function emptyDemoFile(services: readonly DemoService[], now: Date = new Date()): DemoFile {
  return {
    services,
    institutions: [],
    people: [],
    pki: { rootCa: null, operatorClientCert: null, operatorClientKey: null },
    operator: { portalCredentials: null },
    generatedAt: now.toISOString(),
  };
}
