import type { Registry } from '@hannun/registry';
import { AnalysisService } from './analysis/analysis-service.ts';
import { operatorCategoriser } from './analysis/operator-categoriser.ts';
import type { Store } from '@hannun/store';
import type { Recipient } from './consent/consent-draft.ts';
import { Consents } from './consent/consents.ts';
import type { KeyRing } from './crypto/key-ring.ts';
import { createOperatorCrypto, type OperatorCrypto } from './crypto/operator-crypto.ts';
import { LeaveService } from './leave/leave-service.ts';
import { CollectedData } from './model/collected-data.ts';
import type { LoginPolicy } from './people/login-policy.ts';
import { People } from './people/people.ts';
import type { SessionPolicy } from './people/sessions.ts';
import { AuditLog } from './records/audit-log.ts';
import type { OperatorDatabase } from './schema/operator-database.ts';
import { type Clock, systemClock } from './time/clock.ts';
import { TokenVault } from './vault/token-vault.ts';

export interface OperatorDomainOptions {
  /** A migrated store (openOperatorStore, or migrateOperatorStore on one you opened). */
  readonly store: Store<OperatorDatabase>;
  readonly keyRing: KeyRing;
  readonly registry: Registry;
  /** The operator's org_code and its service's client_id: the recipient of every consent. */
  readonly recipient: Recipient;
  readonly clock?: Clock;
  readonly loginPolicy?: LoginPolicy;
  readonly sessionPolicy?: SessionPolicy;
}

/** The operator's domain and storage layer, wired once per process. */
export interface OperatorDomain {
  readonly store: Store<OperatorDatabase>;
  readonly clock: Clock;
  readonly crypto: OperatorCrypto;
  readonly audit: AuditLog;
  readonly people: People;
  readonly vault: TokenVault;
  readonly consents: Consents;
  readonly data: CollectedData;
  readonly leave: LeaveService;
  /** Categories and rollups, kept on every model write (analysis/). */
  readonly analysis: AnalysisService;
}

export function createOperatorDomain(o: OperatorDomainOptions): OperatorDomain {
  const clock = o.clock ?? systemClock;
  const { store } = o;
  const crypto = createOperatorCrypto(o.keyRing, { nowMs: () => clock.nowMs() });
  const audit = new AuditLog({ dialect: store.dialect, clock });
  const people = new People({
    store,
    crypto,
    clock,
    audit,
    ...(o.loginPolicy ? { loginPolicy: o.loginPolicy } : {}),
    ...(o.sessionPolicy ? { sessionPolicy: o.sessionPolicy } : {}),
  });
  const vault = new TokenVault({ store, crypto, clock, audit });
  const consents = new Consents({ store, crypto, clock, audit, registry: o.registry, recipient: o.recipient, vault });
  const analysis = new AnalysisService({ store, crypto, clock, categoriser: operatorCategoriser(o.registry) });
  const data = new CollectedData({ store, crypto, listener: analysis });
  const leave = new LeaveService({ store, crypto, audit, consents, clock });
  return { store, clock, crypto, audit, people, vault, consents, data, leave, analysis };
}
