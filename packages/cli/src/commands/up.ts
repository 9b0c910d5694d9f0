import { ensureAppBuilt } from '@hannun/app';
import { createLogger, type Logger, loadConfig, onShutdown } from '@hannun/infra';
import { SHARED_SETTINGS } from '../ecosystem/up-config.ts';
import { type Ecosystem, type EcosystemOptions, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { formatServiceTable } from '../ecosystem/service-table.ts';
import { HANNUN_VERSION } from '../version.ts';

export interface Output {
  write(text: string): unknown;
}

/** How long Ctrl-C may take before the process is ended anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * `hannun up`: start every service, print what runs where, and stop them all cleanly on SIGINT/SIGTERM
 * (exit 0; a second Ctrl-C or a stuck service exits 1).
 */
export async function runUp(out: Output = process.stdout, opts: EcosystemOptions = {}): Promise<Ecosystem> {
  await buildWebApp(
    createLogger({
      service: 'hannun',
      level: loadConfig({ LOG_LEVEL: SHARED_SETTINGS.LOG_LEVEL }, opts.env ?? process.env).LOG_LEVEL,
      version: HANNUN_VERSION,
      ...(opts.logDestination ? { destination: opts.logDestination } : {}),
    }),
  );
  const eco = await startEcosystem(opts);
  out.write(formatServiceTable(eco.services, eco.demoFile, HANNUN_VERSION));
  onShutdown(
    eco.services.map((s) => ({ name: s.name, kind: 'server' as const, close: s.stop })),
    { logger: eco.logger, timeoutMs: SHUTDOWN_TIMEOUT_MS },
  );
  return eco;
}

/**
 * The person's web app (packages/app) is built with Vite when missing or older than its sources, before the
 * operator serves it on PORT; nothing is downloaded. A failed build does not stop the ecosystem: the API runs and
 * `/` explains what is missing.
 */
async function buildWebApp(logger: Logger): Promise<void> {
  try {
    await ensureAppBuilt({ logger });
  } catch (error) {
    logger.error({ err: error }, 'web app build failed: the operator serves an error page on / (the API works)');
  }
}
