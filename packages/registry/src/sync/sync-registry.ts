import { ORGS_FOR_CA_RESPONSE, ORGS_RESPONSE, SERVICES_RESPONSE, type Shape } from '@hannun/spec';
import { createLiveRegistry, type LiveRegistry, type OrgDelta, type ServiceDelta } from '../live-registry.ts';
import { type CaOrgRecordWire, orgDeltaOf, serviceDeltaOf } from './portal-records.ts';
import {
  getDelta,
  type ManageToken,
  requestManageToken,
  type SupportCaller,
  SupportApiError,
} from './support-client.ts';

/** Which deltas a participant follows: providers 지원-002 and 003, the CA 002 and 006, operators 002. */
export type SyncRole = 'provider' | 'ca' | 'operator';

export interface SyncRegistryOptions extends SupportCaller {
  readonly role: SyncRole;
  /** How often to ask for changes after the first sync (ms). */
  readonly intervalMs: number;
  /** The registry to keep up to date; a new empty one when absent. */
  readonly registry?: LiveRegistry;
  /** Where to say what happened (a pino logger fits). Never given a token or secret. */
  readonly logger?: {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
  };
  readonly now?: () => number;
}

/** What one round of syncing did. */
export interface SyncReport {
  readonly orgs: number;
  readonly services: number;
  readonly caRecords: number;
  /** The search_timestamps to send next time, per API. */
  readonly timestamps: Readonly<Record<string, string>>;
  readonly ms: number;
}

export interface RegistrySync {
  /** The registry, updated in place after every successful round. */
  readonly registry: LiveRegistry;
  /** 지원-006 records (CA role): what the CA needs for identity checks, by org_code. */
  readonly caDirectory: ReadonlyMap<string, CaOrgRecordWire>;
  /** Run a round now (the interval keeps running); rejects when the portal refuses or cannot be reached. */
  syncNow(): Promise<SyncReport>;
  /** The last round's outcome. */
  readonly last: { readonly atMs: number; readonly report?: SyncReport; readonly error?: string } | undefined;
  stop(): void;
}

type SupportDeltaApi = '지원-002' | '지원-003' | '지원-006';

const API_OF_ROLE: Record<SyncRole, readonly SupportDeltaApi[]> = {
  provider: ['지원-002', '지원-003'],
  ca: ['지원-002', '지원-006'],
  operator: ['지원-002'],
};

/**
 * Keep a participant's registry in step with the portal: a 지원-001 token (kept until a minute before it
 * expires, fetched again on 40101), then the deltas of its role since the last `search_timestamp` of each API
 * ('0' the first time: everything), applied together to the live registry. The first round runs before this
 * resolves (and its failure rejects it); then one round every `intervalMs` (a failed round is logged and
 * retried at the next tick, the registry kept as it was). Stop it with `stop()`.
 */
export async function syncRegistry(opts: SyncRegistryOptions): Promise<RegistrySync> {
  const registry = opts.registry ?? createLiveRegistry();
  const now = opts.now ?? Date.now;
  const caDirectory = new Map<string, CaOrgRecordWire>();
  const timestamps: Record<string, string> = {};
  let token: ManageToken | undefined;
  let running: Promise<SyncReport> | undefined;
  let last: RegistrySync['last'];

  const currentToken = async (): Promise<string> => {
    if (token === undefined || now() >= token.renewAtMs) token = await requestManageToken(opts, now());
    return token.accessToken;
  };

  async function fetchDelta<S extends Shape>(api: SupportDeltaApi, shape: S) {
    const since = timestamps[api] ?? '0';
    try {
      return await getDelta(opts, api, shape, await currentToken(), since);
    } catch (error) {
      if (!(error instanceof SupportApiError) || error.code !== '40101') throw error;
      token = undefined; // expired or revoked at the portal: one fresh token, once
      return getDelta(opts, api, shape, await currentToken(), since);
    }
  }

  async function round(): Promise<SyncReport> {
    const started = now();
    const orgs: OrgDelta[] = [];
    const services: ServiceDelta[] = [];
    const caRecords: CaOrgRecordWire[] = [];
    const next: Record<string, string> = {};
    const remember = (api: SupportDeltaApi, answer: { searchTimestamp: string | undefined }) => {
      if (answer.searchTimestamp !== undefined) next[api] = answer.searchTimestamp;
    };
    for (const api of API_OF_ROLE[opts.role]) {
      if (api === '지원-002') {
        const answer = await fetchDelta(api, ORGS_RESPONSE);
        remember(api, answer);
        for (const r of answer.body.org_list) orgs.push(orgDeltaOf(r));
      } else if (api === '지원-003') {
        const answer = await fetchDelta(api, SERVICES_RESPONSE);
        remember(api, answer);
        for (const o of answer.body.org_list) {
          for (const s of o.service_list) services.push(serviceDeltaOf(o.org_code, s));
        }
      } else {
        const answer = await fetchDelta(api, ORGS_FOR_CA_RESPONSE);
        remember(api, answer);
        caRecords.push(...answer.body.org_list);
      }
    }
    if (orgs.length > 0 || services.length > 0) registry.applyDeltas({ orgs, services, takenAt: now() });
    for (const r of caRecords) {
      if (r.op_type === 'D') caDirectory.delete(r.org_code);
      else caDirectory.set(r.org_code, r);
    }
    Object.assign(timestamps, next);
    const report: SyncReport = {
      orgs: orgs.length,
      services: services.length,
      caRecords: caRecords.length,
      timestamps: { ...timestamps },
      ms: now() - started,
    };
    last = { atMs: now(), report };
    if (orgs.length + services.length + caRecords.length > 0) {
      opts.logger?.info(
        { orgs: report.orgs, services: report.services, caRecords: report.caRecords, ms: report.ms },
        'registry synced from the portal',
      );
    }
    return report;
  }

  const syncNow = () => {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };

  await syncNow();
  const timer = setInterval(() => {
    syncNow().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      last = { atMs: now(), error: message };
      opts.logger?.warn({ error: message }, 'registry sync failed: keeping the registry as it was');
    });
  }, opts.intervalMs);
  timer.unref();

  return {
    registry,
    caDirectory,
    syncNow,
    get last() {
      return last;
    },
    stop: () => clearInterval(timer),
  };
}
