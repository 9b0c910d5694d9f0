import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment, Logger } from '@hannun/infra';
import {
  type CollectionEngine,
  type CollectSettings,
  createCollectionEngine,
  createOperatorDomain,
  loadKeyRing,
  type OperatorDatabase,
  type OperatorDomain,
  openOperatorStore,
} from '@hannun/operator';
import type { Registry } from '@hannun/registry';
import { type Store, storeUrlFor } from '@hannun/store';
import type { Dispatcher } from 'undici';
import { HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import type { ClientCredential } from '../ecosystem/ecosystem-credentials.ts';

/** What every operator process stands on: its database, its key ring, its domain and the collection engine. */
export interface OperatorCore {
  readonly store: Store<OperatorDatabase>;
  readonly domain: OperatorDomain;
  readonly engine: CollectionEngine;
  /** Closes the store (stop the engine first). */
  close(): Promise<void>;
}

export interface OperatorCoreOptions {
  readonly dataDir: string;
  /** HANNUN_DATABASE_URL (SQLite `<dataDir>/hannun.db` without it), HANNUN_OPERATOR_KEYS. */
  readonly env: Environment;
  readonly logger: Logger;
  /** The institutions' base URLs and np_time windows (the portal's registry, followed live). */
  readonly registry: Registry;
  /** The app service's credentials at the providers (개별인증-003 refresh, 004 revoke). */
  readonly app: ClientCredential;
  /** The operator's mutual-TLS agent to the providers; plain HTTP without it. */
  readonly dispatcher?: Dispatcher;
  readonly settings?: Partial<CollectSettings>;
  /**
   * Refuse to start without a key ring (HANNUN_OPERATOR_KEYS or keys.json) instead of creating one: a worker
   * with keys of its own would seal data nobody else can open.
   */
  readonly requireKeys?: boolean;
}

/**
 * The operator's store (migrated), key ring (`<dataDir>/operator/keys.json` or HANNUN_OPERATOR_KEYS; created
 * on first start), domain and collection engine, configured one way for the operator service of `hannun up`
 * and for `hannun worker` processes, so that any of them can run any job of the shared job table.
 */
export async function openOperatorCore(o: OperatorCoreOptions): Promise<OperatorCore> {
  const { logger } = o;
  const store = await openOperatorStore({ url: storeUrlFor(o.dataDir, o.env), logger });
  try {
    const keysFile = join(o.dataDir, 'operator', 'keys.json');
    if (o.requireKeys && !o.env.HANNUN_OPERATOR_KEYS && !existsSync(keysFile)) {
      throw new Error(
        `no operator key ring: set HANNUN_OPERATOR_KEYS or copy ${keysFile} from the operator (the same keys on every process)`,
      );
    }
    const keys = await loadKeyRing({ dataDir: o.dataDir, env: o.env });
    if (keys.created)
      logger.info({ file: keys.source }, 'operator key ring created: back it up apart from the database');
    if (keys.tightened)
      logger.warn({ file: keys.source }, 'operator key ring file was readable by others: set to 0600');
    const domain = createOperatorDomain({
      store,
      keyRing: keys.ring,
      registry: o.registry,
      recipient: { orgCode: HANNUN_OPERATOR.orgCode, clientId: o.app.clientId },
    });
    const engine = createCollectionEngine({
      domain,
      registry: o.registry,
      orgCode: HANNUN_OPERATOR.orgCode,
      service: { clientId: o.app.clientId, clientSecret: o.app.clientSecret },
      ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
      ...(o.settings ? { settings: o.settings } : {}),
      logger,
    });
    return { store, domain, engine, close: () => store.close() };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
