// What the scale benchmarks of collection (scheduled throughput, memory of 1,000 people) and their provider
// process tell each other. The operator side is the benchmark itself or its operator child.
import type { ChildMessage } from './bench-child.ts';
import type { BenchInstitution } from './collect-consent-protocol.ts';

/** A customer of the provider's ledger and the institutions the benchmark connects them to. */
export interface StandPerson {
  readonly ci: string;
  readonly orgs: readonly string[];
}

/** Sent once the provider engine listens. */
export interface ScaleProviderReady extends ChildMessage {
  readonly type: 'ready';
  readonly url: string;
  /** The provider clock's start (epoch ms, 03:00 KST: inside every np_time window). */
  readonly now: number;
  readonly people: readonly StandPerson[];
  readonly institutions: readonly BenchInstitution[];
  readonly customers: number;
}

/** A consent and an access token at each (person, institution), all scopes of the operator's consent. */
export interface ScaleGrantRequest extends ChildMessage {
  readonly type: 'grant';
  readonly grants: readonly { readonly ci: string; readonly orgCode: string; readonly scopes: readonly string[] }[];
}

export interface ScaleGrantReply extends ChildMessage {
  readonly type: 'granted';
  /** In the order asked. */
  readonly tokens: readonly {
    readonly accessToken: string;
    readonly scope: string;
    readonly accessExpiresAt: number;
  }[];
}

/** Set the provider's clock (the operator moves its own with it). */
export interface ScaleClockRequest extends ChildMessage {
  readonly type: 'clock';
  readonly now: number;
}
