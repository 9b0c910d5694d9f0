import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Environment, type Logger, loadConfig } from '@hannun/infra';
import type { CollectionEngine } from '@hannun/operator';
import { clientAgent, loadPki, type Pki, PkiNotFoundError } from '@hannun/pki';
import { redactStoreUrl, storeUrlFor } from '@hannun/store';
import { DEMO_FILE_NAME } from '../ecosystem/data-dir.ts';
import type { DemoFile } from '../ecosystem/demo-file.ts';
import { HANNUN_APP, HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import { readEcosystemCredentials } from '../ecosystem/ecosystem-credentials.ts';
import { openOperatorCore } from '../operator/operator-core.ts';
import { followPortal } from '../portal/participant-registry.ts';
import { UserError } from '../user-error.ts';
import { WORKER_SETTINGS } from './worker-settings.ts';

/** A worker cannot start: what is missing and how to provide it. */
export class WorkerSetupError extends UserError {
  readonly code = 'HANNUN_WORKER_SETUP';
}

export interface RunningWorker {
  readonly workerId: string;
  readonly engine: CollectionEngine;
  /** The database, without its password. */
  readonly database: string;
  /** Stops claiming; running jobs stop between calls and go back to the queue; then closes everything. */
  stop(): Promise<void>;
}

/**
 * `hannun worker`: the operator's collection engine alone, on the shared database. It needs what the
 * operator has, from its data directory (HANNUN_DATA_DIR): the PKI (`pki/`, for the operator's client
 * certificate), the portal-issued credentials (`ecosystem/credentials.json`: the operator's own for the
 * registry, the app service's for token refresh) and the key ring (`operator/keys.json` or
 * HANNUN_OPERATOR_KEYS) — copied, never created here, so every process seals and opens with the same keys.
 * The registry (institutions' URLs, np_time) is followed from the portal like the operator's own.
 */
export async function startWorker(o: { readonly env: Environment; readonly logger: Logger }): Promise<RunningWorker> {
  const { logger } = o;
  const config = loadConfig(WORKER_SETTINGS, o.env);
  const dataDir = config.HANNUN_DATA_DIR;
  const database = storeUrlFor(dataDir, o.env);

  let pki: Pki;
  try {
    pki = await loadPki({ dataDir });
  } catch (error) {
    if (!(error instanceof PkiNotFoundError)) throw error;
    throw new WorkerSetupError(
      `${error.message}. Copy the operator's data directory (pki/, ecosystem/credentials.json, operator/keys.json) to this machine, or run \`hannun up\` once with HANNUN_DATA_DIR=${dataDir}.`,
    );
  }
  if (!pki.orgs.has(HANNUN_OPERATOR.pkiId)) {
    throw new WorkerSetupError(`the PKI in ${pki.dir} has no certificate of the operator (${HANNUN_OPERATOR.pkiId})`);
  }
  const credentials = await readEcosystemCredentials(dataDir);
  const own = credentials?.orgs.get(HANNUN_OPERATOR.orgCode);
  const app = credentials?.services.get(HANNUN_APP.key);
  if (!own || !app) {
    throw new WorkerSetupError(
      `no credentials of ${HANNUN_OPERATOR.orgCode} and its app in ${join(dataDir, 'ecosystem', 'credentials.json')}: copy the file from the operator's data directory`,
    );
  }
  const portalUrl = config.HANNUN_PORTAL_URL ?? (await portalFromDemoFile(dataDir));
  if (!portalUrl) {
    throw new WorkerSetupError(
      `where is the portal? Set HANNUN_PORTAL_URL (its support APIs, e.g. https://portal.internal:4000), or run \`hannun up\` with HANNUN_DATA_DIR=${dataDir} (it writes the portal's URL into ${DEMO_FILE_NAME})`,
    );
  }

  const mutualTls = !config.HANNUN_INSECURE_NO_MTLS;
  if (!mutualTls) logger.warn('HANNUN_INSECURE_NO_MTLS=true: calling the providers without mutual TLS');
  const dispatcher = mutualTls ? clientAgent(pki.org(HANNUN_OPERATOR.pkiId)) : undefined;
  const cleanups: (() => Promise<unknown>)[] = [];
  if (dispatcher) cleanups.push(() => dispatcher.close());
  const unwind = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  };
  try {
    const participant = await followPortal({
      portalUrl,
      pki,
      credentials: own,
      logger,
      self: HANNUN_OPERATOR,
      role: 'operator',
      tranIdKind: 'M',
      intervalMs: config.REGISTRY_SYNC_INTERVAL_MS,
      mutualTls,
    });
    cleanups.push(() => participant.stop());
    const core = await openOperatorCore({
      dataDir,
      env: o.env,
      logger,
      registry: participant.registry,
      app,
      ...(dispatcher ? { dispatcher } : {}),
      requireKeys: true,
      // Consent follow-ups (revocations) stay with the operator service, which owns the consents.
      settings: {
        maxJobs: config.WORKER_MAX_JOBS,
        perInstitution: config.WORKER_PER_INSTITUTION,
        consentHousekeeping: false,
      },
    });
    cleanups.push(core.close);
    if (core.store.dialect === 'sqlite') {
      logger.warn(
        { database: redactStoreUrl(database) },
        'the job table is in SQLite: workers share it on this machine only; set HANNUN_DATABASE_URL=postgres://… to scale out',
      );
    }
    core.engine.start();
    cleanups.push(() => core.engine.stop());
    logger.info(
      {
        worker: core.engine.workerId,
        database: redactStoreUrl(database),
        portal: portalUrl,
        maxJobs: config.WORKER_MAX_JOBS,
        perInstitution: config.WORKER_PER_INSTITUTION,
        mutualTls,
      },
      'collection worker ready',
    );
    return { workerId: core.engine.workerId, engine: core.engine, database: redactStoreUrl(database), stop: unwind };
  } catch (error) {
    await unwind();
    throw error;
  }
}

/** The portal's support API URL from `<dataDir>/demo.json`, when `hannun up` wrote one. */
async function portalFromDemoFile(dataDir: string): Promise<string | undefined> {
  try {
    const demo = JSON.parse(await readFile(join(dataDir, DEMO_FILE_NAME), 'utf8')) as Partial<DemoFile>;
    return demo.portal?.apiUrl;
  } catch {
    return undefined;
  }
}
