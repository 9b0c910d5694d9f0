// What the consent-to-data benchmark (the operator, in the parent) and its provider process tell each other.
import type { Industry } from '@hannun/spec';
import type { ChildMessage } from './bench-child.ts';

export const COLLECT_OPERATOR_ORG = 'MDHANNUN01';
export const COLLECT_CLIENT_ID = 'hannunbench00000000000000000000000000000000000001';

/** One institution of the person, as the operator's registry needs it. */
export interface BenchInstitution {
  readonly orgCode: string;
  readonly industry: Industry;
  readonly name: string;
  readonly regNo: string;
  readonly basePath: string;
  readonly npTimes: readonly string[];
}

/** Sent once the provider engine listens. */
export interface CollectProviderReady extends ChildMessage {
  readonly type: 'ready';
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The provider clock's fixed instant (epoch ms): the operator's clock is set to it. */
  readonly now: number;
  /** The person: a customer of `institutions` (20 of them). */
  readonly ci: string;
  readonly institutions: readonly BenchInstitution[];
  readonly customers: number;
}

/** Asked for each round: a fresh consent and access token at every institution of the person. */
export interface GrantRequest extends ChildMessage {
  readonly type: 'grant';
  /** The scopes per org_code, as the operator's consents name them. */
  readonly scopes: Readonly<Record<string, readonly string[]>>;
}

export interface GrantReply extends ChildMessage {
  readonly type: 'granted';
  readonly grants: readonly {
    readonly orgCode: string;
    readonly accessToken: string;
    readonly scope: string;
    readonly accessExpiresAt: number;
  }[];
}

export interface ProviderCpu extends ChildMessage {
  readonly type: 'cpu';
  readonly user: number;
  readonly system: number;
}
