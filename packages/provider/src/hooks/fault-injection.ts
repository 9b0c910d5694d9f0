import type { RspCode } from '@hannun/spec';
import { kstMinuteOfDay } from '../clock/kst.ts';
import { parseNpWindows, type NpWindows } from '../check-chain/np-time-windows.ts';

/**
 * Faults one institution shows its callers, for testing operators against a provider that misbehaves.
 * Off unless the engine's config enables test hooks; set in process or through the admin routes.
 */
export interface InstitutionFaults {
  /** Milliseconds added before every answer. */
  readonly latencyMs?: number;
  /** Answer every call with this rsp_code instead (50001 system failure, 50002, 50005 …). */
  readonly rspCode?: RspCode;
  /** Scheduled maintenance windows, "hhmm:hhmm" in Korean time: 50008 inside them. */
  readonly maintenance?: readonly string[];
  /** Never answer (the caller's timeout is what is tested). */
  readonly timeout?: boolean;
  /** Send a broken body: cut-off JSON, or every value with the wrong JSON type. */
  readonly malformed?: 'invalid-json' | 'wrong-types';
  /** Only these API IDs misbehave; all of them when absent. */
  readonly apis?: readonly string[];
}

/** What to do with one request. */
export interface FaultPlan {
  readonly latencyMs: number;
  readonly answer: RspCode | undefined;
  readonly hang: boolean;
  readonly malformed: InstitutionFaults['malformed'];
}

export interface FaultInjector {
  set(orgCode: string, faults: InstitutionFaults): void;
  clear(orgCode?: string): void;
  get(orgCode: string): InstitutionFaults | undefined;
  all(): Readonly<Record<string, InstitutionFaults>>;
  /** The plan for a call, or undefined when the institution behaves. */
  plan(orgCode: string, apiId: string, now: number): FaultPlan | undefined;
}

interface Active {
  readonly faults: InstitutionFaults;
  readonly maintenance: NpWindows | undefined;
}

export function validateFaults(faults: InstitutionFaults): void {
  if (
    faults.latencyMs !== undefined &&
    (!Number.isInteger(faults.latencyMs) || faults.latencyMs < 0 || faults.latencyMs > 600_000)
  ) {
    throw new RangeError('latencyMs must be a whole number of milliseconds up to 600000');
  }
  if (faults.maintenance) parseNpWindows(faults.maintenance);
}

export function createFaultInjector(): FaultInjector {
  const byOrg = new Map<string, Active>();
  return {
    set(orgCode, faults) {
      validateFaults(faults);
      byOrg.set(orgCode, { faults, maintenance: faults.maintenance ? parseNpWindows(faults.maintenance) : undefined });
    },
    clear(orgCode) {
      if (orgCode === undefined) byOrg.clear();
      else byOrg.delete(orgCode);
    },
    get: (orgCode) => byOrg.get(orgCode)?.faults,
    all: () => Object.fromEntries([...byOrg].map(([org, a]) => [org, a.faults])),
    plan(orgCode, apiId, now) {
      if (byOrg.size === 0) return undefined;
      const active = byOrg.get(orgCode);
      if (!active) return undefined;
      const { faults } = active;
      if (faults.apis && !faults.apis.includes(apiId)) return undefined;
      const inMaintenance = active.maintenance?.contains(kstMinuteOfDay(now)) ?? false;
      return {
        latencyMs: faults.latencyMs ?? 0,
        answer: inMaintenance ? '50008' : faults.rspCode,
        hang: faults.timeout ?? false,
        malformed: faults.malformed,
      };
    },
  };
}
