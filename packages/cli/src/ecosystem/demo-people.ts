import { createHmac } from 'node:crypto';
import {
  createLedger,
  DEMO_INSTITUTIONS,
  type DemoLogin,
  demoLoginOf,
  type Plan,
  populationOf,
  ymdOf,
} from '@hannun/provider';
import type { Temporal } from 'temporal-polyfill';

/** The demo's seed: the same people and data on every machine. */
export const DEMO_SEED = 'hannun-demo';
/** How many synthetic customers the demo's institutions hold (thin-file to heavy users). */
export const DEMO_CUSTOMERS = 500;
/** Years of history before today. */
export const HISTORY_YEARS = 3;

/** A featured person of the demo: a customer of the providers, enrolled at the CA. */
export interface DemoPersonProfile {
  /** 연계정보, as the providers and the CA know them. */
  readonly ci: string;
  readonly name: string;
  /** YYYYMMDD */
  readonly birthDate: string;
  /** Their 6-digit PIN at the CA's approval page (demo only). */
  readonly caPin: string;
  /** Their login at the providers' own pages (개별인증), the same at every institution. */
  readonly providerLogin: DemoLogin;
  /** The institutions (org_code) that hold their products. */
  readonly institutions: readonly string[];
  readonly role: 'connected' | 'newcomer';
}

/** A PIN derived from the CI: stable across restarts, different per person (demo only, never real). */
function demoPin(ci: string): string {
  const mac = createHmac('sha256', 'hannun-demo-ca-pin').update(ci).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

function institutionsOf(plan: Plan): string[] {
  return [...new Set(plan.slots.map((s) => s.org))].sort();
}

/**
 * The demo's featured people, from the same synthetic population the provider engine serves: the customer
 * with products at the most institutions (issue #6: connected to every one of them on first start) and a
 * younger customer at a few institutions, left unconnected to try the flow. Cheap: the ledger is lazy.
 */
export function demoPeople(today: Temporal.PlainDate): DemoPersonProfile[] {
  const ledger = createLedger({
    institutions: DEMO_INSTITUTIONS,
    customers: DEMO_CUSTOMERS,
    seed: DEMO_SEED,
    start: today.subtract({ years: HISTORY_YEARS }),
  });
  const plans = populationOf(ledger).plans;
  const byReach = [...plans].sort((a, b) => institutionsOf(b).length - institutionsOf(a).length || a.index - b.index);
  const connected = byReach[0]!;
  const newcomer =
    plans.find((p) => p.persona.segment === 'young' && institutionsOf(p).length >= 3 && p !== connected) ??
    byReach[byReach.length - 1]!;
  return [
    { plan: connected, role: 'connected' as const },
    { plan: newcomer, role: 'newcomer' as const },
  ].map(({ plan, role }) => ({
    ci: plan.ci,
    name: plan.person.name,
    birthDate: String(ymdOf(plan.person.birthDay)),
    caPin: demoPin(plan.ci),
    providerLogin: demoLoginOf(plan.ci),
    institutions: institutionsOf(plan),
    role,
  }));
}
