import type { Logger } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import type { CaLimits } from '../ca-limits.ts';
import type { CaClock } from '../clock.ts';
import type { CaSecrets } from '../secrets/ca-secrets.ts';
import type { CaRepository } from '../store/ca-repository.ts';
import type { CaTokenKey } from '../tokens/ca-token.ts';

/** Everything the CA's handlers share: who the CA is, what it trusts, what it stores, and its clock. */
export interface CaContext {
  /** The CA's org_code (iss of its tokens). */
  readonly orgCode: string;
  /** The CA's ca_code (cp_code), the second part of sign_tx_id. */
  readonly caCode: string;
  /** The CA's name, on the approval page and in people's certificates. */
  readonly caName: string;
  readonly registry: Registry;
  readonly repository: CaRepository;
  readonly secrets: CaSecrets;
  readonly tokenKey: CaTokenKey;
  readonly clock: CaClock;
  readonly limits: CaLimits;
  readonly logger: Logger;
}
