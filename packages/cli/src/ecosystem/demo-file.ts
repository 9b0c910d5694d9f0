import type { Industry } from '@hannun/spec';
import type { EcosystemRole } from './roles.ts';

/**
 * `<data dir>/demo.json`, written by `hannun up` (mode 0600): it tells a person, a browser test or a script
 * what runs where and how to log in. It HOLDS DEMO SECRETS (the operator's client secrets, the path of its
 * private key, later demo passwords): never publish it. The shape is a contract: later services fill the
 * empty parts; keys are added, never renamed.
 */
export interface DemoFile {
  /** Every service this run started: its name, its role in the ecosystem and the base URL it answers on. */
  readonly services: readonly DemoService[];
  /** The institutions the provider engine serves, one per (org_code, industry). Empty until the provider exists. */
  readonly institutions: readonly DemoInstitution[];
  /** The integrated CA (통합인증기관): its API (mutual TLS) and the person's approval page. Null until it runs. */
  readonly ca: DemoCa | null;
  /** Demo people: enrolled at the CA, and with their app login once the operator signed them up. */
  readonly people: readonly DemoPerson[];
  /** Files of the local PKI (absolute paths), for calling the services over mutual TLS. */
  readonly pki: DemoPki;
  /** The operator's credentials, as the portal issued them (its own and its app service's). */
  readonly operator: DemoOperator;
  /** The portal (종합포털): its support APIs, its pages for administrators and how to log in. Null until it runs. */
  readonly portal: DemoPortal | null;
  /** When this file was written (ISO 8601, UTC). */
  readonly generatedAt: string;
}

export interface DemoService {
  readonly name: string;
  readonly role: EcosystemRole;
  /** Base URL, e.g. `http://127.0.0.1:3000`, or `https://127.0.0.1:4100` for a service behind mutual TLS. */
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

export interface DemoCa {
  readonly org_code: string;
  /** The code operators put in `ca_code` (통합인증-002) and `sign_tx_id`. */
  readonly ca_code: string;
  /** 통합인증-101…104, over mutual TLS. */
  readonly apiUrl: string;
  /** Where the person approves a signing request: `<pagesUrl>/sign/<cert_tx_id>`. */
  readonly pagesUrl: string;
}

export interface DemoPerson {
  /** Login name in the demo app (signed up through the CA's identity check on first start); null without the operator. */
  readonly login: string | null;
  /** Demo password (synthetic people only: never a real person's); null with login. */
  readonly password: string | null;
  /** The person's synthetic CI (연계정보), which the providers and the CA know them by. */
  readonly ci: string;
  readonly name: string;
  /** 'connected': to be connected to every institution on first start; 'newcomer': starts unconnected. */
  readonly role: 'connected' | 'newcomer';
  /** Their 6-digit PIN on the CA's approval page (통합인증). */
  readonly caPin: string;
  /** Their login on the providers' own pages (개별인증): the same at every institution; the one-time code is shown as 데모 문자. */
  readonly providerLogin: { readonly loginId: string; readonly password: string; readonly phone: string };
  /** org_codes of the institutions holding their products. */
  readonly institutions: readonly string[];
}

export interface DemoPki {
  /** Absolute path of the root CA certificate (PEM) every participant trusts (`curl --cacert`). */
  readonly rootCa: string | null;
  /** Absolute path of the operator's mutual-TLS client certificate (PEM), for calling providers directly (`--cert`). */
  readonly operatorClientCert: string | null;
  /** Absolute path of its private key (PEM, 0600; `--key`). Secret. */
  readonly operatorClientKey: string | null;
}

export interface DemoOperator {
  /** The operator's support APIs for the portal (지원-101, 103, 104), over mutual TLS; null until it runs. */
  readonly supportUrl: string | null;
  /** The operator organisation's own client_id and client_secret (지원-001 at the portal, 통합인증-101 at the CA). */
  readonly portalCredentials: DemoClientCredentials | null;
  /** The operator's service (the Hannun app, 지원-003): its client credentials at the providers (개별인증, 통합인증-002). */
  readonly service: DemoOperatorServiceCredentials | null;
}

export interface DemoClientCredentials {
  readonly client_id: string;
  /** Secret. */
  readonly client_secret: string;
}

export interface DemoOperatorServiceCredentials extends DemoClientCredentials {
  readonly org_code: string;
  readonly service_name: string;
  readonly redirect_uri_list: readonly string[];
  readonly app_scheme_list: readonly string[];
}

export interface DemoPortal {
  readonly org_code: string;
  /** 지원-001…006, over mutual TLS. */
  readonly apiUrl: string;
  /** The administrators' pages: registry, change log, statistics (plain HTTP on HOST). */
  readonly pagesUrl: string;
  /** The admin JSON API for `hannun portal …` (plain HTTP on 127.0.0.1). */
  readonly adminApiUrl: string;
  /** How to log in to the pages: paste the admin token (64 hex digits). Secret: it also opens the admin API. */
  readonly admin: { readonly login: 'token'; readonly token: string };
}

/** The demo file before any later service has contributed: services only. */
export function emptyDemoFile(services: readonly DemoService[], now: Date = new Date()): DemoFile {
  return {
    services,
    institutions: [],
    ca: null,
    people: [],
    pki: { rootCa: null, operatorClientCert: null, operatorClientKey: null },
    operator: { supportUrl: null, portalCredentials: null, service: null },
    portal: null,
    generatedAt: now.toISOString(),
  };
}
